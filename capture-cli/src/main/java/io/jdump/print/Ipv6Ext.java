package io.jdump.print;

/**
 * IPv6 extension headers (RFC 8200 section 4): hop-by-hop and destination options, routing,
 * fragment, and AH, printed in order until a transport header or an unknown type.
 *
 * <pre>
 * +---------------+---------------+--------------------------------
 * |  Next Header  |  Hdr Ext Len  |  (type-specific, 8-octet units)
 * +---------------+---------------+--------------------------------
 * </pre>
 */
final class Ipv6Ext {
    private Ipv6Ext() {}

    /**
     * Prints the headers from {@code off}; {@code len} is what the payload length says is left,
     * or with {@code jumbo} (a zero payload length) what was on the wire, to be replaced by the
     * hop-by-hop header's jumbo payload option.
     */
    static void walk(Ctx c, Ip ip, int nh, int off, int length, boolean jumbo) {
        long len = length;
        boolean addrs = false;
        boolean frag = false;
        while (true) {
            boolean transport = nh == 6 || nh == 17 || nh == 132;
            if (!addrs && !transport) {
                c.p(ip.src()).p(" > ").p(ip.dst()).p(": ");
                addrs = true;
            }
            int hl;
            switch (nh) {
                case 0, 60 -> {
                    hl = options(c, nh, off);
                    if (jumbo && nh == 0) {
                        long payload = Ipv6Options.jumbo(c, off + 2, hl - 2);
                        if (payload < 0) {
                            c.p("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
                            return;
                        }
                        if (payload > len) c.f("truncated-ip6 - %d bytes missing!", payload - len);
                        len = payload;
                        jumbo = false;
                    }
                }
                case 43 -> {
                    hl = routing(c, off);
                    if (hl < 0) return;
                    int fin = finalDestination(c, off);
                    if (fin >= 0) ip = ip.withFinalDestination(fin);
                }
                case 44 -> {
                    hl = fragment(c, ip, off);
                    if (hl < 0) return;
                    frag = true;
                    if (!c.cur.has(off + hl, 1)) return;
                }
                case 51 -> {
                    hl = IpsecPrinter.ah(c, ip, off, clamp(len));
                    if (hl < 0) return;
                }
                case 59 -> {
                    c.p("no next header");
                    return;
                }
                default -> {
                    Ip inner = ip.withAddrsPrinted(addrs, nh, frag);
                    if (!Dispatch.ipProto(c, inner, nh, off, clamp(len))) c.p(" ip-proto-").p(nh).p(" ").p(len);
                    return;
                }
            }
            nh = c.cur.u8(off);
            off += hl;
            len -= hl;
            jumbo = false;
        }
    }

    /** A length for the transport printers, which count in ints (jumbograms can claim more). */
    private static int clamp(long len) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, len));
    }

    private static int options(Ctx c, int nh, int off) {
        c.proto = nh == 0 ? "hbhopt" : "dstopt";
        int hl = (c.cur.u8(off + 1) + 1) * 8;
        c.p(nh == 0 ? "HBH " : "DSTOPT ");
        c.cur.check(off, hl);
        if (c.v() > 0) Ipv6Options.print(c, off + 2, hl - 2);
        else Ipv6Options.check(c, off + 2, hl - 2);
        return hl;
    }

    /** The offset of the address a transport checksum uses after this routing header, or -1. */
    private static int finalDestination(Ctx c, int off) {
        int n = c.cur.u8(off + 1) / 2;
        int type = c.cur.u8(off + 2);
        if (n == 0 || !c.cur.has(off + 8, 16 * n)) return -1;
        return switch (type) {
            case 0, 2 -> off + 8 + 16 * (n - 1);
            case 4 -> off + 8;
            default -> -1;
        };
    }

    private static int routing(Ctx c, int off) {
        c.proto = "rt6";
        c.p("RT6");
        int hdrLen = c.cur.u8(off + 1);
        int type = c.cur.u8(off + 2);
        int segLeft = c.cur.u8(off + 3);
        c.f(" (len=%d, type=%d", hdrLen, type);
        if (type == 0) c.p(" [Deprecated]");
        c.p(", segleft=").p(segLeft);
        switch (type) {
            case 0, 2 -> {
                if (c.v() > 0) c.f(", rsv=0x%x", c.cur.u32(off + 4));
                addresses(c, off + 8, hdrLen / 2);
            }
            case 4 -> {
                int last = c.cur.u8(off + 4);
                c.p(", last-entry=").p(last);
                if (c.v() > 0) c.f(", flags=0x%x", c.cur.u8(off + 5));
                c.p(", tag=").f("%x", c.cur.u16(off + 6));
                if (hdrLen != (last + 1) * 2) {
                    c.p(" (invalid length ").p(hdrLen).p(") (invalid)");
                    return -1;
                }
                addresses(c, off + 8, last + 1);
            }
            default -> { }
        }
        c.p(") ");
        return (hdrLen + 1) * 8;
    }

    private static void addresses(Ctx c, int off, int n) {
        for (int i = 0; i < n; i++) {
            String a = c.ip6(off + 16 * i);
            c.p(", [").p(i).p("]").p(a);
        }
    }

    /**
     * The fragment header; the length shown is what the IPv6 payload length leaves after it, as an
     * unsigned 64-bit number (tcpdump's arithmetic, so a zero payload length shows as 2^64 - 8).
     */
    private static int fragment(Ctx c, Ip ip, int off) {
        c.proto = "frag6";
        c.cur.check(off, c.v() > 0 ? 8 : 4);
        int fo = c.cur.u16(off + 2);
        long id = c.v() > 0 ? c.cur.u32(off + 4) : 0;
        int start = ip.srcOff() - 8;
        long payloadEnd = start + 40L + c.cur.u16(start + 4);
        String rest = Long.toUnsignedString(payloadEnd - (off + 8L));
        if (c.v() > 0) c.f("frag (0x%08x:%d|%s)", id, fo & 0xfff8, rest);
        else c.f("frag (%d|%s)", fo & 0xfff8, rest);
        if ((fo & 0xfff8) != 0) return -1;
        c.p(" ");
        return 8;
    }
}
