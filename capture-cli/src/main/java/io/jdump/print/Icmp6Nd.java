package io.jdump.print;

/** Neighbour discovery messages (RFC 4861 section 4) and their options, as tcpdump prints them. */
final class Icmp6Nd {
    private Icmp6Nd() {}

    static void neighborSolicit(Ctx c, int off, int len) {
        c.p("neighbor solicitation");
        if (c.v() > 0) {
            c.p(", length ").p(len);
            c.p(", who has ").p(c.ip6(off + 8));
            options(c, off + 24, len - 24);
        } else {
            String target = c.ip6(off + 8);
            c.p(", who has ").p(target).p(", length ").p(len);
        }
    }

    static void neighborAdvert(Ctx c, int off, int len) {
        c.p("neighbor advertisement");
        if (c.v() > 0) {
            c.p(", length ").p(len);
            c.p(", tgt is ").p(c.ip6(off + 8));
            int flags = c.cur.u8(off + 4);
            StringBuilder f = new StringBuilder();
            if ((flags & 0x80) != 0) f.append("router");
            if ((flags & 0x40) != 0) f.append(f.isEmpty() ? "" : ", ").append("solicited");
            if ((flags & 0x20) != 0) f.append(f.isEmpty() ? "" : ", ").append("override");
            c.p(", Flags [").p(f.isEmpty() ? "none" : f.toString()).p("]");
            options(c, off + 24, len - 24);
        } else {
            String target = c.ip6(off + 8);
            c.p(", tgt is ").p(target).p(", length ").p(len);
        }
    }

    static void redirect(Ctx c, int off, int len) {
        c.p("redirect");
        c.p(", ").p(c.ip6(off + 24)).p(" to ").p(c.ip6(off + 8)).p(", length ").p(len);
        if (c.v() > 0) options(c, off + 40, len - 40);
    }

    static void routerAdvert(Ctx c, int off, int len) {
        int flags = c.cur.u8(off + 5);
        c.p("\n\thop limit ").p(c.cur.u8(off + 4)).p(", Flags [");
        StringBuilder f = new StringBuilder();
        if ((flags & 0x80) != 0) f.append("managed");
        if ((flags & 0x40) != 0) f.append(f.isEmpty() ? "" : ", ").append("other stateful");
        if ((flags & 0x20) != 0) f.append(f.isEmpty() ? "" : ", ").append("home agent");
        if ((flags & 0x04) != 0) f.append(f.isEmpty() ? "" : ", ").append("proxy");
        c.p(f.isEmpty() ? "none" : f.toString()).p("]");
        String[] prefs = {"medium", "high", "reserved", "low"};
        c.p(", pref ").p(prefs[(flags >> 3) & 3]);
        c.p(", router lifetime ").p(c.cur.u16(off + 6)).p("s, reachable time ").p(c.cur.u32(off + 8));
        c.p("ms, retrans timer ").p(c.cur.u32(off + 12)).p("ms");
        options(c, off + 16, len - 16);
    }

    static void options(Ctx c, int off, int len) {
        int i = 0;
        while (i < len) {
            int type = c.cur.u8(off + i);
            int olen = c.cur.u8(off + i + 1) * 8;
            if (olen == 0) {
                c.p("\n\t  ").p(name(type)).p(" option (").p(type).p("), length 0 (0)");
                c.p(" [|icmp6]");
                return;
            }
            c.p("\n\t  ").p(name(type)).p(" option (").p(type).p("), length ").p(olen).p(" (").p(olen / 8).p("): ");
            c.cur.check(off + i, olen);
            int d = off + i + 2;
            int o = off + i;
            switch (type) {
                case 1, 2 -> c.p(Addr.mac(c.cur.data(), d, olen - 2 >= 6 && olen == 8 ? 6 : olen - 2));
                case 5 -> c.p(" ").p(c.cur.u32(o + 4));
                case 3 -> prefix(c, o);
                case 7 -> c.p(" ").p(c.cur.u32(o + 4)).p("ms");
                case 8 -> c.p(" preference ").p(c.cur.u16(o + 4)).p(", lifetime ").p(c.cur.u16(o + 6));
                case 25 -> {
                    c.p(" lifetime ").p(c.cur.u32(o + 4)).p("s");
                    for (int a = 8; a + 16 <= olen; a += 16) c.p(a == 8 ? ", addr: " : " addr: ").p(c.ip6(o + a));
                }
                case 31 -> dnssl(c, o, olen);
                case 24 -> routeInfo(c, o, olen);
                default -> HexDump.hex(c.out, c.cur.data(), d, olen - 2, c.v() > 1 ? "\n\t    " : "\n\t  ");
            }
            if (c.v() > 1 && type != 0 && isKnown(type)) HexDump.hex(c.out, c.cur.data(), d, olen - 2, "\n\t    ");
            i += olen;
        }
    }

    private static boolean isKnown(int type) {
        return !name(type).equals("unknown");
    }

    private static void dnssl(Ctx c, int o, int olen) {
        c.p(" lifetime ").p(c.cur.u32(o + 4)).p("s, domain(s):");
        int p = o + 8;
        while (p < o + olen) {
            if (c.cur.u8(p) == 0) {
                p++;
                continue;
            }
            c.p(" ");
            p = DnsNames.name(c, p, p, c.out);
        }
    }

    private static void routeInfo(Ctx c, int o, int olen) {
        int plen = c.cur.u8(o + 2);
        int flags = c.cur.u8(o + 3);
        byte[] a = new byte[16];
        for (int i = 0; i < olen - 8 && i < 16; i++) a[i] = (byte) c.cur.u8(o + 8 + i);
        String[] prefs = {"medium", "high", "reserved", "low"};
        c.p(" ").p(Addr.ip6(a, 0)).p("/").p(plen).p(", pref=").p(prefs[(flags >> 3) & 3]).p(", lifetime=");
        time(c, c.cur.u32(o + 4));
    }

    private static void prefix(Ctx c, int o) {
        int plen = c.cur.u8(o + 2);
        int flags = c.cur.u8(o + 3);
        c.p(c.ip6(o + 16)).p("/").p(plen).p(", Flags [");
        StringBuilder f = new StringBuilder();
        if ((flags & 0x80) != 0) f.append("onlink");
        if ((flags & 0x40) != 0) f.append(f.isEmpty() ? "" : ", ").append("auto");
        if ((flags & 0x20) != 0) f.append(f.isEmpty() ? "" : ", ").append("router");
        c.p(f.isEmpty() ? "none" : f.toString()).p("], valid time ");
        time(c, c.cur.u32(o + 4));
        c.p(", pref. time ");
        time(c, c.cur.u32(o + 8));
    }

    private static void time(Ctx c, long t) {
        if (t == 0xffffffffL) c.p("infinity");
        else c.p(t).p("s");
    }

    private static String name(int type) {
        return switch (type) {
            case 1 -> "source link-address";
            case 2 -> "destination link-address";
            case 3 -> "prefix info";
            case 4 -> "redirected header";
            case 5 -> "mtu";
            case 7 -> "advertisement interval";
            case 8 -> "homeagent information";
            case 24 -> "route info";
            case 25 -> "rdnss";
            case 31 -> "dnssl";
            default -> "unknown";
        };
    }
}
