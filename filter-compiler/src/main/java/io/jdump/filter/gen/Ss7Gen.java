package io.jdump.filter.gen;

import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Size;
import io.jdump.filter.LinkType;
import java.util.List;

/**
 * SS7 MTP2/MTP3 primitives on MTP2 links (plain, with the 4-byte pseudo-header, or inside an ERF
 * record): the signal unit type from the length indicator ({@code fisu}, {@code lssu}, {@code msu}),
 * and the MTP3 routing label fields {@code sio}, {@code opc}, {@code dpc}, {@code sls}. The
 * {@code h}-prefixed forms are for high-speed links (12-bit length indicator, fields 3 bytes later).
 */
final class Ss7Gen {
    private Ss7Gen() {}

    /** Offset of the MTP2 header, or -1 if {@code t} does not carry MTP2. */
    private static int base(LinkType t) {
        return switch (t) {
            case MTP2 -> 0;
            case MTP2_WITH_PHDR -> 4;
            case ERF -> 20;
            default -> -1;
        };
    }

    /** Whether {@code keyword} is an SS7 primitive this link type compiles. */
    static boolean handles(Gen g, String keyword) {
        return base(g.link.type) >= 0 && OtherMessages.isSs7(keyword);
    }

    static Frag gen(Gen g, String keyword, List<String> args) {
        int b = base(g.link.type);
        int li = b + 2, liHsl = b + 4;
        return switch (keyword) {
            case "fisu" -> g.eqMasked(li, Size.B, 0x3f, 0);
            case "lssu", "lsu" -> between(g, li, Size.B, 0x3f, 0, 2);
            case "msu" -> g.cmpAbs(li, Size.B, 0x3f, JmpOp.JGT, 2);
            case "hfisu" -> g.eqMasked(liHsl, Size.H, 0xff80, 0);
            case "hlssu" -> between(g, liHsl, Size.H, 0xff80, 0, 0x100);
            case "hmsu" -> g.cmpAbs(liHsl, Size.H, 0xff80, JmpOp.JGT, 0x100);
            default -> field(keyword, b).gen(g, args);
        };
    }

    /** {@code lo < (field & mask) <= hi}. */
    private static Frag between(Gen g, int off, Size size, int mask, int lo, int hi) {
        return Frag.and(g.cmpAbs(off, size, mask, JmpOp.JGT, lo), g.cmpAbs(off, size, mask, JmpOp.JGT, hi).not());
    }

    private static FieldCmp field(String keyword, int base) {
        int hs = keyword.startsWith("h") ? 3 : 0;
        return switch (keyword.substring(hs == 0 ? 0 : 1)) {
            case "sio" -> new FieldCmp(keyword, base + 3 + hs, Size.B, -1, 255, v -> v);
            case "opc" -> new FieldCmp(keyword, base + 4 + hs, Size.W, 0xc0ff0f, 16383,
                    v -> (v & 3) << 22 | (v >> 2 & 0xff) << 8 | (v >> 10 & 0xf));
            case "dpc" -> new FieldCmp(keyword, base + 4 + hs, Size.H, 0xff3f, 16383, v -> (v & 0xff) << 8 | (v >> 8 & 0x3f));
            case "sls" -> new FieldCmp(keyword, base + 7 + hs, Size.B, 0xf0, 15, v -> v << 4);
            default -> throw Gen.error(OtherMessages.of(keyword, LinkType.MTP2));
        };
    }
}
