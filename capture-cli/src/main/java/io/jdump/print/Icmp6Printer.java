package io.jdump.print;

/**
 * ICMPv6 (RFC 4443), neighbour discovery (RFC 4861) and multicast listener discovery
 * (RFC 2710, RFC 3810).
 *
 * <pre>
 * +--------+--------+-----------------+
 * |  Type  |  Code  |    Checksum     |
 * +--------+--------+-----------------+
 * |        message body ...
 * </pre>
 */
final class Icmp6Printer {
    private Icmp6Printer() {}

    static void print(Ctx c, Ip ip, int off, int len) {
        c.proto = "icmp6";
        if (!ip.addrsPrinted()) c.p(ip.src()).p(" > ").p(ip.dst()).p(": ");
        if (len == 0) {
            c.p("ICMP6, length 0 (invalid)");
            return;
        }
        int type = c.cur.u8(off);
        if (c.v() > 0) checksum(c, ip, off, len);
        c.p("ICMP6, ");
        body(c, type, off, len);
    }

    private static void body(Ctx c, int type, int off, int len) {
        switch (type) {
            case 128, 129 -> {
                c.p(type == 128 ? "echo request" : "echo reply");
                int id = c.cur.u16(off + 4);
                c.p(", id ").p(id).p(", seq ").p(c.cur.u16(off + 6));
                if (c.v() == 0) c.p(", length ").p(len);
            }
            case 133 -> {
                c.p("router solicitation, length ").p(len);
                if (c.v() > 0) Icmp6Nd.options(c, off + 8, len - 8);
            }
            case 134 -> {
                c.p("router advertisement, length ").p(len);
                if (c.v() > 0) Icmp6Nd.routerAdvert(c, off, len);
            }
            case 135 -> Icmp6Nd.neighborSolicit(c, off, len);
            case 136 -> Icmp6Nd.neighborAdvert(c, off, len);
            case 137 -> Icmp6Nd.redirect(c, off, len);
            case 130, 131, 132 -> Icmp6Mld.v1(c, type, off, len);
            case 143 -> Icmp6Mld.report2(c, off, len);
            case 138 -> Icmp6Renumbering.print(c, off, len);
            case 139 -> Icmp6NodeInfo.query(c, off, len);
            case 140 -> Icmp6NodeInfo.reply(c, off, len);
            case 1 -> {
                c.p(unreachable(c.cur.u8(off + 1), c.ip6(off + 8 + 24))).p(", length ").p(len);
            }
            case 2 -> c.p("packet too big, mtu ").p(c.cur.u32(off + 4)).p(", length ").p(len);
            case 3 -> c.p(c.cur.u8(off + 1) == 0 ? "time exceeded in-transit for " + c.ip6(off + 8 + 24)
                    : c.cur.u8(off + 1) == 1 ? "time exceeded in-reass" : "time exceeded - unknown code (" + c.cur.u8(off + 1) + ")")
                    .p(", length ").p(len);
            case 4 -> c.p(paramProblem(c.cur.u8(off + 1))).p(c.cur.u32(off + 4)).p(", length ").p(len);
            default -> {
                c.f("unknown icmp6 type (%d), length %d", type, len);
                c.hex(off, len);
            }
        }
    }

    private static void checksum(Ctx c, Ip ip, int off, int len) {
        if (ip.fragment() || !c.cur.has(off, len)) return;
        int sum = IpProto.checksum(IpProto.pseudoHeader(c, ip, 58, len), c.cur.data(), off, len);
        if (sum == 0) {
            c.p("[icmp6 sum ok] ");
            return;
        }
        int stored = c.cur.u16(off + 2);
        byte[] copy = java.util.Arrays.copyOfRange(c.cur.data(), 0, off + len);
        copy[off + 2] = 0;
        copy[off + 3] = 0;
        c.f("[bad icmp6 cksum 0x%04x -> 0x%04x!] ", stored, IpProto.checksum(IpProto.pseudoHeader(c, ip, 58, len), copy, off, len));
    }

    private static String unreachable(int code, String dst) {
        return switch (code) {
            case 0 -> "destination unreachable, no route to " + dst;
            case 1 -> "destination unreachable, " + dst + " unreachable prohibited";
            case 2 -> "destination unreachable, beyond scope of source address " + dst;
            case 3 -> "destination unreachable, unreachable address " + dst;
            case 4 -> "destination unreachable, " + dst + " unreachable port";
            default -> "destination unreachable, unknown code (" + code + ")";
        };
    }

    private static String paramProblem(int code) {
        return switch (code) {
            case 0 -> "parameter problem, erroneous - octet ";
            case 1 -> "parameter problem, next header - octet ";
            case 2 -> "parameter problem, option - octet ";
            case 3 -> "parameter problem, incomplete header chain - octet ";
            default -> "parameter problem, code-#" + code + " - octet ";
        };
    }
}
