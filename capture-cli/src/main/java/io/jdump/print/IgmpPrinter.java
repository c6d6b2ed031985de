package io.jdump.print;

/**
 * IGMP v1/v2/v3 (RFC 1112, RFC 2236, RFC 3376).
 *
 * <pre>
 * | type 1 | max resp 1 | checksum 2 | group address 4 | (v3 fields) |
 * </pre>
 */
final class IgmpPrinter {
    private IgmpPrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "igmp";
        if (c.quiet()) {
            c.p("igmp");
            return;
        }
        int type = c.cur.u8(off);
        switch (type) {
            case 0x11 -> query(c, off, len);
            case 0x12 -> { String g = c.ip4(off + 4); c.p("igmp v1 report ").p(g); }
            case 0x16 -> { String g = c.ip4(off + 4); c.p("igmp v2 report ").p(g); }
            case 0x17 -> { String g = c.ip4(off + 4); c.p("igmp leave ").p(g); }
            case 0x22 -> c.p("igmp v3 report, ").p(c.cur.u16(off + 6)).p(" group record(s)");
            default -> c.f("igmp-%d", type);
        }
    }

    private static void query(Ctx c, int off, int len) {
        int mrt = c.cur.u8(off + 1);
        if (len >= 12) {
            c.p("igmp query v3");
            if (mrt != 10) c.p(" [max resp time ").p(mrt).p("]");
            String g = c.ip4(off + 4);
            if (!g.equals("0.0.0.0")) c.p(" [gaddr ").p(g).p("]");
            return;
        }
        c.p(mrt == 0 ? "igmp query v1" : "igmp query v2");
        if (mrt != 0 && mrt != 100) c.p(" [max resp time ").p(mrt).p("]");
        String g = c.ip4(off + 4);
        if (!g.equals("0.0.0.0")) c.p(" [gaddr ").p(g).p("]");
    }
}
