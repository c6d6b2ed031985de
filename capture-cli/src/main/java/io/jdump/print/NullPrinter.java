package io.jdump.print;

/**
 * BSD loopback (DLT_NULL): a 4-byte address family in the capturing host's byte order, then
 * the packet. AF_INET is 2; AF_INET6 is 24, 28 or 30 depending on the BSD.
 */
final class NullPrinter {
    private NullPrinter() {}

    static void print(Ctx c) {
        c.proto = "null";
        c.linkHeader = Math.min(4, c.cur.end());
        c.cur.check(0, 4);
        long family = c.cur.u32le(0);
        if ((family & 0xffff0000L) != 0) family = c.cur.u32(0);
        String name = family == 2 ? "IPv4" : family == 24 || family == 28 || family == 30 ? "IPv6" : null;
        String other = switch ((int) family) {
            case 6 -> "NS";
            case 7 -> "ISO";
            case 16 -> "Appletalk";
            case 23 -> "IPX";
            default -> "Unknown";
        };
        int len = c.wirelen - 4;
        if (c.opts.linkLevel() || name == null) {
            if (!c.quiet()) c.f("AF %s (%d), length %d: ", name == null ? other : name, family, c.wirelen);
            else if (other.equals("Unknown") && name == null) c.f("Unknown AF %d, length %d: ", family, c.wirelen);
            else c.f("%s, length %d: ", name == null ? other : name, c.wirelen);
        }
        if (name == null) {
            c.hexAscii(4, len);
        } else if (family == 2) {
            Ipv4Printer.print(c, 4, len);
        } else {
            Ipv6Printer.print(c, 4, len);
        }
    }
}
