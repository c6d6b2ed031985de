package io.jdump.print;

/**
 * VRRP (RFC 3768 version 2, RFC 5798 version 3) advertisements.
 *
 * <pre>
 * | ver 4 | type 4 | VRID | priority | count IP | auth type | adver int | checksum 2 | addresses ... |
 * </pre>
 */
final class VrrpPrinter {
    private VrrpPrinter() {}

    static void print(Ctx c, Ip ip, int off, int len) {
        c.proto = "vrrp";
        int b0 = c.cur.u8(off);
        int version = b0 >> 4;
        int type = b0 & 0xf;
        c.p("VRRPv").p(version).p(", ").p(type == 1 ? "Advertisement" : "unknown type " + type);
        if (ip.ttl() != 255) c.p(", (ttl ").p(ip.ttl()).p(")");
        if (version < 2 || version > 3 || type != 1) return;
        int vrid = c.cur.u8(off + 1);
        int prio = c.cur.u8(off + 2);
        c.p(", vrid ").p(vrid).p(", prio ").p(prio);
        int naddrs = c.cur.u8(off + 3);
        if (version == 2) {
            int auth = c.cur.u8(off + 4);
            c.p(", authtype ").p(switch (auth) {
                case 0 -> "none";
                case 1 -> "simple";
                case 2 -> "ah";
                default -> "type-" + auth;
            });
            c.p(", intvl ").p(c.cur.u8(off + 5)).p("s");
        } else {
            c.p(", intvl ").p(c.cur.u16(off + 4) & 0xfff).p("cs");
        }
        c.p(", length ").p(len);
        if (c.v() == 0) return;
        if (c.cur.has(off, len) && IpProto.checksum(0, c.cur.data(), off, len) != 0) {
            c.f(", (bad vrrp cksum %x)", c.cur.u16(off + 6));
        }
        c.p(", addrs");
        if (naddrs > 1) c.p("(").p(naddrs).p(")");
        c.p(":");
        for (int i = 0; i < naddrs; i++) c.p(i > 0 ? "," : "").p(" ").p(c.ip4(off + 8 + 4 * i));
    }
}
