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
 */
public record CompileOptions(LinkType linkType, int snaplen, boolean optimize, int netmask, Resolver resolver,
                             boolean linuxExtensions) {
    /** libpcap's {@code PCAP_NETMASK_UNKNOWN}. */
    public static final int NETMASK_UNKNOWN = 0xffffffff;
    /** libpcap's default snapshot length, the verdict of an accepted packet. */
    public static final int DEFAULT_SNAPLEN = 262144;

    public CompileOptions {
        Objects.requireNonNull(linkType, "linkType");
        Objects.requireNonNull(resolver, "resolver");
    }

    /** Defaults for {@code linkType}: snaplen 262144, optimize on, netmask unknown, the system resolver, no Linux extensions. */
    public static CompileOptions of(LinkType linkType) {
        return new CompileOptions(linkType, DEFAULT_SNAPLEN, true, NETMASK_UNKNOWN, Resolver.system(), false);
    }

    /** A copy with another snaplen. */
    public CompileOptions withSnaplen(int n) { return new CompileOptions(linkType, n, optimize, netmask, resolver, linuxExtensions); }

    /** A copy with optimization on or off. */
    public CompileOptions withOptimize(boolean o) { return new CompileOptions(linkType, snaplen, o, netmask, resolver, linuxExtensions); }

    /** A copy with another netmask. */
    public CompileOptions withNetmask(int m) { return new CompileOptions(linkType, snaplen, optimize, m, resolver, linuxExtensions); }

    /** A copy with another resolver. */
    public CompileOptions withResolver(Resolver r) { return new CompileOptions(linkType, snaplen, optimize, netmask, r, linuxExtensions); }

    /** A copy with Linux extensions on or off. */
    public CompileOptions withLinuxExtensions(boolean l) { return new CompileOptions(linkType, snaplen, optimize, netmask, resolver, l); }
}
