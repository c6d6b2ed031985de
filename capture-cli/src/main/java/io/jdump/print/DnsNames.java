package io.jdump.print;

/** DNS domain names with compression pointers (RFC 1035 section 4.1.4), printed with a trailing dot. */
final class DnsNames {
    private DnsNames() {}

    /** tcpdump stops a name after this many characters (dots included) and says it is too long. */
    private static final int MAX_PRINTED = 255;

    /** Appends the name at {@code p} to {@code out}; returns the offset after it in the message. */
    static int name(Ctx c, int msg, int p, StringBuilder out) {
        int start = p;
        int after = -1;
        int hops = 0;
        int printed = 0;
        boolean any = false;
        while (true) {
            int l = c.cur.u8(p);
            if (l == 0) {
                if (!any) out.append('.');
                return after >= 0 ? after : p + 1;
            }
            if ((l & 0xc0) == 0xc0) {
                int target = msg + ((l & 0x3f) << 8 | c.cur.u8(p + 1));
                if (after < 0) after = p + 2;
                if (target >= p || ++hops > 64) {
                    out.append("<BAD PTR>");
                    throw Truncated.INSTANCE;
                }
                p = target;
                continue;
            }
            if ((l & 0xc0) != 0) throw Truncated.INSTANCE;
            for (int i = 0; i <= l; i++) {
                if (printed++ == MAX_PRINTED) {
                    out.append("<DOMAIN NAME TOO LONG>");
                    return skip(c, start);
                }
                if (i == l) break;
                int ch = c.cur.u8(p + 1 + i);
                if (ch >= 0x80) {
                    out.append("M-");
                    ch &= 0x7f;
                }
                if (ch < 0x20 || ch == 0x7f) out.append('^').append((char) (ch ^ 0x40));
                else out.append((char) ch);
            }
            out.append('.');
            any = true;
            p += 1 + l;
        }
    }

    static int skipQuestion(Ctx c, int p) {
        return skip(c, p) + 4;
    }

    /** The offset after the name at {@code p}, without following pointers (as ns_nskip). */
    static int skip(Ctx c, int p) {
        while (true) {
            int l = c.cur.u8(p);
            if ((l & 0xc0) == 0xc0) return p + 2;
            if ((l & 0xc0) != 0) throw Truncated.INSTANCE;
            if (l == 0) return p + 1;
            p += 1 + l;
        }
    }
}
