package io.jdump.print;

/**
 * PPP over Ethernet (RFC 2516), discovery and session stages; a session carries a PPP
 * protocol field followed by IPv4 or IPv6.
 *
 * <pre>
 * | ver 4 | type 4 | code 8 | session id 16 | length 16 | payload / tags |
 * </pre>
 */
final class PppoePrinter {
    private PppoePrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "pppoe";
        if (len < 6) {
            c.p(" (length ").p(len).p(" < 6) (invalid)");
            return;
        }
        c.cur.check(off, 6);
        int vt = c.cur.u8(off);
        int code = c.cur.u8(off + 1);
        int ses = c.cur.u16(off + 2);
        int plen = c.cur.u16(off + 4);
        if ((vt >> 4) != 1) c.p(" [ver ").p(vt >> 4).p("]");
        if ((vt & 0xf) != 1) c.p(" [type ").p(vt & 0xf).p("]");
        c.p("PPPoE ").p(codeName(code));
        int avail = len - 6;
        if (plen > avail) c.p(" [len ").p(plen).p(" > ").p(avail).p("!]");
        if (ses != 0) c.f(" [ses 0x%x]", ses);
        if (plen > avail) throw Truncated.INSTANCE;
        if (code == 0) {
            c.p(" ");
            ppp(c, off + 6, plen);
        } else {
            tags(c, off + 6, plen);
        }
    }

    private static void ppp(Ctx c, int off, int len) {
        c.proto = "ppp";
        int proto = c.cur.u8(off);
        int hl = 1;
        if ((proto & 1) == 0) {
            proto = c.cur.u16(off);
            hl = 2;
        }
        String name = switch (proto) {
            case 0x21 -> "IP";
            case 0x57 -> "IP6";
            case 0xc021 -> "LCP";
            default -> null;
        };
        if (c.opts.linkLevel()) c.f("%s (0x%04x), length %d: ", name == null ? "unknown" : name, proto, len);
        switch (proto) {
            case 0x21 -> Ipv4Printer.print(c, off + hl, len - hl);
            case 0x57 -> Ipv6Printer.print(c, off + hl, len - hl);
            case 0xc021 -> PppCpPrinter.lcp(c, off + hl, len - hl, len);
            default -> c.hexAscii(off + hl, len - hl);
        }
    }

    private static void tags(Ctx c, int off, int len) {
        int i = 0;
        while (i + 4 <= len) {
            int type = c.cur.u16(off + i);
            int tlen = c.cur.u16(off + i + 2);
            if (type == 0) break;
            c.p(" [").p(tagName(type));
            if (tlen > 0) {
                c.p(" ");
                c.printable(off + i + 4, tlen);
            }
            c.p("]");
            i += 4 + tlen;
        }
    }

    private static String codeName(int code) {
        return switch (code) {
            case 0 -> "";
            case 0x09 -> "PADI";
            case 0x07 -> "PADO";
            case 0x19 -> "PADR";
            case 0x65 -> "PADS";
            case 0xa7 -> "PADT";
            default -> Fmt.format("PAD-%x", code);
        };
    }

    private static String tagName(int t) {
        return switch (t) {
            case 0x0101 -> "Service-Name";
            case 0x0102 -> "AC-Name";
            case 0x0103 -> "Host-Uniq";
            case 0x0104 -> "AC-Cookie";
            case 0x0105 -> "Vendor-Specific";
            case 0x0110 -> "Relay-Session-ID";
            case 0x0201 -> "Service-Name-Error";
            case 0x0202 -> "AC-System-Error";
            case 0x0203 -> "Generic-Error";
            default -> Fmt.format("TAG-0x%x", t);
        };
    }
}
