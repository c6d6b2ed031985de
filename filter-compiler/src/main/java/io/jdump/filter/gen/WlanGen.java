package io.jdump.filter.gen;

import io.jdump.bpf.Size;
import io.jdump.filter.ast.Dir;
import java.util.List;
import java.util.Map;

/**
 * IEEE 802.11 frame-control tests: {@code type}, {@code subtype} and {@code dir}. The first
 * frame-control byte holds the subtype (high nibble) and the type (bits 2-3); the second byte's
 * low two bits are the To-DS/From-DS direction. Values are compared in place, masked.
 */
final class WlanGen {
    private WlanGen() {}

    private static final Map<String, Integer> TYPES = Map.of("mgt", 0x0, "management", 0x0, "ctl", 0x4,
            "control", 0x4, "data", 0x8);

    private static final Map<String, Integer> MGT = Map.ofEntries(Map.entry("assoc-req", 0x00), Map.entry("assocreq", 0x00),
            Map.entry("assoc-resp", 0x10), Map.entry("assocresp", 0x10), Map.entry("reassoc-req", 0x20),
            Map.entry("reassocreq", 0x20), Map.entry("reassoc-resp", 0x30), Map.entry("reassocresp", 0x30),
            Map.entry("probe-req", 0x40), Map.entry("probereq", 0x40), Map.entry("probe-resp", 0x50),
            Map.entry("proberesp", 0x50), Map.entry("beacon", 0x80), Map.entry("atim", 0x90), Map.entry("disassoc", 0xa0),
            Map.entry("disassociation", 0xa0), Map.entry("auth", 0xb0), Map.entry("authentication", 0xb0),
            Map.entry("deauth", 0xc0), Map.entry("deauthentication", 0xc0));
    private static final Map<String, Integer> CTL = Map.of("bar", 0x80, "ba", 0x90, "ps-poll", 0xa0, "rts", 0xb0,
            "cts", 0xc0, "ack", 0xd0, "cf-end", 0xe0, "cf-end-ack", 0xf0);
    private static final Map<String, Integer> DATA = Map.ofEntries(Map.entry("data", 0x00), Map.entry("data-cf-ack", 0x10),
            Map.entry("data-cf-poll", 0x20), Map.entry("data-cf-ack-poll", 0x30), Map.entry("null", 0x40),
            Map.entry("cf-ack", 0x50), Map.entry("cf-poll", 0x60), Map.entry("cf-ack-poll", 0x70), Map.entry("qos-data", 0x80),
            Map.entry("qos-data-cf-ack", 0x90), Map.entry("qos-data-cf-poll", 0xa0), Map.entry("qos-data-cf-ack-poll", 0xb0),
            Map.entry("qos", 0xc0), Map.entry("qos-cf-poll", 0xe0), Map.entry("qos-cf-ack-poll", 0xf0));
    private static final Map<String, Integer> DIRS = Map.of("nods", 0, "tods", 1, "fromds", 2, "dstods", 3);

    /** {@code type t [subtype s]}, {@code subtype s} or {@code dir d}, arguments as written. */
    static Frag gen(Gen g, String keyword, List<String> args) {
        return switch (keyword) {
            case "type" -> args.size() == 1 ? g.eqMasked(g.link.hdr, Size.B, 0x0c, type(args.get(0)))
                    : g.eqMasked(g.link.hdr, Size.B, 0xfc, type(args.get(0)) | subtype(type(args.get(0)), args.get(1)));
            case "subtype" -> g.eqMasked(g.link.hdr, Size.B, 0xfc, anySubtype(args.get(0)));
            default -> g.eqMasked(g.link.hdr + 1, Size.B, 0x03, dir(args.get(0)));
        };
    }

    /**
     * A MAC address in the 802.11 header. Which of the four address fields holds the source or
     * destination depends on the frame type and the To-DS/From-DS bits, so {@code src} and
     * {@code dst} test the alternatives in turn; {@code addr1..4}, {@code ra} and {@code ta} name
     * fields directly (libpcap's gen_wlanhostop).
     */
    static Frag mac(Gen g, Dir dir, java.util.function.IntFunction<Frag> at) {
        int h = g.link.hdr;
        return switch (dir) {
            case SRC -> src(g, at);
            case DST -> dst(g, at);
            case AND -> Frag.and(src(g, at), dst(g, at));
            case OR, DEFAULT, UNDEF -> Frag.or(src(g, at), dst(g, at));
            case ADDR1 -> at.apply(h + 4);
            case ADDR2 -> Frag.and(notCtsOrAck(g), at.apply(h + 10));
            case ADDR3 -> Frag.and(g.eqMasked(h, Size.B, 0x0c, 0x04).not(), at.apply(h + 16));
            case ADDR4 -> Frag.and(g.eqMasked(h + 1, Size.B, 0x03, 0x03), at.apply(h + 24));
            case RA -> Frag.and(bit(g, h, 0x08), at.apply(h + 4));
            case TA -> Frag.and(bit(g, h, 0x08), Frag.and(notCtsOrAck(g), at.apply(h + 10)));
        };
    }

    private static Frag bit(Gen g, int off, int mask) {
        return g.jump(g.load(Size.B, off), io.jdump.bpf.JmpOp.JSET, mask);
    }

    /** Not a CTS or ACK control frame (they have no transmitter address). */
    private static Frag notCtsOrAck(Gen g) {
        int h = g.link.hdr;
        Frag ctl = g.eqMasked(h, Size.B, 0x0c, 0x04);
        return Frag.and(ctl, Frag.or(g.eqMasked(h, Size.B, 0xf0, 0xc0), g.eqMasked(h, Size.B, 0xf0, 0xd0))).not();
    }

    private static Frag dst(Gen g, java.util.function.IntFunction<Frag> at) {
        int h = g.link.hdr;
        Frag noDs = Frag.and(bit(g, h, 0x08).not(), at.apply(h + 4));
        Frag toDs = Frag.or(Frag.and(bit(g, h + 1, 0x01).not(), at.apply(h + 4)), Frag.and(bit(g, h + 1, 0x01), at.apply(h + 16)));
        return Frag.and(bit(g, h, 0x04).not(), Frag.or(noDs, Frag.and(bit(g, h, 0x08), toDs)));
    }

    private static Frag src(Gen g, java.util.function.IntFunction<Frag> at) {
        int h = g.link.hdr;
        Frag first = Frag.and(bit(g, h, 0x08).not(), at.apply(h + 10));
        Frag fromDs = Frag.or(Frag.and(bit(g, h + 1, 0x01).not(), at.apply(h + 16)), Frag.and(bit(g, h + 1, 0x01), at.apply(h + 24)));
        Frag data = Frag.or(Frag.and(bit(g, h + 1, 0x02).not(), at.apply(h + 10)), Frag.and(bit(g, h + 1, 0x02), fromDs));
        return Frag.and(bit(g, h, 0x04).not(), Frag.or(first, Frag.and(bit(g, h, 0x08), data)));
    }

    private static Integer number(String s) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Integer.parseInt(s.substring(2), 16);
            if (s.length() > 1 && s.startsWith("0")) return Integer.parseInt(s.substring(1), 8);
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int type(String s) {
        Integer n = number(s);
        if (n != null) {
            if ((n & ~0x0c) != 0) throw Gen.error("invalid 802.11 type value");
            return n;
        }
        Integer t = TYPES.get(s);
        if (t == null) throw Gen.error("unknown 802.11 type name '" + s + "'");
        return t;
    }

    private static int subtype(int type, String s) {
        Integer n = number(s);
        if (n != null) {
            if ((n & ~0xf0) != 0) throw Gen.error("invalid 802.11 subtype value");
            return n;
        }
        Map<String, Integer> names = type == 0 ? MGT : type == 4 ? CTL : type == 8 ? DATA : Map.of();
        Integer v = names.get(s);
        if (v == null) throw Gen.error("unknown 802.11 subtype name '" + s + "'");
        return v;
    }

    private static int anySubtype(String s) {
        if (MGT.containsKey(s)) return MGT.get(s);
        if (CTL.containsKey(s)) return 0x4 | CTL.get(s);
        if (DATA.containsKey(s)) return 0x8 | DATA.get(s);
        throw Gen.error("unknown 802.11 subtype name '" + s + "'");
    }

    private static int dir(String s) {
        Integer n = number(s);
        if (n != null) {
            if (n > 3 || n < 0) throw Gen.error("invalid 802.11 direction");
            return n;
        }
        Integer d = DIRS.get(s);
        if (d == null) throw Gen.error("unknown 802.11 direction");
        return d;
    }
}
