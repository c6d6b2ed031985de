package io.jdump.print;

/** Multicast listener discovery: MLDv1 query/report/done (RFC 2710) and MLDv2 reports (RFC 3810). */
final class Icmp6Mld {
    private Icmp6Mld() {}

    static void v1(Ctx c, int type, int off, int len) {
        String name = switch (type) {
            case 130 -> "multicast listener query";
            case 131 -> "multicast listener report";
            default -> "multicast listener done";
        };
        if (type == 130 && len >= 28) {
            c.p("multicast listener query v2");
            query2(c, off, len);
            return;
        }
        c.p(name).p(" max resp delay ").p(c.cur.u16(off + 4)).p(" addr ").p(c.ip6(off + 8)).p(", length ").p(len);
    }

    private static void query2(Ctx c, int off, int len) {
        int mrc = c.cur.u16(off + 4);
        long delay = mrc < 0x8000 ? mrc : (long) ((mrc & 0x0fff) | 0x1000) << (((mrc >> 12) & 7) + 3);
        String group = c.ip6(off + 8);
        if (c.v() == 0) {
            c.p(" [gaddr ").p(group);
            int n = c.cur.u16(off + 26);
            if (n > 0) sources(c, off + 28, n);
            c.p("], length ").p(len);
            return;
        }
        c.p(" [max resp delay=").p(delay).p("]");
        int qrv = c.cur.u8(off + 24) & 7;
        int qqic = c.cur.u8(off + 25);
        long qqi = qqic < 128 ? qqic : (long) ((qqic & 0x0f) | 0x10) << (((qqic >> 4) & 7) + 3);
        c.p(" [gaddr ").p(group);
        if (qrv != 0) c.p(" robustness=").p(qrv);
        c.p(" qqi=").p(qqi);
        int n = c.cur.u16(off + 26);
        if (n > 0) sources(c, off + 28, n);
        c.p("]");
    }

    static void report2(Ctx c, int off, int len) {
        int n = c.cur.u16(off + 6);
        c.p("multicast listener report v2, ").p(n).p(" group record(s)");
        if (c.v() == 0) {
            c.p(", length ").p(len);
            return;
        }
        int p = off + 8;
        for (int i = 0; i < n; i++) {
            int rtype = c.cur.u8(p);
            int aux = c.cur.u8(p + 1);
            int srcs = c.cur.u16(p + 2);
            c.p(" [gaddr ").p(c.ip6(p + 4)).p(" ").p(recordType(rtype));
            sources(c, p + 20, srcs);
            c.p("]");
            p += 20 + 16 * srcs + aux * 4;
        }
    }

    private static void sources(Ctx c, int p, int n) {
        if (c.v() <= 1) {
            c.p(", ").p(n).p(" source(s)");
            return;
        }
        c.p(" { ");
        for (int s = 0; s < n; s++) c.p(c.ip6(p + 16 * s)).p(" ");
        c.p("}");
    }

    private static String recordType(int t) {
        return switch (t) {
            case 1 -> "is_in";
            case 2 -> "is_ex";
            case 3 -> "to_in";
            case 4 -> "to_ex";
            case 5 -> "allow";
            case 6 -> "block";
            default -> "unknown";
        };
    }
}
