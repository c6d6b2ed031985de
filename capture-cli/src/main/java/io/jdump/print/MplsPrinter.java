package io.jdump.print;

/**
 * MPLS label stacks (RFC 3032); after the bottom of stack the payload is guessed from its first
 * nibble (4: IPv4, 6: IPv6).
 *
 * <pre>
 * +--------------------+----+-+--------+
 * |  Label (20 bits)   | TC |S|  TTL   |
 * +--------------------+----+-+--------+
 * </pre>
 */
final class MplsPrinter {
    private MplsPrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "mpls";
        c.p("MPLS");
        boolean first = true;
        while (true) {
            long e = c.cur.u32(off);
            c.p(first ? " " : c.v() > 0 ? "\n\t" : " ");
            first = false;
            boolean bottom = (e & 0x100) != 0;
            c.f("(label %d", e >>> 12);
            if ((e >>> 12) < 16) c.p(labelName((int) (e >>> 12)));
            c.f(", tc %d%s, ttl %d)", (e >> 9) & 7, bottom ? ", [S]" : "", e & 0xff);
            off += 4;
            len -= 4;
            if (bottom) break;
        }
        if (len <= 0) return;
        int nibble = c.cur.u8(off) >> 4;
        String sep = c.v() > 0 ? "\n\t" : " ";
        switch (nibble) {
            case 4 -> { c.p(sep); Ipv4Printer.print(c, off, len); }
            case 6 -> { c.p(sep); Ipv6Printer.print(c, off, len); }
            default -> c.hexAscii(off, len);
        }
    }

    private static String labelName(int label) {
        return switch (label) {
            case 0 -> " (IPv4 explicit NULL)";
            case 1 -> " (router alert)";
            case 2 -> " (IPv6 explicit NULL)";
            case 3 -> " (implicit NULL)";
            case 7 -> " (ELI)";
            case 13 -> " (GAL)";
            case 14 -> " (OAM Alert)";
            case 15 -> " (Extension)";
            default -> "";
        };
    }
}
