package io.jdump.print;

/**
 * IPv6 (RFC 8200) and the walk over its extension headers.
 *
 * <pre>
 * +-------+---------------+---------------------------------------+
 * |Version| Traffic Class |              Flow Label               |
 * +-------+---------------+-------+---------------+---------------+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-------------------------------+---------------+---------------+
 * |                 Source Address (128 bits)                     |
 * |              Destination Address (128 bits)                   |
 * +---------------------------------------------------------------+
 * </pre>
 */
final class Ipv6Printer {
    private Ipv6Printer() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "ip6";
        if (!c.cur.has(off, 40)) {
            c.cur.check(off, 40);
        }
        int version = c.cur.u8(off) >> 4;
        if (version != 6) {
            c.p(c.opts.linkLevel() ? "" : "IP6 ").p("version error: ").p(version).p(" != 6");
            return;
        }
        int plen = c.cur.u16(off + 4);
        int nh = c.cur.u8(off + 6);
        int total = plen + 40;
        boolean prefixed = false;
        if (plen != 0 && len < total) {
            if (!c.opts.linkLevel()) c.p("IP6 ");
            prefixed = true;
            c.f("truncated-ip6 - %d bytes missing!", total - len);
        }
        // A zero payload length announces a jumbogram only when a hop-by-hop header follows.
        // tcpdump still decodes what was captured beyond a zero payload length.
        int end = c.cur.narrow(off + (plen != 0 ? Math.min(len, total) : len));
        if (plen != 0 || nh != 0) len = total;
        try {
            if (c.v() > 0) verbose(c, off, plen, nh, prefixed);
            else if (!c.opts.linkLevel() && !prefixed) c.p("IP6 ");
            Ip ip = new Ip(true, off + 8, c.ip6(off + 8), c.ip6(off + 24), false, nh, false, c.cur.u8(off + 7), off + 24);
            Ipv6Ext.walk(c, ip, nh, off + 40, len - 40, plen == 0 && nh == 0);
        } finally {
            c.cur.restore(end);
        }
    }

    private static void verbose(Ctx c, int off, int plen, int nh, boolean prefixed) {
        long flow = c.cur.u32(off);
        c.p(c.opts.linkLevel() || prefixed ? "(" : "IP6 (");
        if ((flow & 0x0ff00000L) != 0) c.f("class 0x%02x, ", (flow >> 20) & 0xff);
        if ((flow & 0x000fffffL) != 0) c.f("flowlabel 0x%05x, ", flow & 0xfffff);
        c.p("hlim ").p(c.cur.u8(off + 7)).p(", next-header ").p(IpProto.name(nh)).p(" (").p(nh).p(")");
        c.p(" payload length: ").p(plen).p(") ");
    }
}
