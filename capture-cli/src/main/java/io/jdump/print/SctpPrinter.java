package io.jdump.print;

/**
 * SCTP (RFC 9260): common header and a summary of each chunk.
 *
 * <pre>
 * | src port 2 | dst port 2 | verification tag 4 | checksum 4 | chunks: type 1 | flags 1 | length 2 | ... |
 * </pre>
 */
final class SctpPrinter {
    private SctpPrinter() {}

    private static final String[] NAMES = {"DATA", "INIT", "INIT ACK", "SACK", "HB REQ", "HB ACK", "ABORT",
        "SHUTDOWN", "SHUTDOWN ACK", "OP ERR", "COOKIE ECHO", "COOKIE ACK", "ECN ECHO", "ECN CWR", "SHUTDOWN COMPLETE"};

    static void print(Ctx c, Ip ip, int off, int len) {
        c.proto = "sctp";
        int sport = c.cur.u16(off);
        int dport = c.cur.u16(off + 2);
        c.p(ip.src()).p(".").p(sport).p(" > ").p(ip.dst()).p(".").p(dport).p(": ");
        c.cur.check(off, 12);
        c.p("sctp");
        int p = off + 12;
        int n = 0;
        while (p + 4 <= off + len) {
            int type = c.cur.u8(p);
            int clen = c.cur.u16(p + 2);
            if (clen < 4) break;
            c.cur.check(p, Math.min(clen, off + len - p));
            n++;
            c.p(c.v() > 1 ? "\n\t" + n + ") [" : " (" + n + ") [").p(type < NAMES.length ? NAMES[type] : "Unknown chunk type: " + type).p("] ");
            if (type == 1 || type == 2) {
                c.p("[init tag: ").p(c.cur.u32(p + 4)).p("] [rwnd: ").p(c.cur.u32(p + 8)).p("] [OS: ");
                c.p(c.cur.u16(p + 12)).p("] [MIS: ").p(c.cur.u16(p + 14)).p("] [init TSN: ").p(c.cur.u32(p + 16)).p("] ");
            }
            p += (clen + 3) & ~3;
        }
    }
}
