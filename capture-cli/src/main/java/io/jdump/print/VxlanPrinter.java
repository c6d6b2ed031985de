package io.jdump.print;

/**
 * VXLAN (RFC 7348), carrying an Ethernet frame printed on the next line.
 *
 * <pre>
 * |R|R|R|R|I|R|R|R|  reserved 24  |  VNI 24  | reserved 8 |
 * </pre>
 */
final class VxlanPrinter {
    private VxlanPrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "vxlan";
        if (len < 8) {
            c.p("VXLAN (invalid)");
            return;
        }
        c.cur.check(off, 8);
        int flags = c.cur.u8(off);
        c.f("VXLAN, flags [%s] (0x%02x), vni %d\n", (flags & 0x08) != 0 ? "I" : "invalid", flags, c.cur.u24(off + 4));
        EtherPrinter.print(c, off + 8, len - 8);
    }
}
