package io.jdump.filter.sema;

import java.util.List;
import java.util.Map;

/**
 * Name lookups the compiler needs: host names to IPv4/IPv6/MAC addresses, network names,
 * service (port) names and IP protocol names. Injectable, so tests never touch DNS or
 * {@code /etc}: they use {@link #of}. Lookups of host names are case-insensitive.
 */
public interface Resolver {
    /** IPv4 addresses of {@code host} (big-endian ints), in resolver order; empty if unknown. */
    List<Integer> ipv4(String host);

    /** IPv6 addresses of {@code host} (16 bytes each); empty if unknown. */
    List<byte[]> ipv6(String host);

    /** The MAC address of {@code host} (6 bytes, from {@code /etc/ethers}), or null. */
    byte[] mac(String host);

    /** The network number of {@code name} (from {@code /etc/networks}), or null. */
    Integer network(String name);

    /** The port of service {@code name} for {@code proto} ("tcp", "udp" or "sctp"), or -1. */
    int port(String name, String proto);

    /** The IP protocol number of {@code name} (from {@code /etc/protocols}), or -1. */
    int protocol(String name);

    /** The resolver of the running system: {@code /etc/hosts} and DNS via {@link java.net.InetAddress}, the {@code /etc} files. */
    static Resolver system() {
        return SystemResolver.INSTANCE;
    }

    /** A resolver answering from maps only (names lower-case); ports and protocols fall back to {@link WellKnown}. */
    static Resolver of(Map<String, List<Integer>> v4, Map<String, List<byte[]>> v6, Map<String, byte[]> macs,
                       Map<String, Integer> networks) {
        return new MapResolver(v4, v6, macs, networks);
    }
}
