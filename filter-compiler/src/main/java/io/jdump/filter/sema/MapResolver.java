package io.jdump.filter.sema;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link Resolver} over fixed maps: hermetic, for tests and embedding. */
record MapResolver(Map<String, List<Integer>> v4, Map<String, List<byte[]>> v6, Map<String, byte[]> macs,
                   Map<String, Integer> networks) implements Resolver {
    private static String key(String s) { return s.toLowerCase(Locale.ROOT); }

    @Override public List<Integer> ipv4(String host) { return v4.getOrDefault(key(host), List.of()); }

    @Override public List<byte[]> ipv6(String host) { return v6.getOrDefault(key(host), List.of()); }

    @Override public byte[] mac(String host) { return macs.get(key(host)); }

    @Override public Integer network(String name) { return networks.get(key(name)); }

    @Override public int port(String name, String proto) { return WellKnown.port(name, proto); }

    @Override public int protocol(String name) { return WellKnown.protocol(name); }
}
