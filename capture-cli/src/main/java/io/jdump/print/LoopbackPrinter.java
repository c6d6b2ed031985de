package io.jdump.print;

/**
 * Ethernet configuration testing protocol (ethertype 0x9000, "Loopback").
 *
 * <pre>
 * | skipCount 2 (little-endian) | function 2 | ... |
 * </pre>
 */
final class LoopbackPrinter {
    private LoopbackPrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "loopback";
        c.p("Loopback");
        if (len < 2) {
            c.p(" (invalid)");
            return;
        }
        int skip = c.cur.u16le(off);
        c.p(", skipCount ").p(skip);
        if (skip % 8 != 0) c.p(" (bogus)");
        if (skip > len - 2) {
            c.p(" (invalid)");
            return;
        }
        functions(c, off + 2 + skip, len - 2 - skip);
    }

    private static void functions(Ctx c, int off, int len) {
        if (len < 2) {
            c.p(" (invalid)");
            return;
        }
        int fn = c.cur.u16le(off);
        c.p(", ").p(switch (fn) {
            case 1 -> "Reply";
            case 2 -> "Forward Data";
            default -> "unknown (" + fn + ")";
        });
        if (fn == 1) {
            c.p(", receipt number ").p(c.cur.u16le(off + 2));
            c.p(", data (").p(len - 4).p(" octets)");
        } else if (fn == 2) {
            c.p(", forwarding address ").p(c.mac(off + 2));
            functions(c, off + 8, len - 8);
        }
    }
}
