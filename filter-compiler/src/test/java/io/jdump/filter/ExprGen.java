package io.jdump.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random generator of pcap-filter expressions over the language jdump compiles, with
 * addresses, ports and MACs drawn from corpus packets so that primitives match some packets.
 */
final class ExprGen {
    private final Random r;
    private final List<String> v4 = new ArrayList<>(List.of("10.0.0.1", "192.168.1.1", "127.0.0.1"));
    private final List<Integer> ports = new ArrayList<>(List.of(53, 80, 443, 22, 123));
    private final List<String> macs = new ArrayList<>(List.of("ff:ff:ff:ff:ff:ff", "00:11:22:33:44:55"));
    private final boolean ether;
    private final boolean wlan;

    ExprGen(long seed, List<Packets.Pkt> pkts, int netOffset, boolean ether, boolean wlan) {
        this.r = new Random(seed);
        this.ether = ether;
        this.wlan = wlan;
        for (Packets.Pkt p : pkts) harvest(p.data(), netOffset);
    }

    private void harvest(byte[] d, int nl) {
        int macAt = nl == 21 ? 1 : nl == 22 ? 2 : wlan ? 4 : 0;
        if (wlan && d.length > 0 && (d[0] & 0xff) == 0x88) nl += 2;
        if (ether && d.length >= 12 + macAt && macs.size() < 40) {
            macs.add(mac(d, macAt));
            macs.add(mac(d, macAt + 6));
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
            case 0 -> "not " + term(depth - 1);
            case 1 -> depth > 0 ? "(" + expr(depth - 1) + ")" : prim();
            default -> prim();
        };
    }

    private String dir() {
        return pick("", "", "src ", "dst ", "src or dst ", "src and dst ");
    }

    String prim() {
        if (wlan && r.nextInt(3) == 0) {
            return pick("type data", "type mgt", "subtype qos-data", "type data subtype data", "subtype beacon",
                    "dir tods", "dir fromds", "dir nods", "wlan " + pick("src ", "dst ", "addr1 ", "addr2 ", "addr3 ", "addr4 ",
                    "ra ", "ta ", "host ") + pick(macs), "wlan broadcast", "wlan multicast", "llc");
        }
        int p = pick(ports);
        return switch (r.nextInt(ether ? 24 : 20)) {
            case 0 -> dir() + "host " + pick(v4);
            case 1 -> "ip " + dir() + "host " + pick(v4);
            case 2 -> dir() + "net " + net();
            case 3 -> dir() + "port " + p;
            case 4 -> pick("tcp ", "udp ", "sctp ") + dir() + "port " + p;
            case 5 -> pick("", "tcp ", "udp ") + dir() + "portrange " + p + "-" + Math.min(65535, p + r.nextInt(100));
            case 6 -> pick("tcp", "udp", "icmp", "ip", "ip6", "sctp", "icmp6", "igmp", "pim", "ah", "esp", "vrrp");
            case 7 -> pick("ip proto ", "ip6 proto ", "proto ") + pick("1", "6", "17", "58", "\\tcp", "\\udp", "132");
            case 8 -> pick("less ", "greater ") + r.nextInt(200);
            case 9, 10, 11 -> relation();
            case 12 -> "ip6 " + dir() + "net " + pick("::/0", "fe80::/10", "ff00::/8", "2001:db8::/32");
            case 13 -> "ip " + pick("multicast", "host " + pick(v4));
            case 14 -> "ip6 multicast";
            case 15 -> pick("tcp[tcpflags] & tcp-syn != 0", "tcp[tcpflags] & (tcp-syn|tcp-ack) = tcp-ack",
                    "icmp[icmptype] = icmp-echo", "icmp6[icmp6type] = icmp6-echo", "ip[6:2] & 0x1fff = 0");
            case 16 -> pick("arp", "rarp") + pick("", " host " + pick(v4));
            case 17 -> "ip " + dir() + "net " + net();
            case 18 -> "len " + pick(">", "<", ">=", "<=", "=", "!=") + " " + r.nextInt(300);
            case 19 -> "link proto " + pick("\\ip", "\\ip6", "\\arp");
            case 20 -> "ether " + dir() + "host " + pick(macs);
            case 21 -> pick("ether broadcast", "ether multicast", "broadcast", "multicast");
            case 22 -> pick("vlan", "vlan " + r.nextInt(4096), "mpls", "mpls " + r.nextInt(1000), "pppoes", "pppoed");
            default -> "ether proto " + pick("\\ip", "\\arp", "\\ip6", "0x88cc", "\\stp", "\\iso", "\\ipx");
        };
    }

    private String net() {
        String a = pick(v4);
        int len = pick(List.of(8, 16, 24, 32));
        String[] q = a.split("\\.");
        long v = 0;
        for (String x : q) v = v << 8 | Long.parseLong(x);
        v &= 0xffffffffL << (32 - len);
        return (v >> 24 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 8 & 0xff) + "." + (v & 0xff) + "/" + len;
    }

    private String relation() {
        return arith(2, true) + " " + pick(">", "<", ">=", "<=", "=", "!=") + " " + arith(1, true);
    }

    /**
     * An arithmetic expression. Loads that need protocol tests ({@code tcp[...]}) appear only as the leftmost
     * operand ({@code proto}): libpcap 1.10.3 drops the tests of a right operand, a bug jdump does not copy.
     */
    private String arith(int depth, boolean proto) {
        if (depth <= 0 || r.nextInt(3) == 0) {
            return switch (r.nextInt(4)) {
                case 0 -> Integer.toString(r.nextInt(4) == 0 ? r.nextInt() >>> 1 : r.nextInt(256));
                case 1 -> "len";
                default -> (proto ? pick("ip", "tcp", "udp", "icmp", "ether", "link", "ip6", "arp") : pick("ether", "link"))
                        + "[" + r.nextInt(40) + pick("", ":1", ":2", ":4") + "]";
            };
        }
        String op = pick("+", "-", "*", "&", "|", "^", "<<", ">>", "/", "%");
        String right = arith(depth - 1, false);
        if (op.equals("/") || op.equals("%")) right = Integer.toString(1 + r.nextInt(16));
        if (op.equals("<<") || op.equals(">>")) right = Integer.toString(r.nextInt(32));
        String e = arith(depth - 1, proto) + " " + op + " " + right;
        return r.nextBoolean() ? "(" + e + ")" : e;
    }
}
