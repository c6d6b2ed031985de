package io.jdump.print;

/**
 * IEEE 802.2 LLC and SNAP (RFC 1042) headers, and the payloads they lead to (STP, SNAP
 * ethertypes).
 *
 * <pre>
 * | DSAP 1 | SSAP 1 | control 1-2 | [SNAP: OUI 3 | ethertype 2] | payload
 * </pre>
 */
final class LlcPrinter {
    private LlcPrinter() {}

    /** @param hdr offset of the Ethernet header for the fallback line, or -1 */
    static void print(Ctx c, int hdr, int off, int len) {
        c.proto = "llc";
        c.cur.check(off, 3);
        int dsap = c.cur.u8(off);
        int ssap = c.cur.u8(off + 1);
        int ctrl = c.cur.u8(off + 2);
        boolean iframe = (ctrl & 1) == 0 || (ctrl & 3) == 1;
        int hl = iframe ? 4 : 3;
        if (iframe) ctrl = c.cur.u16le(off + 2);
        if (off == c.linkHeader) c.linkHeader = Math.min(off + hl, c.cur.end());
        if (c.opts.linkLevel()) {
            c.f("LLC, dsap %s (0x%02x) %s, ssap %s (0x%02x) %s, ", sapName(dsap & 0xfe), dsap & 0xfe,
                    (dsap & 1) != 0 ? "Group" : "Individual", sapName(ssap & 0xfe), ssap & 0xfe,
                    (ssap & 1) != 0 ? "Response" : "Command");
            c.f(iframe ? "ctrl 0x%04x: " : "ctrl 0x%02x: ", ctrl);
        }
        if (dsap == 0x42 && ssap == 0x42 && ctrl == 3) {
            StpPrinter.print(c, off + 3, len - 3);
        } else if (dsap == 0xaa && ssap == 0xaa && ctrl == 3) {
            snap(c, hdr, off + 3, len - 3);
        } else if (dsap == 0xfe && ssap == 0xfe && ctrl == 3) {
            int nlpid = c.cur.u8(off + 3);
            if (c.opts.linkLevel()) {
                c.f("OSI NLPID Unknown (0x%02x): length: %d", nlpid, len - 3);
                HexDump.hex(c.out, c.cur.data(), off + 3, Math.min(len - 3, c.cur.avail(off + 3)), "\n\t");
            } else {
                c.f("OSI NLPID 0x%02x unknown, length: %d", nlpid, len - 3);
            }
        } else if (dsap == 0x06 && ssap == 0x06 && ctrl == 3) {
            Ipv4Printer.print(c, off + 3, len - 3);
        } else {
            if (!c.opts.linkLevel()) {
                if (hdr >= 0) c.p(c.mac(hdr + 6)).p(" > ").p(c.mac(hdr)).p(" ");
                c.f("Unknown DSAP 0x%02x ", dsap & 0xfe);
            }
            boolean pf;
            if ((ctrl & 1) == 0) {
                c.p("Information, send seq ").p((ctrl >> 1) & 0x7f).p(", rcv seq ").p((ctrl >> 9) & 0x7f);
                pf = (ctrl & 0x100) != 0;
            } else if (iframe) {
                String[] s = {"Receiver Ready", "Receiver not Ready", "Reject", "Unknown"};
                c.p("Supervisory, ").p(s[(ctrl >> 2) & 3]).p(", rcv seq ").p((ctrl >> 9) & 0x7f);
                pf = (ctrl & 0x100) != 0;
            } else {
                c.p("Unnumbered, ").p(uName(ctrl & 0xef));
                pf = (ctrl & 0x10) != 0;
            }
            boolean response = (ssap & 1) != 0;
            c.p(", Flags [").p(pf ? (response ? "Final" : "Poll") : (response ? "Response" : "Command"));
            c.p("], length ").p(len);
            c.hexAscii(off, len);
        }
    }

    private static String uName(int u) {
        return switch (u) {
            case 0x03 -> "ui";
            case 0x6f -> "sabme";
            case 0x43 -> "disc";
            case 0x63 -> "ua";
            case 0x0f -> "dm";
            case 0x87 -> "frmr";
            case 0xaf -> "xid";
            case 0xe3 -> "test";
            default -> Fmt.format("unknown (0x%02x)", u);
        };
    }

    private static void snap(Ctx c, int hdr, int off, int len) {
        c.proto = "snap";
        c.cur.check(off, 5);
        int oui = c.cur.u24(off);
        int type = c.cur.u16(off + 3);
        if (off == c.linkHeader) c.linkHeader = Math.min(off + 5, c.cur.end());
        if (c.opts.linkLevel()) {
            c.f("oui %s (0x%06x), ethertype %s (0x%04x), length %d: ", oui == 0 ? "Ethernet" : "Unknown", oui,
                    Dispatch.ethertypeName(type), type, len - 5);
        }
        if (oui == 0 && Dispatch.ethertype(c, type, off + 5, len - 5)) return;
        c.hexAscii(off + 5, len - 5);
    }

    private static String sapName(int sap) {
        return switch (sap) {
            case 0x00 -> "Null";
            case 0x02 -> "LLC Sublayer Management";
            case 0x04 -> "SNA Path Control";
            case 0x06 -> "IP";
            case 0x08 -> "SNA";
            case 0x0c -> "SNA";
            case 0x0e -> "PROWAY NM";
            case 0x18 -> "Texas Instruments";
            case 0x42 -> "STP";
            case 0x4e -> "EIA-485";
            case 0x7e -> "ISO8208";
            case 0x80 -> "XNS";
            case 0x86 -> "Nestar";
            case 0x8e -> "PROWAY ASLM";
            case 0xaa -> "SNAP";
            case 0xe0 -> "IPX";
            case 0xf0 -> "NetBeui";
            case 0xf4 -> "LanManager";
            case 0xf8 -> "IMPL";
            case 0xfa -> "Discovery";
            case 0xfe -> "OSI";
            case 0xff -> "Global";
            default -> "Unknown";
        };
    }
}
