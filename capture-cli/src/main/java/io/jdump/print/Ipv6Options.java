package io.jdump.print;

/** The TLV options of IPv6 hop-by-hop and destination-options headers (RFC 8200 section 4.2), as {@code -v} shows them. */
final class Ipv6Options {
    private Ipv6Options() {}

    /** The value of the first well-formed jumbo payload option (RFC 2675) in the options, or -1. */
    static long jumbo(Ctx c, int off, int len) {
        int i = 0;
        while (i < len && c.cur.has(off + i, 1)) {
            int type = c.cur.u8(off + i);
            if (type == 0) {
                i++;
                continue;
            }
            if (i + 2 > len || !c.cur.has(off + i, 2)) return -1;
            int olen = c.cur.u8(off + i + 1);
            if (i + 2 + olen > len) return -1;
            if (type == 0xc2 && olen == 4 && c.cur.has(off + i + 2, 4)) return c.cur.u32(off + i + 2);
            i += 2 + olen;
        }
        return -1;
    }

    /** Walks the options without printing, failing as {@link #print} does when one overruns the header. */
    static void check(Ctx c, int off, int len) {
        int i = 0;
        while (i < len) {
            if (c.cur.u8(off + i) == 0) {
                i++;
                continue;
            }
            if (i + 2 > len) throw Truncated.INSTANCE;
            int olen = c.cur.u8(off + i + 1);
            if (i + 2 + olen > len) throw Truncated.INSTANCE;
            i += 2 + olen;
        }
    }

    static void print(Ctx c, int off, int len) {
        boolean jumboSeen = false;
        int i = 0;
        while (i < len) {
            int type = c.cur.u8(off + i);
            if (type == 0) {
                c.p("(pad1)");
                i++;
                continue;
            }
            if (i + 2 > len) {
                throw Truncated.INSTANCE;
            }
            int olen = c.cur.u8(off + i + 1);
            if (i + 2 + olen > len) {
                throw Truncated.INSTANCE;
            }
            switch (type) {
                case 1 -> c.p("(padn)");
                case 5 -> {
                    if (olen != 2) c.p("(rtalert: invalid len ").p(olen).p(")");
                    else c.f("(rtalert: 0x%04x) ", c.cur.u16(off + i + 2));
                }
                case 0xc2 -> {
                    if (olen != 4) c.p("(jumbo: invalid len ").p(olen).p(")");
                    else {
                        c.p("(jumbo: ").p(c.cur.u32(off + i + 2)).p(jumboSeen ? " - already seen) " : ") ");
                        jumboSeen = true;
                    }
                }
                default -> c.f("(opt_type 0x%02x: len=%d)", type, olen);
            }
            i += 2 + olen;
        }
        c.p(" ");
    }
}
