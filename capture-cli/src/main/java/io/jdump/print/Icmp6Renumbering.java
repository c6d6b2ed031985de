package io.jdump.print;

/**
 * ICMPv6 router renumbering (RFC 2894): the header, then for a command the match-prefix part
 * and its use-prefix parts.
 *
 * <pre>
 * header:  | type | code | checksum | sequence number 32 | segment 8 | flags 8 | max delay 16 | reserved 32 |
 * match:   | opcode | oplength | ordinal | matchlen | minlen | maxlen | reserved 16 | match prefix 128 |
 * use:     | uselen | keeplen | flag mask | ra flags | valid lifetime 32 | preferred lifetime 32 | flags 32 | use prefix 128 |
 * </pre>
 */
final class Icmp6Renumbering {
    private Icmp6Renumbering() {}

    private static final int HEADER = 16;
    private static final int MATCH = 24;
    private static final int USE = 32;

    static void print(Ctx c, int off, int len) {
        c.cur.check(off, HEADER);
        int code = c.cur.u8(off + 1);
        c.p("router renumbering, ").p(switch (code) {
            case 0 -> "command";
            case 1 -> "result";
            case 255 -> "sequence number reset";
            default -> "code-#" + code;
        });
        c.p(", seq=").p(c.cur.u32(off + 4));
        if (c.v() > 0) {
            int flags = c.cur.u8(off + 9);
            StringBuilder f = new StringBuilder();
            if ((flags & 0x80) != 0) f.append('T');
            if ((flags & 0x40) != 0) f.append('R');
            if ((flags & 0x20) != 0) f.append('A');
            if ((flags & 0x10) != 0) f.append('S');
            if ((flags & 0x08) != 0) f.append('P');
            c.p("[").p(f.isEmpty() ? "" : f + ",").p("seg=").p(c.cur.u8(off + 8))
                    .p(",maxdelay=").p(c.cur.u16(off + 10)).p("]");
        }
        if (code == 0) {
            int p = off + HEADER;
            int end = off + len;
            while (p + MATCH <= end) {
                int opLen = c.cur.u8(p + 1) * 8;
                if (opLen < MATCH) break;
                match(c, p);
                for (int u = p + MATCH; u + USE <= Math.min(p + opLen, end); u += USE) use(c, u);
                p += opLen;
            }
        }
        if (c.v() == 0) c.p(", length ").p(len);
    }

    private static void match(Ctx c, int p) {
        int op = c.cur.u8(p);
        c.p(" match(").p(switch (op) {
            case 1 -> "add";
            case 2 -> "change";
            case 3 -> "setglobal";
            default -> "opcode" + op;
        }).p(",");
        if (c.v() > 0) {
            c.p("ord=").p(c.cur.u8(p + 2)).p(",min=").p(c.cur.u8(p + 4)).p(",max=").p(c.cur.u8(p + 5)).p(",");
        }
        c.p(c.ip6(p + 8)).p("/").p(c.cur.u8(p + 3)).p(")");
    }

    private static void use(Ctx c, int u) {
        c.p(" use(");
        if (c.v() > 0) {
            c.f("mask=0x%x,raflags=0x%x,", c.cur.u8(u + 2), c.cur.u8(u + 3));
            c.p("vltime=").p(lifetime(c.cur.u32(u + 4))).p(",pltime=").p(lifetime(c.cur.u32(u + 8))).p(",");
        }
        c.p(c.ip6(u + 16)).p("/").p(c.cur.u8(u)).p("/").p(c.cur.u8(u + 1)).p(")");
    }

    private static String lifetime(long t) {
        return t == 0xffffffffL ? "infty" : Long.toString(t);
    }
}
