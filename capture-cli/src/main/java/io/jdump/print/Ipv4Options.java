package io.jdump.print;

/** IPv4 options (RFC 791 section 3.1) as tcpdump's {@code -v} shows them: {@code (RR,EOL)}. */
final class Ipv4Options {
    private Ipv4Options() {}

    /** Prints the options; false when one ran past the capture ({@code [truncated-option]}). */
    static boolean print(Ctx c, int off, int len) {
        boolean first = true;
        while (len > 0) {
            if (!first) c.p(",");
            first = false;
            int code = c.cur.u8(off);
            c.p(name(code));
            if (code == 0) return true;
            if (code == 1) {
                off++;
                len--;
                continue;
            }
            if (len < 2) {
                c.p(" [truncated-option]");
                return true;
            }
            int olen = c.cur.u8(off + 1);
            if (olen < 2 || olen > len) {
                c.p(" [bad length ").p(olen).p("]");
                return true;
            }
            try {
                c.cur.check(off, olen);
                switch (code) {
                    case 7, 131, 137 -> route(c, off, olen);
                    case 148 -> {
                        if (olen != 4) c.p(" [bad length ").p(olen).p("]");
                        else if (c.cur.u16(off + 2) != 0) c.p(" value ").p(c.cur.u16(off + 2));
                    }
                    default -> { }
                }
            } catch (Truncated e) {
                c.p(" [truncated-option]");
                return false;
            }
            off += olen;
            len -= olen;
        }
        return true;
    }

    private static void route(Ctx c, int off, int olen) {
        if (olen < 3) {
            c.p(" [bad length ").p(olen).p("]");
            return;
        }
        if (((olen + 1) & 3) != 0) c.p(" [bad length ").p(olen).p("]");
        int ptr = c.cur.u8(off + 2) - 1;
        if (ptr < 3 || ((ptr + 1) & 3) != 0 || ptr > olen + 1) c.p(" [bad ptr ").p(c.cur.u8(off + 2)).p("]");
        // As tcpdump does, a length that is not 3 + 4n reads a last address past the option.
        for (int i = 3; i < olen; i += 4) {
            String addr = c.ip4(off + i);
            c.p(" ").p(addr);
            if (ptr > i) c.p(",");
        }
    }

    private static String name(int code) {
        return switch (code) {
            case 0 -> "EOL";
            case 1 -> "NOP";
            case 7 -> "RR";
            case 68 -> "TS";
            case 130 -> "SECURITY";
            case 131 -> "LSRR";
            case 133 -> "E-SEC";
            case 134 -> "CIPSO";
            case 136 -> "SID";
            case 137 -> "SSRR";
            case 148 -> "RA";
            default -> "unknown " + code;
        };
    }
}
