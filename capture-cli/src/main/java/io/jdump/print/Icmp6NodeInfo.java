package io.jdump.print;

/**
 * ICMPv6 node information queries and replies (RFC 4620), which tcpdump calls "who-are-you".
 *
 * <pre>
 * | type 8 | code 8 | checksum 16 | qtype 16 | flags 16 | nonce 64 | data (subject or reply) ... |
 * </pre>
 *
 * A query's code says what its subject is (0 an IPv6 address, 1 a name, 2 an IPv4 address); a
 * reply's code says how it went (0 success, 1 refused, 2 unknown qtype).
 */
final class Icmp6NodeInfo {
    private Icmp6NodeInfo() {}

    private static final int HEADER = 16;

    static void query(Ctx c, int off, int len) {
        c.p("who-are-you request node information query (");
        c.cur.check(off, HEADER);
        int code = c.cur.u8(off + 1);
        int qtype = c.cur.u16(off + 4);
        int flags = c.cur.u16(off + 6);
        c.p(qtypeName(qtype));
        if (qtype == 3) flags(c, flags);
        int d = off + HEADER;
        switch (code) {
            case 0 -> { if (len - HEADER >= 16) c.p(", subject=").p(c.ip6(d)); }
            case 2 -> { if (len - HEADER >= 4) c.p(", subject=").p(c.ip4(d)); }
            default -> { }
        }
        c.p(")");
        if (c.v() == 0) c.p(", length ").p(len);
    }

    static void reply(Ctx c, int off, int len) {
        c.p("who-are-you reply node information reply (");
        c.cur.check(off, HEADER);
        int code = c.cur.u8(off + 1);
        int qtype = c.cur.u16(off + 4);
        int flags = c.cur.u16(off + 6);
        c.p(switch (code) {
            case 0 -> "success";
            case 1 -> "refused";
            default -> "unknown";
        });
        if (code == 0) {
            c.p(", ").p(qtypeName(qtype));
            if (qtype == 3) {
                for (int p = off + HEADER; p + 20 <= off + len; p += 20) {
                    c.p(" ").p(c.ip6(p + 4)).p("(").p(c.cur.u32(p)).p(")");
                }
                flags(c, flags);
            }
        }
        c.p(")");
        if (c.v() == 0) c.p(", length ").p(len);
    }

    private static String qtypeName(int qtype) {
        return switch (qtype) {
            case 0 -> "noop";
            case 1 -> "supported qtypes";
            case 2 -> "DNS name";
            case 3 -> "node addresses";
            default -> "unknown";
        };
    }

    /** The node-addresses flags (RFC 4620 section 6.3), as letters in brackets. */
    private static void flags(Ctx c, int flags) {
        if ((flags & 0x3f) == 0) return;
        c.p(" [");
        if ((flags & 0x20) != 0) c.p("G");
        if ((flags & 0x10) != 0) c.p("S");
        if ((flags & 0x08) != 0) c.p("L");
        if ((flags & 0x04) != 0) c.p("C");
        if ((flags & 0x02) != 0) c.p("A");
        if ((flags & 0x01) != 0) c.p("T");
        c.p("]");
    }
}
