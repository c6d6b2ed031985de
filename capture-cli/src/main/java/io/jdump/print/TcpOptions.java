package io.jdump.print;

/**
 * TCP options (RFC 9293 section 3.1, RFC 7323, RFC 2018, RFC 7413, RFC 5925) in tcpdump's
 * {@code options [...]} list. A malformed option ends the list, and the segment's line, with
 * {@code [bad opt]}.
 */
final class TcpOptions {
    private TcpOptions() {}

    /** Prints the options; false when a malformed option ended them (tcpdump then stops the line). */
    static boolean print(Ctx c, int off, int len) {
        int i = 0;
        boolean first = true;
        while (i < len) {
            if (!first) c.p(",");
            first = false;
            int kind = c.cur.u8(off + i);
            if (kind == 0 || kind == 1) {
                c.p(kind == 0 ? "eol" : "nop");
                i++;
                if (kind == 0) return true;
                continue;
            }
            c.p(name(kind));
            int olen = c.cur.u8(off + i + 1);
            if (olen < 2 || i + olen > len || !data(c, kind, off + i + 2, olen - 2)) {
                c.p("[bad opt]");
                return false;
            }
            i += olen;
        }
        return true;
    }

    private static boolean data(Ctx c, int kind, int off, int dlen) {
        switch (kind) {
            case 2 -> { if (dlen != 2) return false; c.p(" ").p(c.cur.u16(off)); }
            case 3 -> { if (dlen != 1) return false; c.p(" ").p(c.cur.u8(off)); }
            case 4 -> { if (dlen != 0) return false; }
            case 8 -> {
                if (dlen != 8) return false;
                c.p(" val ").p(c.cur.u32(off)).p(" ecr ").p(c.cur.u32(off + 4));
            }
            case 5 -> sack(c, off, dlen);
            case 20 -> {
                if (dlen != 2) return false;
                c.f(" cap %02x id %d", c.cur.u8(off), c.cur.u8(off + 1));
            }
            case 29 -> {
                if (dlen < 2) return false;
                c.p(" keyid ").p(c.cur.u8(off)).p(" rnextkeyid ").p(c.cur.u8(off + 1)).p(" mac 0x");
                for (int i = 2; i < dlen; i++) c.f("%02x", c.cur.u8(off + i));
            }
            case 34 -> fastOpen(c, off, dlen);
            case 254 -> {
                if (dlen < 2) return false;
                int magic = c.cur.u16(off);
                if (magic == 0xf989) {
                    c.p("-tfo");
                    fastOpen(c, off + 2, dlen - 2);
                } else {
                    c.f("-%04x", magic);
                }
            }
            default -> {
                if (dlen > 0) c.p(" 0x");
                for (int i = 0; i < dlen; i++) c.f("%02x", c.cur.u8(off + i));
            }
        }
        return true;
    }

    private static void sack(Ctx c, int off, int dlen) {
        if (dlen % 8 != 0) {
            c.p(" invalid");
            return;
        }
        c.p(" ").p(dlen / 8).p(" ");
        for (int i = 0; i < dlen; i += 8) {
            c.p("{").p((c.cur.u32(off + i) - c.sackBase) & 0xffffffffL).p(":");
            c.p((c.cur.u32(off + i + 4) - c.sackBase) & 0xffffffffL).p("}");
        }
    }

    private static void fastOpen(Ctx c, int off, int dlen) {
        if (dlen == 0) {
            c.p(" cookiereq");
            return;
        }
        if (dlen % 2 != 0 || dlen < 4 || dlen > 16) {
            c.p(" invalid");
            return;
        }
        c.p(" cookie ");
        for (int i = 0; i < dlen; i++) c.f("%02x", c.cur.u8(off + i));
    }

    private static String name(int kind) {
        return switch (kind) {
            case 2 -> "mss";
            case 3 -> "wscale";
            case 4 -> "sackOK";
            case 5 -> "sack";
            case 6 -> "echo";
            case 7 -> "echoreply";
            case 8 -> "TS";
            case 11 -> "cc";
            case 12 -> "ccnew";
            case 13 -> "ccecho";
            case 19 -> "md5";
            case 20 -> "scps";
            case 27 -> "qs";
            case 28 -> "uto";
            case 29 -> "tcp-ao";
            case 30 -> "mptcp";
            case 34 -> "tfo";
            case 254 -> "exp";
            default -> "unknown-" + kind;
        };
    }
}
