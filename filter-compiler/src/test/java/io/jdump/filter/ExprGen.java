package io.jdump.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A seeded random generator of pcap-filter expressions over the language jdump compiles, with
 * addresses, ports and MACs drawn from corpus packets so that primitives match some packets.
 * Primitives that {@code rare} accepts (for example ones whose meaning changed between libpcap versions)
 * are kept only one time in {@link #RARE_ONE_IN}; the others are drawn again.
 */
final class ExprGen {
    /** A rare primitive is kept once in this many draws. */
    static final int RARE_ONE_IN = 25;
    private static final String[] PROTOS = {"ether", "link", "ip", "arp", "rarp", "tcp", "udp", "icmp", "ip6", "igmp", "pim",
        "vrrp", "carp", "sctp", "icmp6", "igrp"};
    private static final String[] RELS = {">", "<", ">=", "<=", "=", "==", "!="};
    private final Random r;
    private final List<String> v4 = new ArrayList<>(List.of("10.0.0.1", "192.168.1.1", "127.0.0.1"));
    private final List<String> v6 = new ArrayList<>(List.of("::1", "fe80::1", "2001:db8::1", "ff02::1"));
    private final List<Integer> ports = new ArrayList<>(List.of(53, 80, 443, 22, 123));
    private final List<String> macs = new ArrayList<>(List.of("ff:ff:ff:ff:ff:ff", "00:11:22:33:44:55"));
    private final LinkType type;
    private final boolean ether;
    private final boolean wlan;
    private final Predicate<String> rare;

    ExprGen(long seed, List<Packets.Pkt> pkts, int netOffset, LinkType type, Predicate<String> rare) {
        this.r = new Random(seed);
        this.type = type;
        this.ether = type == LinkType.EN10MB || type == LinkType.FDDI || type == LinkType.IEEE802 || type == LinkType.IEEE802_11;
        this.wlan = type == LinkType.IEEE802_11;
        this.rare = rare;
        for (Packets.Pkt p : pkts) harvest(p.data(), netOffset);
    }

    private void harvest(byte[] d, int nl) {
        int macAt = nl == 21 ? 1 : nl == 22 ? 2 : wlan ? 4 : 0;
        if (wlan && d.length > 0 && (d[0] & 0xff) == 0x88) nl += 2;
        if (ether && d.length >= 12 + macAt && macs.size() < 40) {
            macs.add(mac(d, macAt));
            macs.add(mac(d, macAt + 6));
        }
        if (d.length >= nl + 40 && (d[nl] & 0xf0) == 0x60 && v6.size() < 30) {
            v6.add(ip6(d, nl + 8));
            v6.add(ip6(d, nl + 24));
        }
        if (d.length < nl + 24 || (d[nl] & 0xf0) != 0x40 || v4.size() > 60) return;
        v4.add(ip(d, nl + 12));
        v4.add(ip(d, nl + 16));
        int ihl = (d[nl] & 0xf) * 4;
        if (d.length >= nl + ihl + 4) {
            ports.add((d[nl + ihl] & 0xff) << 8 | (d[nl + ihl + 1] & 0xff));
            ports.add((d[nl + ihl + 2] & 0xff) << 8 | (d[nl + ihl + 3] & 0xff));
        }
    }

    private static String ip(byte[] d, int o) {
        return (d[o] & 0xff) + "." + (d[o + 1] & 0xff) + "." + (d[o + 2] & 0xff) + "." + (d[o + 3] & 0xff);
    }

    private static String ip6(byte[] d, int o) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i += 2) sb.append(i == 0 ? "" : ":").append(Integer.toHexString((d[o + i] & 0xff) << 8 | (d[o + i + 1] & 0xff)));
        return sb.toString();
    }

    private static String mac(byte[] d, int o) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) sb.append(i == 0 ? "" : ":").append(String.format("%02x", d[o + i] & 0xff));
        return sb.toString();
    }

    private <T> T pick(List<T> l) { return l.get(r.nextInt(l.size())); }

    private String pick(String... s) { return s[r.nextInt(s.length)]; }

    String expr(int depth) {
        if (depth <= 0 || r.nextInt(3) == 0) return term(depth);
        return expr(depth - 1) + pick(" and ", " or ", " && ", " || ") + term(depth - 1);
    }

    private String term(int depth) {
        return switch (r.nextInt(8)) {
            case 0 -> pick("not ", "!") + term(depth - 1);
            case 1 -> depth > 0 ? "(" + expr(depth - 1) + ")" : prim();
            default -> prim();
        };
    }

    private String dir() {
        return pick("", "", "src ", "dst ", "src or dst ", "src and dst ");
    }

    /** A primitive; rare ones (see {@link #RARE_ONE_IN}) are mostly drawn again. */
    String prim() {
        while (true) {
            String p = candidate();
            if (!rare.test(p) || r.nextInt(RARE_ONE_IN) == 0) return p;
        }
    }

    private String candidate() {
        if (wlan && r.nextInt(3) == 0) {
            return pick("type data", "type mgt", "type ctl", "subtype qos-data", "type data subtype data", "subtype beacon",
                    "subtype ack", "dir tods", "dir fromds", "dir nods", "dir dstods", "wlan " + pick("src ", "dst ", "addr1 ",
                    "addr2 ", "addr3 ", "addr4 ", "ra ", "ta ", "host ") + pick(macs), "wlan broadcast", "wlan multicast", "llc");
        }
        int p = pick(ports);
        return switch (r.nextInt(ether ? 30 : 26)) {
            case 0 -> dir() + "host " + (r.nextInt(4) == 0 ? pick(v6) : pick(v4));
            case 1 -> pick("ip ", "arp ", "rarp ") + dir() + "host " + pick(v4);
            case 2 -> dir() + "net " + net();
            case 3 -> pick("", "tcp ", "udp ", "sctp ") + dir() + "port " + (r.nextInt(10) == 0 ? pick("domain", "http", "ssh") : p);
            case 4 -> pick("", "ip and ", "ip6 and ") + pick("tcp ", "udp ", "sctp ") + dir() + "port " + p;
            case 5 -> pick("", "tcp ", "udp ", "sctp ") + dir() + "portrange " + p + "-" + Math.min(65535, p + r.nextInt(100));
            case 6 -> pick("tcp", "udp", "icmp", "ip", "ip6", "sctp", "icmp6", "igmp", "pim", "ah", "esp", "vrrp", "carp", "igrp",
                    "arp", "rarp", "atalk", "aarp", "decnet", "lat", "sca", "moprc", "mopdl", "stp", "ipx", "netbeui", "iso",
                    "isis", "clnp", "esis");
            case 7 -> pick("ip proto ", "ip6 proto ", "proto ") + pick("1", "6", "17", "58", "132", "\\tcp", "\\udp", "\\icmp", "\\sctp",
                    Integer.toString(r.nextInt(256)));
            case 8 -> pick("less ", "greater ", "len < ", "len > ", "len <= ", "len >= ") + r.nextInt(200);
            case 9, 10, 11 -> relation();
            case 12 -> "ip6 " + dir() + pick("net " + pick("::/0", "fe80::/10", "ff00::/8", "2001:db8::/32"), "host " + pick(v6),
                    "net " + pick(v6) + "/128");
            case 13 -> pick("ip multicast", "ip broadcast", "ip6 multicast", "ip host " + pick(v4));
            case 14 -> pick("ip", "ip6") + " " + pick("protochain ", "proto ") + pick("6", "17", "1", "58", "51", "44");
            case 15 -> flags();
            case 16 -> pick("ip6 ", "ip ", "") + "protochain " + pick("6", "17", "58", "44", "51", "59", "4", "41", "\\tcp", "\\udp");
            case 17 -> "ip " + dir() + "net " + net();
            case 18 -> dir() + "net " + netMask();
            case 19 -> "link proto " + pick("\\ip", "\\ip6", "\\arp", "0x0800");
            case 20 -> pick("l1", "l2", "iih", "lsp", "snp", "csnp", "psnp");
            case 21 -> "iso proto " + pick("\\clnp", "\\esis", "\\isis");
            case 22, 23 -> "(" + relation() + ")";
            case 24 -> pick("vlan", "vlan " + r.nextInt(4096), "mpls", "mpls " + r.nextInt(1000), "pppoes", "pppoed");
            case 25 -> r.nextBoolean() ? "ip " + pick("src", "dst") + " host " + pick(v4) : "ip6 " + pick("src", "dst") + " host " + pick(v6);
            case 26 -> "ether " + dir() + "host " + pick(macs);
            case 27 -> pick("ether broadcast", "ether multicast", "broadcast", "multicast", "llc", "llc " + pick("i", "s", "u", "rr",
                    "rnr", "rej", "ui", "ua", "disc", "sabme", "test", "xid", "frmr"));
            case 28 -> "ether " + pick("src ", "dst ") + pick(macs);
            default -> "ether proto " + pick("\\ip", "\\arp", "\\ip6", "0x88cc", "\\stp", "\\iso", "\\ipx", "\\atalk", "\\decnet",
                    "\\lat", "\\sca", "\\moprc", "\\mopdl", "\\netbeui", "\\rarp", "\\aarp", Integer.toString(r.nextInt(0x10000)));
        };
    }

    private String flags() {
        return pick("tcp[tcpflags] & " + pick("tcp-syn", "tcp-ack", "tcp-fin", "tcp-rst", "tcp-push", "tcp-urg", "tcp-ece", "tcp-cwr")
                        + " != 0", "tcp[tcpflags] & (tcp-syn|tcp-ack) = tcp-ack", "tcp[tcpflags] == tcp-syn",
                "icmp[icmptype] = " + pick("icmp-echo", "icmp-echoreply", "icmp-unreach", "icmp-timxceed", "icmp-redirect",
                        "icmp-sourcequench", "icmp-paramprob", "icmp-tstamp", "icmp-maskreq", "icmp-routeradvert"),
                "icmp[icmpcode] != 0", "icmp6[icmp6type] = " + pick("icmp6-echo", "icmp6-echoreply", "icmp6-neighborsolicit",
                        "icmp6-neighboradvert", "icmp6-routersolicit", "icmp6-routeradvert", "icmp6-destinationunreach",
                        "icmp6-packettoobig", "icmp6-timeexceeded", "icmp6-parameterproblem"), "icmp6[icmp6code] = 0",
                "ip[6:2] & 0x1fff = 0", "ip6[6] = 44");
    }

    private String net() {
        int len = pick(List.of(8, 16, 24, 32, r.nextInt(33)));
        long v = addr(pick(v4)) & (len == 0 ? 0 : 0xffffffffL << (32 - len));
        if (len % 8 == 0 && len > 0 && r.nextInt(4) == 0) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < len / 8; i++) sb.append(i == 0 ? "" : ".").append(v >> (24 - 8 * i) & 0xff);
            return sb.toString();
        }
        return dotted(v) + "/" + len;
    }

    private String netMask() {
        int len = pick(List.of(8, 16, 24, 32));
        long mask = 0xffffffffL << (32 - len) & 0xffffffffL;
        return dotted(addr(pick(v4)) & mask) + " mask " + dotted(mask);
    }

    private static long addr(String a) {
        long v = 0;
        for (String x : a.split("\\.")) v = v << 8 | Long.parseLong(x);
        return v;
    }

    private static String dotted(long v) {
        return (v >> 24 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 8 & 0xff) + "." + (v & 0xff);
    }

    private String relation() {
        return arith(2, true) + " " + pick(RELS) + " " + arith(1, false);
    }

    private String constant() {
        return switch (r.nextInt(6)) {
            case 0 -> Integer.toUnsignedString(r.nextInt());
            case 1 -> "0x" + Integer.toHexString(r.nextInt(0x10000));
            case 2 -> "0" + Integer.toOctalString(r.nextInt(64));
            default -> Integer.toString(r.nextInt(256));
        };
    }

    private String load(boolean proto) {
        String p = proto ? pick(PROTOS) : pick("ether", "link");
        String index = r.nextInt(8) == 0 ? "len - " + r.nextInt(8) : r.nextInt(6) == 0 ? pick("ether", "link") + "[" + r.nextInt(20) + "] & 7"
                : Integer.toString(r.nextInt(48));
        return p + "[" + index + pick("", ":1", ":2", ":4") + "]";
    }

    /**
     * An arithmetic expression. Loads that need protocol tests ({@code tcp[...]}) appear only in the leftmost
     * operand ({@code proto}): libpcap 1.10.3 drops the tests of a right operand, a bug jdump does not copy.
     * Divisors and shift counts are constants (0 included for division: both compilers refuse it), or link-layer
     * loads (a divisor of 0 at run time ends the program with 0), or counts masked to 0..31 (a shift by 32 or more
     * is undefined in libpcap's C). libpcap checks the first instruction of a divisor or shift count, not its
     * value: {@code x >> (181 & 31)} is refused as a shift by more than 31 bits ({@code ld #181}), {@code x / (ether[0]
     * & 3)} as a division by zero ({@code ld #0}, the index); a few such operands are generated, most are not.
     */
    private String arith(int depth, boolean proto) {
        if (depth <= 0 || r.nextInt(3) == 0) {
            return switch (r.nextInt(6)) {
                case 0, 1 -> constant();
                case 2 -> "len";
                default -> load(proto);
            };
        }
        String op = pick("+", "-", "*", "&", "|", "^", "<<", ">>", "/", "%");
        String right = switch (op) {
            case "/", "%" -> switch (r.nextInt(12)) {
                case 0 -> "0";
                case 1 -> "(" + arith(depth - 1, false) + ")";
                case 2, 3, 4 -> "(" + pick("ether", "link") + "[" + (1 + r.nextInt(47)) + pick("", ":2") + "] & 3)";
                default -> Integer.toString(1 + r.nextInt(16));
            };
            case "<<", ">>" -> switch (r.nextInt(12)) {
                case 0 -> "(" + arith(depth - 1, false) + " & 31)";
                case 1, 2, 3 -> "(" + pick("len", pick("ether", "link") + "[" + r.nextInt(32) + "]") + " & 31)";
                default -> Integer.toString(r.nextInt(32));
            };
            default -> arith(depth - 1, false);
        };
        String left = r.nextInt(12) == 0 ? "-" + arith(depth - 1, proto) : arith(depth - 1, proto);
        String e = left + " " + op + " " + right;
        return r.nextBoolean() ? "(" + e + ")" : e;
    }
}
