package io.jdump.print;

/**
 * BOOTP/DHCP (RFC 951, RFC 2131): the summary line, and with {@code -v} the addresses and the
 * RFC 1048/2132 options (see {@link DhcpOptions}).
 *
 * <pre>
 * | op | htype | hlen | hops | xid 4 | secs 2 | flags 2 | ciaddr | yiaddr | siaddr | giaddr |
 * | chaddr 16 | sname 64 | file 128 | magic cookie 4 | options ... |
 * </pre>
 */
final class DhcpPrinter {
    private DhcpPrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "bootp";
        int op = c.cur.u8(off);
        c.p("BOOTP/DHCP, ");
        switch (op) {
            case 1 -> c.p("Request");
            case 2 -> c.p("Reply");
            default -> c.f("unknown (0x%02x)", op);
        }
        int htype = c.cur.u8(off + 1);
        int hlen = c.cur.u8(off + 2);
        if (htype == 1 && hlen == 6 && op == 1) c.p(" from ").p(c.mac(off + 28));
        c.p(", length ").p(len);
        if (c.v() == 0) return;
        long xid = c.cur.u32(off + 4);
        if (htype != 1) c.p(", htype ").p(htype);
        if (hlen != 6) c.p(", hlen ").p(hlen);
        int hops = c.cur.u8(off + 3);
        if (hops != 0) c.p(", hops ").p(hops);
        c.f(", xid 0x%x", xid);
        int secs = c.cur.u16(off + 8);
        if (secs != 0) c.p(", secs ").p(secs);
        int flags = c.cur.u16(off + 10);
        c.p(", Flags [").p((flags & 0x8000) != 0 ? "Broadcast" : "none").p("]");
        if (c.v() > 1) c.f(" (0x%04x)", flags);
        address(c, "Client-IP", off + 12);
        address(c, "Your-IP", off + 16);
        address(c, "Server-IP", off + 20);
        address(c, "Gateway-IP", off + 24);
        if (htype == 1 && hlen == 6) c.p("\n\t  Client-Ethernet-Address ").p(c.mac(off + 28));
        text(c, "sname", off + 44, 64);
        text(c, "file", off + 108, 128);
        long cookie = c.cur.u32(off + 236);
        if (cookie == 0x63825363L) {
            c.p("\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x63825363");
            DhcpOptions.print(c, off + 240, len - 240);
        } else if (cookie != 0) {
            c.f("\n\t  Vendor-#0x%x", cookie);
        }
    }

    private static void address(Ctx c, String label, int off) {
        if (c.cur.u32(off) != 0) c.p("\n\t  ").p(label).p(" ").p(c.ip4(off));
    }

    private static void text(Ctx c, String label, int off, int max) {
        if (c.cur.u8(off) == 0) return;
        c.p("\n\t  ").p(label).p(" \"");
        boolean terminated = false;
        for (int i = 0; i < max && c.cur.has(off + i, 1); i++) {
            int ch = c.cur.u8(off + i);
            if (ch == 0) {
                terminated = true;
                break;
            }
            Escape.append(c.out, ch);
        }
        c.p("\"");
        if (!terminated) throw Truncated.INSTANCE;
    }
}
