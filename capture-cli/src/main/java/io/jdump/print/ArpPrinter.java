package io.jdump.print;

/**
 * ARP and RARP (RFC 826, RFC 903) for Ethernet/IPv4.
 *
 * <pre>
 * | htype 2 | ptype 2 | hlen 1 | plen 1 | op 2 | sha | spa | tha | tpa |
 * </pre>
 */
final class ArpPrinter {
    private ArpPrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "arp";
        c.arpOff = off;
        c.cur.check(off, 8);
        int ptype = c.cur.u16(off + 2);
        int hlen = c.cur.u8(off + 4);
        int plen = c.cur.u8(off + 5);
        int op = c.cur.u16(off + 6);
        int sha = off + 8, spa = sha + hlen, tha = spa + plen, tpa = tha + hlen;
        c.cur.check(off, 8 + 2 * (hlen + plen));
        if (!c.opts.linkLevel()) c.p("ARP, ");
        if (c.v() > 0) {
            int htype = c.cur.u16(off);
            c.p(htype == 1 ? "Ethernet" : "Unknown Hardware (" + htype + ")").p(" (len ").p(hlen).p("), ");
            c.p(ptype == 0x0800 ? "IPv4" : "Unknown Protocol (0x" + Fmt.format("%04x", ptype) + ")").p(" (len ").p(plen).p("), ");
        }
        switch (op) {
            case 1 -> {
                c.p("Request who-has ").p(pa(c, tpa, plen));
                if (!zero(c, tha, hlen)) c.p(" (").p(ha(c, tha, hlen)).p(")");
                c.p(" tell ").p(pa(c, spa, plen));
            }
            case 2 -> c.p("Reply ").p(pa(c, spa, plen)).p(" is-at ").p(ha(c, sha, hlen));
            case 3 -> c.p("Reverse Request who-is ").p(ha(c, tha, hlen)).p(" tell ").p(ha(c, sha, hlen));
            case 4 -> c.p("Reverse Reply ").p(ha(c, tha, hlen)).p(" at ").p(pa(c, tpa, plen));
            case 8 -> c.p("Inverse Request who-is ").p(pa(c, tpa, plen)).p(" tell ").p(ha(c, sha, hlen));
            case 9 -> c.p("Inverse Reply ").p(ha(c, sha, hlen)).p(" at ").p(pa(c, spa, plen));
            default -> c.p("Unknown (").p(op).p(")");
        }
        c.p(", length ").p(len);
    }

    private static String pa(Ctx c, int off, int plen) {
        if (plen != 4 || c.cur.u16(c.arpOff + 2) != 0x0800) return "<wrong proto type>";
        return c.ip4(off);
    }

    private static String ha(Ctx c, int off, int hlen) {
        return hlen == 0 ? "<empty>" : Addr.mac(c.cur.data(), off, hlen);
    }

    private static boolean zero(Ctx c, int off, int len) {
        for (int i = 0; i < len; i++) if (c.cur.u8(off + i) != 0) return false;
        return true;
    }
}
