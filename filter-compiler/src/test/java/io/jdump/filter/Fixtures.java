package io.jdump.filter;

import io.jdump.filter.lex.Ipv6;
import io.jdump.filter.sema.Resolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The filter suite's name-resolution fixtures (its README: /etc/hosts, /etc/ethers, /etc/networks) as a map-backed {@link Resolver}. */
final class Fixtures {
    private Fixtures() {}

    private static final String HOSTS = """
            10.20.30.40 noeth-ipv4-noipv6.host123.libpcap.test
            10.20.30.40 noeth-ipv4-ipv6.host123.libpcap.test
            10.20.30.40 eth-ipv4-noipv6.host123.libpcap.test
            10.20.30.40 eth-ipv4-ipv6.host123.libpcap.test
            fd00:a1b2:c3d4::1020:3040:5060:7080 noeth-noipv4-ipv6.host123.libpcap.test
            fd00:a1b2:c3d4::1020:3040:5060:7080 noeth-ipv4-ipv6.host123.libpcap.test
            fd00:a1b2:c3d4::1020:3040:5060:7080 eth-noipv4-ipv6.host123.libpcap.test
            fd00:a1b2:c3d4::1020:3040:5060:7080 eth-ipv4-ipv6.host123.libpcap.test
            192.168.243.1 eth-ipv4x4-noipv6.host357.libpcap.test
            192.168.242.4 eth-ipv4x4-noipv6.host357.libpcap.test
            192.168.244.2 eth-ipv4x4-noipv6.host357.libpcap.test
            192.168.241.3 eth-ipv4x4-noipv6.host357.libpcap.test
            192.168.241.3 eth-ipv4x4-ipv6x2.host357.libpcap.test
            192.168.244.2 eth-ipv4x4-ipv6x2.host357.libpcap.test
            192.168.242.4 eth-ipv4x4-ipv6x2.host357.libpcap.test
            192.168.243.1 eth-ipv4x4-ipv6x2.host357.libpcap.test
            fd00:a1b2:c3d4::a0b0:c0d0:e0f0:1278 eth-noipv4-ipv6x2.host357.libpcap.test
            fd00:a1b2:c3d4::a0b0:c0d0:e0f0:3456 eth-noipv4-ipv6x2.host357.libpcap.test
            fd00:a1b2:c3d4::a0b0:c0d0:e0f0:3456 eth-ipv4x4-ipv6x2.host357.libpcap.test
            fd00:a1b2:c3d4::a0b0:c0d0:e0f0:1278 eth-ipv4x4-ipv6x2.host357.libpcap.test
            """;
    private static final String ETHERS = """
            aa:00:04:00:14:0e eth-noipv4-noipv6.host123.libpcap.test
            aa:00:04:00:14:0e eth-noipv4-ipv6.host123.libpcap.test
            aa:00:04:00:14:0e eth-ipv4-noipv6.host123.libpcap.test
            aa:00:04:00:14:0e eth-ipv4-ipv6.host123.libpcap.test
            aa:00:04:00:01:08 eth-ipv4x4-noipv6.host357.libpcap.test
            aa:00:04:00:01:08 eth-noipv4-ipv6x2.host357.libpcap.test
            aa:00:04:00:01:08 eth-ipv4x4-ipv6x2.host357.libpcap.test
            """;

    /** The resolver with the suite's hosts, ethers and networks. */
    static Resolver resolver() {
        Map<String, List<Integer>> v4 = new HashMap<>();
        Map<String, List<byte[]>> v6 = new HashMap<>();
        for (String line : HOSTS.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f[0].contains(":")) {
                v6.computeIfAbsent(f[1], k -> new ArrayList<>()).add(Ipv6.parse(f[0]));
            } else {
                int a = 0;
                for (String x : f[0].split("\\.")) a = a << 8 | Integer.parseInt(x);
                v4.computeIfAbsent(f[1], k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, byte[]> macs = new HashMap<>();
        for (String line : ETHERS.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            byte[] m = new byte[6];
            String[] b = f[0].split(":");
            for (int i = 0; i < 6; i++) m[i] = (byte) Integer.parseInt(b[i], 16);
            macs.put(f[1], m);
        }
        Map<String, Integer> nets = Map.of("net-10-0-0-0.libpcap.test", 0x0a000000,
                "net-10-20-0-0.libpcap.test", 0x0a140000, "net-10-20-30-0.libpcap.test", 0x0a141e00);
        return Resolver.of(v4, v6, macs, nets);
    }
}
