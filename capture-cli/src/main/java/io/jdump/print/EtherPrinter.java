package io.jdump.print;

/**
 * Ethernet II and IEEE 802.3 frames (IEEE 802.3 clause 3).
 *
 * <pre>
 *  0                   6                  12      14
 * +-------------------+-------------------+-------+--------
 * | destination MAC   | source MAC        | type  | payload
 * +-------------------+-------------------+-------+--------
 *   type >= 0x0600: ethertype; type <= 1500: 802.3 length, LLC follows
 * </pre>
 */
final class EtherPrinter {
    private EtherPrinter() {}

    static void print(Ctx c) {
        c.linkHeader = Math.min(14, c.cur.end());
        print(c, 0, c.wirelen);
    }

    /** An Ethernet frame at {@code off} of {@code len} bytes on the wire (also used for VXLAN/Geneve inner frames). */
    static void print(Ctx c, int off, int len) {
        c.proto = "ether";
        c.cur.check(off, 14);
        c.etherOff = off;
        c.etherLen = len;
        int type = c.cur.u16(off + 12);
        if (c.opts.linkLevel()) header(c, off, type, len);
        payload(c, off, type, off + 14, len - 14, len);
    }

    /** Prints {@code src > dst, } and the type, as {@code -e} shows them (and the fallback line does). */
    static void header(Ctx c, int off, int type, int frameLen) {
        c.p(c.mac(off + 6)).p(" > ").p(c.mac(off)).p(", ");
        if (type <= 1500) {
            c.p("802.3, length ").p(type).p(": ");
        } else if (c.quiet()) {
            String name = Dispatch.ETHERTYPE_NAMES.get(type);
            c.p(name != null ? name : Fmt.format("Unknown Ethertype (0x%04x)", type)).p(", length ").p(frameLen).p(": ");
        } else {
            c.f("ethertype %s (0x%04x), length %d: ", Dispatch.ethertypeName(type), type, frameLen);
        }
    }

    /** Hands the payload of an Ethernet header at {@code hdr} to the ethertype or LLC printer. */
    static void payload(Ctx c, int hdr, int type, int off, int len, int frameLen) {
        if (type <= 1500) {
            int end = c.cur.narrow(off + type);
            LlcPrinter.print(c, hdr, off, Math.min(type, len));
            c.cur.restore(end);
            return;
        }
        if (Dispatch.ethertype(c, type, off, len)) return;
        if (!c.opts.linkLevel()) header(c, hdr, type, frameLen);
        c.hexAscii(off, len);
    }
}
