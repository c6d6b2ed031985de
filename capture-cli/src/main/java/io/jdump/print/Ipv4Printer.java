package io.jdump.print;

/**
 * IPv4 (RFC 791).
 *
 * <pre>
 *  0       4       8               16    19                        31
 * +-------+-------+---------------+-----+---------------------------+
 * |Version|  IHL  |     TOS       |          Total Length           |
 * |        Identification         |Flags|     Fragment Offset       |
 * |     TTL       |   Protocol    |        Header Checksum          |
 * |                        Source Address                           |
 * |                      Destination Address                        |
 * |                    Options (IHL > 5)                            |
 * +-----------------------------------------------------------------+
 * </pre>
 */
final class Ipv4Printer {
    private Ipv4Printer() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "ip";
        int version = c.cur.u8(off) >> 4;
        if (version == 6) {
            c.p("IP6, wrong link-layer encapsulation (invalid)");
            return;
        }
        if (version != 4) {
            c.p("IP").p(version).p(" (invalid)");
            return;
        }
        if (!c.opts.linkLevel()) c.p("IP ");
        c.cur.check(off, 20);
        int hlen = (c.cur.u8(off) & 0xf) * 4;
        int total = c.cur.u16(off + 2);
        if (hlen < 20) {
            c.p("bad-hlen ").p(hlen);
            return;
        }
        if (len < total) c.f("truncated-ip - %d bytes missing! ", total - len);
        if (total < hlen) {
            c.p("bad-len ").p(total);
            return;
        }
        int end = c.cur.narrow(off + Math.min(len, total));
        len = total;
        try {
            body(c, off, hlen, len);
        } finally {
            c.cur.restore(end);
        }
    }

    private static void body(Ctx c, int off, int hlen, int len) {
        int fragField = c.cur.u16(off + 6);
        int fragOff = (fragField & 0x1fff) * 8;
        int proto = c.cur.u8(off + 9);
        boolean optionCut = c.v() > 0 && verbose(c, off, hlen, len, fragField, proto);
        Ip ip = new Ip(false, off + 12, c.ip4(off + 12), c.ip4(off + 16), false, proto, (fragField & 0x3fff) != 0,
                c.cur.u8(off + 8), off + 16);
        int plen = len - hlen;
        if (fragOff != 0) {
            addrs(c, ip);
            // tcpdump gives up on a later fragment whose options ran past the capture.
            c.proto = "ip";
            if (optionCut) throw Truncated.INSTANCE;
            c.p("ip-proto-").p(proto);
            return;
        }
        boolean transport = proto == 6 || proto == 17 || proto == 132;
        if (!transport) addrs(c, ip);
        if (!Dispatch.ipProto(c, ip, proto, off + hlen, plen)) {
            c.p(" ip-proto-").p(proto).p(" ").p(plen);
        }
    }

    private static void addrs(Ctx c, Ip ip) {
        c.p(ip.src()).p(" > ").p(ip.dst()).p(": ");
    }

    /** Prints the -v header fields; true when the options ran past the capture. */
    private static boolean verbose(Ctx c, int off, int hlen, int len, int fragField, int proto) {
        int tos = c.cur.u8(off + 1);
        c.f("(tos 0x%x", tos);
        switch (tos & 3) {
            case 1 -> c.p(",ECT(1)");
            case 2 -> c.p(",ECT(0)");
            case 3 -> c.p(",CE");
            default -> { }
        }
        int ttl = c.cur.u8(off + 8);
        if (ttl != 0) c.p(", ttl ").p(ttl);
        c.p(", id ").p(c.cur.u16(off + 4));
        c.p(", offset ").p((fragField & 0x1fff) * 8).p(", flags [");
        java.util.StringJoiner fl = new java.util.StringJoiner(", ");
        if ((fragField & 0x2000) != 0) fl.add("+");
        if ((fragField & 0x4000) != 0) fl.add("DF");
        if ((fragField & 0x8000) != 0) fl.add("rsvd");
        String flags = fl.toString();
        c.p(flags.isEmpty() ? "none" : flags).p("]");
        c.p(", proto ").p(IpProto.name(proto)).p(" (").p(proto).p(")");
        c.p(", length ").p(c.cur.u16(off + 2));
        boolean cut = false;
        if (hlen > 20) {
            c.p(", options (");
            cut = !Ipv4Options.print(c, off + 20, hlen - 20);
            c.p(")");
        }
        if (c.cur.has(off, hlen)) {
            int sum = IpProto.checksum(0, c.cur.data(), off, hlen);
            if (sum != 0) {
                int stored = c.cur.u16(off + 10);
                c.f(", bad cksum %x (->%x)!", stored, correct(c, off, hlen));
            }
        }
        c.p(")\n    ");
        return cut;
    }

    private static int correct(Ctx c, int off, int hlen) {
        byte[] copy = java.util.Arrays.copyOfRange(c.cur.data(), off, off + hlen);
        copy[10] = 0;
        copy[11] = 0;
        return IpProto.checksum(0, copy, 0, hlen);
    }
}
