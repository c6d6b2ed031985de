package io.jdump.filter.gen;

import io.jdump.filter.ast.Proto;
import io.jdump.filter.sema.Resolver;
import java.util.Locale;
import java.util.Map;

/** Parsing of address literals and lookups of port and Ethertype names. */
final class Addresses {
    private Addresses() {}

    /** A possibly abbreviated dotted IPv4 address: {value, bits given} ({@code 10.1} is {0x0a01, 16}). */
    static long[] atoin(String s) {
        String[] parts = s.split("\\.");
        long v = 0;
        for (String p : parts) {
            long n = Long.parseLong(p);
            if (n > 255) throw Gen.error("invalid IPv4 address '" + s + "'");
            v = v << 8 | n;
        }
        return new long[] {v, 8L * parts.length};
    }

    /** The six bytes of a MAC address in any of the scanner's notations. */
    static byte[] mac(String text) {
        String hex;
        if (text.matches("[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}") || text.matches("[0-9a-fA-F]{12}")) {
            hex = text.replace(".", "");
        } else {
            StringBuilder sb = new StringBuilder();
            for (String b : text.split("[:.\\-]")) sb.append(b.length() == 1 ? "0" + b : b);
            hex = sb.toString();
        }
        byte[] m = new byte[6];
        for (int i = 0; i < 6; i++) m[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        return m;
    }

    /** A port or port range given by name: {@code http}, {@code 1-1023}, {@code ftp-data-http}. */
    static int[] portRange(Resolver r, String name, Proto proto, boolean range) {
        int p = port(r, name, proto);
        if (p >= 0) return new int[] {p, p};
        if (range) {
            int dash = name.indexOf('-');
            while (dash > 0) {
                int a = port(r, name.substring(0, dash), proto);
                int b = port(r, name.substring(dash + 1), proto);
                if (a >= 0 && b >= 0) return new int[] {a, b};
                dash = name.indexOf('-', dash + 1);
            }
            throw Gen.error("unknown port in range '" + name + "'");
        }
        throw Gen.error("unknown port '" + name + "'");
    }

    private static int port(Resolver r, String s, Proto proto) {
        if (s.matches("[0-9]+")) {
            long n = Long.parseLong(s);
            if (n > 65535) throw Gen.error("port number " + n + " greater than maximum 65535");
            return (int) n;
        }
        String ps = switch (proto) {
            case UDP -> "udp";
            case SCTP -> "sctp";
            default -> "tcp";
        };
        int p = r.port(s, ps);
        if (p < 0 && proto == Proto.SCTP) p = r.port(s, "tcp");
        if (p < 0 && (proto == Proto.DEFAULT || proto == Proto.SCTP)) p = r.port(s, "udp");
        return p;
    }

    private static final Map<String, Integer> ETHER_PROTOS = Map.ofEntries(
            Map.entry("ip", LinkLayer.IP), Map.entry("ip6", LinkLayer.IPV6), Map.entry("arp", LinkLayer.ARP),
            Map.entry("rarp", LinkLayer.REVARP), Map.entry("atalk", LinkLayer.ATALK), Map.entry("aarp", LinkLayer.AARP),
            Map.entry("decnet", LinkLayer.DN), Map.entry("sca", LinkLayer.SCA), Map.entry("lat", LinkLayer.LAT),
            Map.entry("mopdl", LinkLayer.MOPDL), Map.entry("moprc", LinkLayer.MOPRC), Map.entry("iso", LinkLayer.SAP_ISONS),
            Map.entry("stp", LinkLayer.SAP_STP), Map.entry("ipx", LinkLayer.SAP_IPX), Map.entry("netbeui", LinkLayer.SAP_NETBEUI),
            Map.entry("lldp", 0x88cc), Map.entry("loopback", 0x9000), Map.entry("slow", 0x8809),
            Map.entry("vlan", 0x8100), Map.entry("mpls", 0x8847), Map.entry("pppoed", 0x8863), Map.entry("pppoes", 0x8864),
            Map.entry("8021q", 0x8100), Map.entry("ipv6", 0x86dd), Map.entry("eapol", 0x888e), Map.entry("ppp", 0x880b));

    /** The OSI network-layer protocol id (NLPID) named {@code name}, or -1. */
    static int isoProto(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "clnp" -> 0x81;
            case "esis", "es-is" -> 0x82;
            case "isis", "is-is" -> 0x83;
            default -> -1;
        };
    }

    /** The Ethertype (or SAP) named {@code name} (libpcap's fixed table), or -1. */
    static int etherProto(String name) {
        return ETHER_PROTOS.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
    }
}
