package io.jdump.print;

/**
 * DNS messages (RFC 1035): the header summary, questions and the common resource records.
 *
 * <pre>
 * +----+-----+---------+---------+---------+---------+
 * | ID |flags| QDCOUNT | ANCOUNT | NSCOUNT | ARCOUNT |  then questions and RRs
 * +----+-----+---------+---------+---------+---------+
 * </pre>
 */
final class DnsPrinter {
    private DnsPrinter() {}

    private static final String[] OPCODES = {"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
        " op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef"};
    private static final String[] RCODES = {"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
        " YXDomain", " YXRRSet", " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14",
        " NoChange"};

    static void print(Ctx c, int off, int len, boolean tcp) {
        c.proto = "domain";
        if (len < 12) {
            c.p(tcp ? "" : "domain ").p("[length ").p(len).p(" < 12] (invalid)");
            return;
        }
        int end = c.cur.narrow(off + len);
        try {
            message(c, off, len);
        } finally {
            c.cur.restore(end);
        }
    }

    private static void message(Ctx c, int off, int len) {
        int id = c.cur.u16(off);
        int b2 = c.cur.u8(off + 2);
        int b3 = c.cur.u8(off + 3);
        int qd = c.cur.u16(off + 4), an = c.cur.u16(off + 6), ns = c.cur.u16(off + 8), ar = c.cur.u16(off + 10);
        int opcode = b2 >> 3 & 0xf;
        c.p(id);
        int p = off + 12;
        if ((b2 & 0x80) != 0) {
            c.p(OPCODES[opcode]).p(rcode(c, off, b3 & 0xf, qd, an, ns, ar)).p((b2 & 0x04) != 0 ? "*" : "");
            c.p((b3 & 0x80) != 0 ? "" : "-").p((b2 & 0x02) != 0 ? "|" : "").p((b3 & 0x20) != 0 ? "$" : "");
            if (qd != 1) c.p(" [").p(qd).p("q]");
            for (int i = 0; i < qd; i++) {
                if (i != 0) c.p(",");
                p = c.v() > 1 ? question(c, off, p, " q: ") : DnsNames.skipQuestion(c, p);
            }
            c.p(" ").p(an).p("/").p(ns).p("/").p(ar);
            p = records(c, off, p, an, "");
            if (c.v() > 1) {
                p = records(c, off, p, ns, " ns:");
                records(c, off, p, ar, " ar:");
            }
        } else {
            c.p(OPCODES[opcode]).p((b2 & 0x01) != 0 ? "+" : "").p((b3 & 0x10) != 0 ? "%" : "");
            int flags = b2 << 8 | b3;
            if ((flags & 0x6cf) != 0) c.f(" [b2&3=0x%x]", flags);
            if (opcode == 1) {
                if (qd != 0) c.p(" [").p(qd).p("q]");
                if (an != 1) c.p(" [").p(an).p("a]");
            } else {
                if (an != 0) c.p(" [").p(an).p("a]");
                if (qd != 1) c.p(" [").p(qd).p("q]");
            }
            if (ns != 0) c.p(" [").p(ns).p("n]");
            if (ar != 0) c.p(" [").p(ar).p("au]");
            for (int i = 0; i < qd; i++) p = question(c, off, p, " ");
            if (c.v() > 1) {
                p = records(c, off, p, an, " an:");
                p = records(c, off, p, ns, " ns:");
                records(c, off, p, ar, " ar:");
            }
        }
        c.p(" (").p(len).p(")");
    }

    /** The response code, extended by an OPT record's upper bits (RFC 6891 section 6.1.3) when the message has one. */
    private static String rcode(Ctx c, int msg, int low, int qd, int an, int ns, int ar) {
        long ext = extendedRcode(c, msg, qd, an, ns, ar);
        int code = (int) (ext << 4) | low;
        if (code < 16) return RCODES[code];
        return switch (code) {
            case 16 -> " BadVers";
            case 17 -> " BadKey";
            case 18 -> " BadTime";
            case 19 -> " BadMode";
            case 20 -> " BadName";
            case 21 -> " BadAlg";
            case 22 -> " BadTruncation";
            case 23 -> " BadCookie";
            default -> " Resp" + code;
        };
    }

    private static long extendedRcode(Ctx c, int msg, int qd, int an, int ns, int ar) {
        try {
            int p = msg + 12;
            for (int i = 0; i < qd; i++) p = DnsNames.skipQuestion(c, p);
            for (int i = 0; i < an + ns; i++) p = skipRecord(c, p);
            for (int i = 0; i < ar; i++) {
                int q = DnsNames.skip(c, p);
                if (c.cur.u16(q) == 41) return c.cur.u8(q + 4);
                p = skipRecord(c, p);
            }
        } catch (Truncated t) {
            return 0;
        }
        return 0;
    }

    private static int skipRecord(Ctx c, int p) {
        int q = DnsNames.skip(c, p);
        return q + 10 + c.cur.u16(q + 8);
    }

    private static int question(Ctx c, int msg, int p, String prefix) {
        int q = DnsNames.skip(c, p);
        int type = c.cur.u16(q);
        int cls = c.cur.u16(q + 2);
        c.p(prefix).p(DnsTypes.name(type));
        int shown = c.mdns ? cls & 0x7fff : cls;
        if (shown != 1) c.p(" ").p(DnsTypes.className(shown));
        if (c.mdns) c.p((cls & 0x8000) != 0 ? " (QU)" : " (QM)");
        c.p("? ");
        DnsNames.name(c, msg, p, c.out);
        return q + 4;
    }

    /** Prints a section; stops (as truncated) when the records run past the captured message. */
    private static int records(Ctx c, int msg, int p, int count, String label) {
        if (count == 0 || p >= c.cur.end()) {
            if (count > 0 && label.isEmpty()) throw Truncated.INSTANCE;
            return p;
        }
        c.p(label);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                if (p >= c.cur.end()) throw Truncated.INSTANCE;
                c.p(",");
            }
            c.p(" ");
            p = DnsRecords.print(c, msg, p);
        }
        return p;
    }
}
