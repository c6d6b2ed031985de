package io.jdump.print;

/**
 * ICMP for IPv4 (RFC 792, RFC 950 address masks).
 *
 * <pre>
 * +--------+--------+-----------------+
 * |  Type  |  Code  |    Checksum     |
 * +--------+--------+-----------------+
 * |     type-specific (id/seq, gateway, quoted IP header ...)
 * </pre>
 */
final class IcmpPrinter {
    private IcmpPrinter() {}

    static void print(Ctx c, Ip ip, int off, int len) {
        c.proto = "icmp";
        c.cur.check(off, 2);
        int type = c.cur.u8(off);
        int code = c.cur.u8(off + 1);
        if (isError(type) && type != 4) c.cur.check(off + 8, 20);
        String text = describe(c, type, code, off, len);
        c.p("ICMP ").p(text).p(", length ").p(len);
        if (c.v() > 0 && isError(type)) {
            c.p("\n\t");
            c.cur.check(off, 8);
            int end = c.cur.narrow(off + len);
            int quoted = c.cur.has(off + 10, 2) ? Math.max(len - 8, c.cur.u16(off + 10)) : len - 8;
            Ipv4Printer.print(c, off + 8, quoted);
            c.cur.restore(end);
        }
    }

    private static boolean isError(int type) {
        return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
    }

    private static String describe(Ctx c, int type, int code, int off, int len) {
        return switch (type) {
            case 0, 8 -> (type == 0 ? "echo reply" : "echo request") + ", id " + c.cur.u16(off + 4) + ", seq "
                    + c.cur.u16(off + 6);
            case 3 -> unreachable(c, code, off);
            case 4 -> "source quench";
            case 5 -> redirect(c, code, off);
            case 10 -> "router solicitation";
            case 11 -> switch (code) {
                case 0 -> "time exceeded in-transit";
                case 1 -> "ip reassembly time exceeded";
                default -> "time exceeded-#" + code;
            };
            case 12 -> code == 0 ? "parameter problem - octet " + c.cur.u8(off + 4) : "parameter problem - code " + code;
            case 13 -> "time stamp query id " + c.cur.u16(off + 4) + " seq " + c.cur.u16(off + 6);
            case 14 -> "time stamp reply id " + c.cur.u16(off + 4) + " seq " + c.cur.u16(off + 6) + ": org "
                    + stamp(c.cur.u32(off + 8)) + ", recv " + stamp(c.cur.u32(off + 12)) + ", xmit "
                    + stamp(c.cur.u32(off + 16));
            case 15 -> "information request";
            case 16 -> "information reply";
            case 17 -> "address mask request";
            case 18 -> Fmt.format("address mask is 0x%08x", c.cur.u32(off + 8));
            default -> "type-#" + type;
        };
    }

    private static String stamp(long ms) {
        long s = ms / 1000;
        String t = Fmt.format("%02d:%02d:%02d.%03d", s / 3600, s / 60 % 60, s % 60, ms % 1000);
        return ms >= 86_400_000L ? t + " [invalid timestamp]" : t;
    }

    private static String unreachable(Ctx c, int code, int off) {
        int q = off + 8;
        String dst = c.ip4(q + 16);
        return switch (code) {
            case 0 -> "net " + dst + " unreachable";
            case 1 -> "host " + dst + " unreachable";
            case 2 -> dst + " protocol " + c.cur.u8(q + 9) + " unreachable";
            case 3 -> portUnreachable(c, q, dst);
            case 4 -> dst + " unreachable - need to frag (mtu " + c.cur.u16(off + 6) + ")";
            case 5 -> dst + " unreachable - source route failed";
            case 6 -> "net " + dst + " unreachable - unknown";
            case 7 -> "host " + dst + " unreachable - unknown";
            case 8 -> dst + " unreachable - source host isolated";
            case 9 -> "net " + dst + " unreachable - admin prohibited";
            case 10 -> "host " + dst + " unreachable - admin prohibited";
            case 11 -> "net " + dst + " unreachable - tos prohibited";
            case 12 -> "host " + dst + " unreachable - tos prohibited";
            case 13 -> dst + " unreachable - admin prohibited filter";
            case 14 -> dst + " unreachable - host precedence violation";
            case 15 -> dst + " unreachable - precedence cutoff";
            default -> dst + " unreachable - #" + code;
        };
    }

    private static String portUnreachable(Ctx c, int q, String dst) {
        int hl = (c.cur.u8(q) & 0xf) * 4;
        int proto = c.cur.u8(q + 9);
        int port = c.cur.u16(q + hl + 2);
        return switch (proto) {
            case 6 -> dst + " tcp port " + port + " unreachable";
            case 17 -> dst + " udp port " + port + " unreachable";
            default -> dst + " protocol " + proto + " port " + port + " unreachable";
        };
    }

    private static String redirect(Ctx c, int code, int off) {
        String dst = c.ip4(off + 8 + 16);
        String gw = c.ip4(off + 4);
        return switch (code) {
            case 0 -> "redirect " + dst + " to net " + gw;
            case 1 -> "redirect " + dst + " to host " + gw;
            case 2 -> "redirect-tos " + dst + " to net " + gw;
            case 3 -> "redirect-tos " + dst + " to host " + gw;
            default -> "redirect-#" + code + " " + dst + " to " + gw;
        };
    }
}
