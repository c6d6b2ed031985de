package io.jdump.print;

/**
 * PPP's Link Control Protocol (RFC 1661) packets as carried in a PPPoE session: code, identifier
 * and the PPP length on one line; with {@code -v} the encoded length, and for Echo packets the
 * magic number and any trailing data.
 *
 * <pre>
 * | code 8 | identifier 8 | length 16 | data ... |
 * </pre>
 */
final class PppCpPrinter {
    private PppCpPrinter() {}

    /** Prints the LCP packet at {@code off}; {@code pppLen} is the PPP frame length (with the protocol field). */
    static void lcp(Ctx c, int off, int len, int pppLen) {
        c.proto = "lcp";
        c.p("LCP, ");
        c.cur.check(off, 4);
        int code = c.cur.u8(off);
        int id = c.cur.u8(off + 1);
        int encoded = c.cur.u16(off + 2);
        String name = codeName(code);
        if (name == null) {
            c.f("Unknown Opcode (0x%02x), id %d, length %d", code, id, pppLen);
            return;
        }
        c.f("%s (0x%02x), id %d, length %d", name, code, id, pppLen);
        if (c.v() < 1) return;
        if (encoded < 4) {
            c.p("\n\tencoded length ").p(encoded).p(" (< 4) (invalid)");
            return;
        }
        c.p("\n\tencoded length ").p(encoded).p(" (=Option(s) length ").p(encoded - 4).p(")");
        int end = Math.min(off + encoded, off + len);
        if (code == 9 || code == 10) {
            c.cur.check(off + 4, 4);
            c.f("\n\t  Magic-Num 0x%08x", c.cur.u32(off + 4));
            if (end > off + 8) {
                c.p("\n\t  -----trailing data-----");
                HexDump.hex(c.out, c.cur.data(), off + 8, Math.min(end - off - 8, c.cur.avail(off + 8)), "\n\t  ");
            }
        }
    }

    private static String codeName(int code) {
        return switch (code) {
            case 1 -> "Conf-Request";
            case 2 -> "Conf-Ack";
            case 3 -> "Conf-Nack";
            case 4 -> "Conf-Reject";
            case 5 -> "Term-Request";
            case 6 -> "Term-Ack";
            case 7 -> "Code-Reject";
            case 8 -> "Prot-Reject";
            case 9 -> "Echo-Request";
            case 10 -> "Echo-Reply";
            case 11 -> "Disc-Req";
            default -> null;
        };
    }
}
