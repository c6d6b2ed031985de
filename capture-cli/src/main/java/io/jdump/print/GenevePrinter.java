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
        StringBuilder f = new StringBuilder();
        if ((b1 & 0x80) != 0) f.append("O");
        if ((b1 & 0x40) != 0) f.append(f.isEmpty() ? "" : ", ").append("C");
        c.p("Geneve, Flags [").p(f.isEmpty() ? "none" : f.toString()).p("]");
        c.f(", vni 0x%x", c.cur.u24(off + 4));
        if (c.v() > 0) c.f(", proto %s (0x%04x)", Dispatch.ethertypeName(proto), proto);
        if (optLen > 0) c.p(", options [").p(optLen).p(" bytes]");
        c.p(c.v() > 0 ? "\n\t" : ": ");
        int p = off + 8 + optLen;
        if (proto == 0x6558) EtherPrinter.print(c, p, len - 8 - optLen);
        else if (!Dispatch.ethertype(c, proto, p, len - 8 - optLen)) c.p("ethertype ").f("0x%04x", proto);
    }
}
