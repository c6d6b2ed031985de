package io.jdump.filter;

import io.jdump.filter.sema.Resolver;
import java.util.Objects;

/**
 * How to compile a filter.
 *
 * @param linkType        the DLT of the packets the program will see
 * @param snaplen         the verdict for an accepted packet ({@code ret #snaplen}); libpcap's default is 262144
 * @param optimize        run the optimizer (not implemented yet: the CFG is emitted as generated)
 * @param netmask         IPv4 netmask of the capture interface, for {@code ip broadcast}; {@link #NETMASK_UNKNOWN}
 *                        when not known (the filter suite's default); tcpdump passes 0 for savefiles
 * @param resolver        name lookups (hosts, networks, ports, protocols, MAC addresses)
 * @param linuxExtensions compile {@code inbound}, {@code vlan} etc. to Linux ancillary loads (live Linux sockets)
 * @param offline         compiling for packets of a savefile rather than a live capture, and the savefile's byte
 *                        order (libpcap's offline address-family handling, filtertest {@code -S}): address
 *                        families written by other systems are matched too ({@link Offline})
 */
public record CompileOptions(LinkType linkType, int snaplen, boolean optimize, int netmask, Resolver resolver,
                             boolean linuxExtensions, Offline offline) {
    /**
     * Whether the filter is for a savefile, and whether that file's byte order is the host's. For a savefile the
     * address-family fields of BSD loopback, OpenBSD loopback and pflog headers are matched against the values of
     * every BSD ({@code AF_INET6} is 24, 28 or 30 there), and DLT_NULL's host-order field in both byte orders, the
     * file's own order second when it is the host's.
     */
    public enum Offline {
        /** A live capture: the values of this host (Linux). */
        LIVE,
        /** A savefile in the host's byte order. */
        UNSWAPPED,
        /** A savefile in the opposite byte order. */
        SWAPPED
    }

    /** libpcap's {@code PCAP_NETMASK_UNKNOWN}. */
    public static final int NETMASK_UNKNOWN = 0xffffffff;
    /** libpcap's default snapshot length, the verdict of an accepted packet. */
    public static final int DEFAULT_SNAPLEN = 262144;

    public CompileOptions {
        Objects.requireNonNull(linkType, "linkType");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(offline, "offline");
    }

    /** Options for a live capture ({@link Offline#LIVE}). */
    public CompileOptions(LinkType linkType, int snaplen, boolean optimize, int netmask, Resolver resolver, boolean linuxExtensions) {
        this(linkType, snaplen, optimize, netmask, resolver, linuxExtensions, Offline.LIVE);
    }

    /** Defaults for {@code linkType}: snaplen 262144, optimize on, netmask unknown, the system resolver, no Linux extensions. */
    public static CompileOptions of(LinkType linkType) {
        return new CompileOptions(linkType, DEFAULT_SNAPLEN, true, NETMASK_UNKNOWN, Resolver.system(), false);
    }

    /** A copy with another snaplen. */
    public CompileOptions withSnaplen(int n) { return new CompileOptions(linkType, n, optimize, netmask, resolver, linuxExtensions, offline); }

    /** A copy with optimization on or off. */
    public CompileOptions withOptimize(boolean o) { return new CompileOptions(linkType, snaplen, o, netmask, resolver, linuxExtensions, offline); }

    /** A copy with another netmask. */
    public CompileOptions withNetmask(int m) { return new CompileOptions(linkType, snaplen, optimize, m, resolver, linuxExtensions, offline); }

    /** A copy with another resolver. */
    public CompileOptions withResolver(Resolver r) { return new CompileOptions(linkType, snaplen, optimize, netmask, r, linuxExtensions, offline); }

    /** A copy compiled for a savefile of the given byte order, or for a live capture ({@link Offline#LIVE}). */
    public CompileOptions withOffline(Offline o) { return new CompileOptions(linkType, snaplen, optimize, netmask, resolver, linuxExtensions, o); }

    /** A copy with Linux extensions on or off. */
    public CompileOptions withLinuxExtensions(boolean l) { return new CompileOptions(linkType, snaplen, optimize, netmask, resolver, l, offline); }
}
