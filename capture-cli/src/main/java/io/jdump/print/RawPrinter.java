package io.jdump.print;

/**
 * Link types RAW, IPV4 and IPV6: the frame is an IP packet; the version nibble chooses the
 * printer. With {@code -e}, tcpdump 4.99.3 prefixes {@code ip: } for both versions.
 */
final class RawPrinter {
    private RawPrinter() {}

    static void print(Ctx c) {
        c.linkHeader = 0;
        if (c.opts.linkLevel()) c.p("ip: ");
        ipByVersion(c, 0, c.wirelen);
    }

    /** Chooses IPv4 or IPv6 by the version nibble, or prints {@code unknown ip N}. */
    static void ipByVersion(Ctx c, int off, int len) {
        int version = c.cur.u8(off) >> 4;
        switch (version) {
            case 4 -> Ipv4Printer.print(c, off, len);
            case 6 -> Ipv6Printer.print(c, off, len);
            default -> c.p("unknown ip ").p(version);
        }
    }
}
