package io.jdump.print;

/**
 * Spanning tree BPDUs (IEEE 802.1D configuration and TCN, 802.1w RSTP).
 *
 * <pre>
 * | proto id 2 | version 1 | type 1 | flags 1 | root id 8 | path cost 4 | bridge id 8 | port 2 | times 4x2 |
 * </pre>
 */
final class StpPrinter {
    private StpPrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "stp";
        int protoId = c.cur.u16(off);
        if (protoId != 0) {
            c.p("unknown STP version, length ").p(len);
            return;
        }
        int version = c.cur.u8(off + 2);
        int type = c.cur.u8(off + 3);
        switch (version) {
            case 0 -> c.p("STP 802.1d");
            case 2 -> c.p("RSTP 802.1w");
            case 3 -> c.p("MSTP 802.1s");
            default -> {
                c.p("unknown STP version, length ").p(len);
                return;
            }
        }
        switch (type) {
            case 0 -> { c.p(", Config"); if (config(c, off, len)) return; }
            case 0x80 -> c.p(", Topology Change");
            case 2 -> { c.p(", Rapid STP"); if (config(c, off, len)) return; }
            default -> c.f(", Unknown BPDU Type (0x%02x)", type);
        }
        c.p(", length ").p(len);
    }

    /** Prints a configuration BPDU; true when the verbose form already printed the length. */
    private static boolean config(Ctx c, int off, int len) {
        int flags = c.cur.u8(off + 4);
        c.p(", Flags [").p(flags(flags)).p("]");
        String bridge = bridgeId(c, off + 17) + Fmt.format(".%04x", c.cur.u16(off + 25));
        c.p(", bridge-id ").p(bridge);
        if (c.v() > 0) {
            c.p(", length ").p(len);
            c.f("\n\tmessage-age %.2fs, max-age %.2fs, hello-time %.2fs, forwarding-delay %.2fs",
                    c.cur.u16(off + 27) / 256.0, c.cur.u16(off + 29) / 256.0, c.cur.u16(off + 31) / 256.0,
                    c.cur.u16(off + 33) / 256.0);
            c.p("\n\troot-id ").p(bridgeId(c, off + 5)).p(", root-pathcost ").p(c.cur.u32(off + 13));
            return true;
        }
        return false;
    }

    private static String bridgeId(Ctx c, int off) {
        return Fmt.format("%04x.", c.cur.u16(off)) + c.mac(off + 2);
    }

    private static String flags(int f) {
        StringBuilder sb = new StringBuilder();
        if ((f & 0x01) != 0) sb.append("Topology change");
        if ((f & 0x80) != 0) sb.append(sb.isEmpty() ? "" : ", ").append("Topology change ACK");
        return sb.isEmpty() ? "none" : sb.toString();
    }
}
