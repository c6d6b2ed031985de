package io.jdump.print;

import java.util.Map;

/** IP protocol numbers and the names tcpdump 4.99.3 prints in {@code proto NAME (n)} and {@code next-header NAME (n)}. */
final class IpProto {
    private IpProto() {}

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "Options"), Map.entry(1, "ICMP"), Map.entry(2, "IGMP"), Map.entry(4, "IPIP"),
            Map.entry(6, "TCP"), Map.entry(8, "EGP"), Map.entry(9, "IGRP"), Map.entry(17, "UDP"),
            Map.entry(33, "DCCP"), Map.entry(41, "IPv6"), Map.entry(43, "Routing"), Map.entry(44, "Fragment"),
            Map.entry(46, "RSVP"), Map.entry(47, "GRE"), Map.entry(50, "ESP"), Map.entry(51, "AH"),
            Map.entry(55, "Mobile IP"), Map.entry(58, "ICMPv6"), Map.entry(62, "Mobile IP (old)"),
            Map.entry(88, "EIGRP"), Map.entry(89, "OSPF"), Map.entry(103, "PIM"), Map.entry(108, "Compressed IP"),
            Map.entry(112, "VRRP"), Map.entry(113, "PGM"), Map.entry(132, "SCTP"), Map.entry(135, "Mobility"),
            Map.entry(112 + 100000, "CARP"));

    static String name(int proto) {
        return NAMES.getOrDefault(proto, "unknown");
    }

    /** Internet checksum (RFC 1071) over a pseudo-header sum and bytes; returns the folded 16-bit one's complement. */
    static int checksum(long initial, byte[] b, int off, int len) {
        long sum = initial;
        int i = 0;
        for (; i + 1 < len; i += 2) sum += (b[off + i] & 0xff) << 8 | b[off + i + 1] & 0xff;
        if (i < len) sum += (b[off + i] & 0xff) << 8;
        while ((sum >> 16) != 0) sum = (sum & 0xffff) + (sum >> 16);
        return (int) (~sum & 0xffff);
    }

    /** Sum of the TCP/UDP pseudo-header for the IP header described by {@code ip}. */
    static long pseudoHeader(Ctx c, Ip ip, int proto, int len) {
        byte[] b = c.cur.data();
        long sum = 0;
        for (int i = 0; i < ip.addrLen(); i += 2) {
            sum += (b[ip.srcOff() + i] & 0xff) << 8 | b[ip.srcOff() + i + 1] & 0xff;
            sum += (b[ip.finalDstOff() + i] & 0xff) << 8 | b[ip.finalDstOff() + i + 1] & 0xff;
        }
        return sum + proto + (len & 0xffff) + (len >>> 16);
    }
}
