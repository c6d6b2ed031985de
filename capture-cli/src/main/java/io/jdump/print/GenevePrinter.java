package io.jdump.print;

/**
 * Geneve (RFC 8926).
 *
 * <pre>
 * |Ver|Opt Len|O|C| Rsvd |  Protocol Type  |  VNI 24  | Rsvd 8 | options ... |
 * </pre>
 */
final class GenevePrinter {
    private GenevePrinter() {}

    private static final String FLAG_NAMES = "O C R1R2R3R4R5R6";

    static void print(Ctx c, int off, int len) {
        c.proto = "geneve";
        if (len < 8) {
            c.p("Geneve [length ").p(len).p(" < 8] (invalid)");
            return;
        }
        int b0 = c.cur.u8(off);
        int ver = b0 >> 6;
        if (ver != 0) {
            c.p("Geneve ERROR: unknown-version ").p(ver);
            return;
        }
        c.cur.check(off, 8);
        int b1 = c.cur.u8(off + 1);
        int proto = c.cur.u16(off + 2);
        int optLen = (b0 & 0x3f) * 4;
        c.p("Geneve, Flags [").p(flags(b1)).p("]");
        c.f(", vni 0x%x", c.cur.u24(off + 4));
        int rsvd = c.cur.u8(off + 7);
        if (rsvd != 0) c.f(", rsvd 0x%x", rsvd);
        if (c.opts.linkLevel()) {
            String name = Dispatch.ETHERTYPE_NAMES.get(proto);
            c.f(", proto %s (0x%04x)", name == null ? "unknown" : name, proto);
        }
        if (len < 8 + optLen) {
            c.p(" truncated-geneve - ").p(8 + optLen - len).p(" bytes missing");
            return;
        }
        if (optLen > 0 && c.v() > 0) {
            c.p(", options [");
            options(c, off + 8, optLen);
            c.p("]");
        }
        c.p(c.v() > 0 ? "\n\t" : ": ");
        int p = off + 8 + optLen;
        int rest = len - 8 - optLen;
        if (proto == 0x6558) EtherPrinter.print(c, p, rest);
        else if (!Dispatch.ethertype(c, proto, p, rest)) c.f("geneve-proto-0x%x", proto);
    }

    private static String flags(int b1) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if ((b1 & (0x80 >> i)) != 0) sb.append(FLAG_NAMES, 2 * i, 2 * i + 2);
        }
        String s = sb.toString().replace(" ", "");
        return s.isEmpty() ? "none" : s;
    }

    private static void options(Ctx c, int off, int len) {
        int i = 0;
        while (i < len) {
            if (i > 0) c.p(", ");
            int cls = c.cur.u16(off + i);
            int type = c.cur.u8(off + i + 2);
            int olen = 4 + (c.cur.u8(off + i + 3) & 0x1f) * 4;
            c.f("class %s (0x%04x) type 0x%02x%s len %d", "Unknown", cls, type, (type & 0x80) != 0 ? "(C)" : "", olen);
            if (olen > len - i) {
                c.p(" [bad length]");
                return;
            }
            i += olen;
        }
    }
}
