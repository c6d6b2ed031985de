package io.jdump.print;

/**
 * LLDP (IEEE 802.1AB): the frame length, and with {@code -v} one line per TLV; TLV contents are
 * shown as hex for types this printer does not decode.
 *
 * <pre>
 * | type 7 bits | length 9 bits | value ... |   repeated until the End TLV (type 0)
 * </pre>
 */
final class LldpPrinter {
    private LldpPrinter() {}

    private static final String[] NAMES = {"End", "Chassis ID", "Port ID", "Time to Live", "Port Description",
        "System Name", "System Description", "System Capabilities", "Management Address"};

    static void print(Ctx c, int off, int len) {
        c.proto = "lldp";
        c.p("LLDP, length ").p(len);
        int p = off;
        int end = off + len;
        while (p + 2 <= end) {
            int head = c.cur.u16(p);
            int type = head >> 9;
            int tlen = head & 0x1ff;
            if (c.v() > 0) {
                String name = type < NAMES.length ? NAMES[type] : type == 127 ? "Organization specific" : "Unknown";
                c.p("\n\t").p(name).p(" TLV (").p(type).p("), length ").p(tlen);
            }
            c.cur.check(p + 2, tlen);
            if (type == 0) return;
            if (c.v() > 0) HexDump.hex(c.out, c.cur.data(), p + 2, tlen, "\n\t  ");
            p += 2 + tlen;
        }
    }
}
