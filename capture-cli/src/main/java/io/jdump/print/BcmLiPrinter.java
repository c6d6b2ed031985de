package io.jdump.print;

/**
 * Broadcom lawful-intercept shim header (UDP port 49152).
 *
 * <pre>
 * | direction 3 | packet type 4 | packet subtype 3 | LI id 22 |
 * </pre>
 */
final class BcmLiPrinter {
    private BcmLiPrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "bcm_li";
        if (len < 4) {
            c.p(" (length ").p(len).p(" < 4) (invalid)");
            return;
        }
        long w = c.cur.u32(off);
        int dir = (int) (w >>> 29);
        int type = (int) (w >>> 25) & 0xf;
        int sub = (int) (w >>> 22) & 7;
        if (c.v() > 0) c.p("\n    ");
        c.p("BCM-LI-SHIM: direction ").p(switch (dir) {
            case 1 -> "unused";
            case 2 -> "egress";
            case 3 -> "ingress";
            default -> "unknown";
        });
        c.p(", pkt-type ").p(switch (type) {
            case 4 -> "undecided";
            case 5 -> "ipv4";
            case 6 -> "ipv6";
            case 7 -> "ethernet";
            default -> "unknown";
        });
        c.p(", pkt-subtype ").p(switch (sub) {
            case 1 -> "single VLAN tag";
            case 2 -> "double VLAN tag";
            case 3 -> "untagged";
            default -> "unknown";
        });
        c.p(", li-id ").p(w & 0x3fffff);
        if (c.v() == 0) {
            c.cur.check(off, len);
            return;
        }
        c.p("\n    ");
        switch (type) {
            case 5 -> Ipv4Printer.print(c, off + 4, len - 4);
            case 6 -> Ipv6Printer.print(c, off + 4, len - 4);
            case 7 -> EtherPrinter.print(c, off + 4, len - 4);
            default -> c.p(" (invalid)");
        }
    }
}
