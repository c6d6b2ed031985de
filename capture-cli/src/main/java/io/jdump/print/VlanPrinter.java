package io.jdump.print;

/**
 * IEEE 802.1Q VLAN tags and 802.1ad (QinQ) service tags.
 *
 * <pre>
 * +---+-+------------+-----------------+
 * |PCP|D|  VLAN ID   | inner ethertype |
 * +---+-+------------+-----------------+
 *  3   1     12             16 bits
 * </pre>
 */
final class VlanPrinter {
    private VlanPrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "vlan";
        if (off == c.linkHeader) c.linkHeader = Math.min(off + 4, c.cur.end());
        int tci = c.cur.u16(off);
        int type = c.cur.u16(off + 2);
        if (c.opts.linkLevel()) {
            c.f("vlan %d, p %d%s, ", tci & 0xfff, tci >> 13, (tci & 0x1000) != 0 ? ", DEI" : "");
            if (type > 1500) c.f("ethertype %s (0x%04x), ", Dispatch.ethertypeName(type), type);
        }
        if (type <= 1500) {
            if (c.opts.linkLevel()) c.p("802.3");
            int end = c.cur.narrow(off + 4 + type);
            LlcPrinter.print(c, c.etherOff, off + 4, Math.min(type, len - 4));
            c.cur.restore(end);
            return;
        }
        if (Dispatch.ethertype(c, type, off + 4, len - 4)) return;
        if (!c.opts.linkLevel()) EtherPrinter.header(c, c.etherOff, type, c.etherLen);
        c.hexAscii(off + 4, len - 4);
    }
}
