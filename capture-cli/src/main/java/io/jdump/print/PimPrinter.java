package io.jdump.print;

/**
 * PIM version 2 (RFC 7761) message header; options of Hello messages are not decoded.
 *
 * <pre>
 * | ver 4 | type 4 | reserved 8 | checksum 16 | body ... |
 * </pre>
 */
final class PimPrinter {
    private PimPrinter() {}

    private static final String[] TYPES = {"Hello", "Register", "Register Stop", "Join / Prune", "Bootstrap",
        "Assert", "Graft", "Graft ACK", "Candidate RP Advertisement"};

    static void print(Ctx c, int off, int len) {
        c.proto = "pim";
        int b0 = c.cur.u8(off);
        int version = b0 >> 4;
        int type = b0 & 0xf;
        String name = type < TYPES.length ? TYPES[type] : "[type " + type + "]";
        if (version != 2) {
            c.p("PIMv").p(version).p(", length ").p(len);
            return;
        }
        if (c.v() == 0) {
            c.p("PIMv2, ").p(name).p(", length ").p(len);
            return;
        }
        int cksum = c.cur.u16(off + 2);
        c.p("PIMv2, length ").p(len).p("\n\t").p(name).f(", cksum 0x%04x ", cksum);
        if (cksum == 0) c.p("(unverified)");
        else if (c.cur.has(off, len)) c.p(IpProto.checksum(0, c.cur.data(), off, len) == 0 ? "(correct)" : "(incorrect)");
        else c.p("(unverified)");
    }
}
