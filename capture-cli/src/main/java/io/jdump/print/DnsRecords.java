package io.jdump.print;

/** One DNS resource record: owner name (with {@code -v}), TTL (with {@code -vvv}), type and data. */
final class DnsRecords {
    private DnsRecords() {}

    static int print(Ctx c, int msg, int p) {
        StringBuilder owner = new StringBuilder();
        int q = DnsNames.name(c, msg, p, owner);
        int type = c.cur.u16(q);
        int cls = c.cur.u16(q + 2);
        long ttl = c.cur.u32(q + 4);
        int rdlen = c.cur.u16(q + 8);
        int d = q + 10;
        if (c.v() > 0) c.p(owner.toString()).p(" ");
        if (type == 41) {
            c.p("OPT UDPsize=").p(cls);
            if ((ttl & 0x8000) != 0) c.p(" DO");
            if (rdlen > 0) Edns.options(c, d, rdlen);
            return d + rdlen;
        }
        if (c.v() > 2) c.p("[").p(Ttl.text(ttl)).p("] ");
        if ((cls & 0x7fff) != 1) c.p(DnsTypes.className(cls & 0x7fff)).p(" ");
        c.p(DnsTypes.name(type));
        c.cur.check(d, rdlen);
        switch (type) {
            case 1 -> c.p(" ").p(c.ip4(d));
            case 28 -> c.p(" ").p(c.ip6(d));
            case 2, 5, 12, 39 -> c.p(" ").p(name(c, msg, d));
            case 15 -> c.p(" ").p(name(c, msg, d + 2)).p(" ").p(c.cur.u16(d));
            case 16 -> txt(c, d, rdlen);
            case 33 -> c.p(" ").p(name(c, msg, d + 6)).p(":").p(c.cur.u16(d + 4)).p(" ").p(c.cur.u16(d))
                    .p(" ").p(c.cur.u16(d + 2));
            case 6 -> { if (c.v() > 0) soa(c, msg, d); }
            case 256 -> {
                c.p(" ").p(c.cur.u16(d)).p(" ").p(c.cur.u16(d + 2)).p(" ");
                for (int i = 4; i < rdlen; i++) Escape.append(c.out, c.cur.u8(d + i));
            }
            default -> { }
        }
        return d + rdlen;
    }

    private static String name(Ctx c, int msg, int p) {
        StringBuilder sb = new StringBuilder();
        DnsNames.name(c, msg, p, sb);
        return sb.toString();
    }

    private static void soa(Ctx c, int msg, int d) {
        StringBuilder a = new StringBuilder();
        int p = DnsNames.name(c, msg, d, a);
        StringBuilder b = new StringBuilder();
        p = DnsNames.name(c, msg, p, b);
        c.p(" ").p(a.toString()).p(" ").p(b.toString());
        for (int i = 0; i < 5; i++) c.p(" ").p(c.cur.u32(p + 4 * i));
    }

    private static void txt(Ctx c, int d, int rdlen) {
        int i = 0;
        while (i < rdlen) {
            int l = c.cur.u8(d + i);
            c.p(" \"");
            c.printable(d + i + 1, l);
            c.p("\"");
            i += 1 + l;
        }
    }

    /** TTLs as tcpdump's {@code -vvv} shows them: {@code 1w2d3h4m5s}. */
    static final class Ttl {
        private Ttl() {}

        static String text(long t) {
            if (t == 0) return "0s";
            StringBuilder sb = new StringBuilder();
            long[] units = {604800, 86400, 3600, 60, 1};
            String[] names = {"w", "d", "h", "m", "s"};
            for (int i = 0; i < units.length; i++) {
                if (t >= units[i]) {
                    sb.append(t / units[i]).append(names[i]);
                    t %= units[i];
                }
            }
            return sb.toString();
        }
    }
}
