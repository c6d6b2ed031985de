package io.jdump.print;

/**
 * BOOTP/DHCP (RFC 951, RFC 2131): the one-line summary.
 *
 * <pre>
 * | op | htype | hlen | hops | xid 4 | secs 2 | flags 2 | ciaddr | yiaddr | siaddr | giaddr | chaddr 16 | ... |
 * </pre>
 */
final class DhcpPrinter {
    private DhcpPrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "bootp";
        int op = c.cur.u8(off);
        c.p("BOOTP/DHCP, ");
        switch (op) {
            case 1 -> {
                c.p("Request");
                c.cur.check(off + 28, 6);
                if (c.cur.u8(off + 1) == 1 && c.cur.u8(off + 2) == 6) c.p(" from ").p(c.mac(off + 28));
            }
            case 2 -> c.p("Reply");
            default -> {
                c.f("unknown (0x%02x)", op);
            }
        }
        c.cur.check(off, 3);
        c.p(", length ").p(len);
    }
}
