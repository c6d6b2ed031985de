package io.jdump.filter.gen;

import io.jdump.bpf.Size;
import io.jdump.filter.ast.Dir;

/**
 * DECnet Phase IV host tests. The address {@code area.node} is {@code area << 10 | node}, stored
 * little-endian; the routing header has a short and a long form, each optionally preceded by a
 * pad byte, so every address test is four alternatives (libpcap's order).
 */
final class DecnetGen {
    private DecnetGen() {}

    static Frag host(Gen g, String text, Dir dir) {
        int a = parse(text);
        int swapped = (a & 0xff) << 8 | a >>> 8;
        Frag lt = g.link.linktype(g, LinkLayer.DN);
        if (lt.isFalse()) return lt;
        return Frag.and(lt, HostGen.dirOp(dir, () -> src(g, swapped), () -> dst(g, swapped)));
    }

    static int parse(String text) {
        String[] p = text.split("\\.");
        if (p.length != 2) throw Gen.error("invalid DECnet address '" + text + "'");
        long area = Long.parseLong(p[0]);
        long node = Long.parseLong(p[1]);
        if (area > 63 || node > 1023) throw Gen.error("invalid DECnet address '" + text + "'");
        return (int) (area << 10 | node);
    }

    private static Frag src(Gen g, int a) {
        int pl = g.link.net();
        Frag f = Frag.and(g.eqMasked(pl + 2, Size.B, 0x7, 0x02), g.eq(pl + 2 + 3, Size.H, a));
        f = Frag.or(f, Frag.and(g.eqMasked(pl + 2, Size.H, 0xff07, 0x8102), g.eq(pl + 2 + 1 + 3, Size.H, a)));
        f = Frag.or(f, Frag.and(g.eqMasked(pl + 2, Size.B, 0x7, 0x06), g.eq(pl + 2 + 15, Size.H, a)));
        return Frag.or(f, Frag.and(g.eqMasked(pl + 2, Size.H, 0xff07, 0x8106), g.eq(pl + 2 + 1 + 15, Size.H, a)));
    }

    private static Frag dst(Gen g, int a) {
        int pl = g.link.net();
        Frag f = g.eqMasked(pl + 2, Size.W, 0x07ffff00, 0x02 << 24 | a << 8);
        f = Frag.or(f, g.eqMasked(pl + 2, Size.W, 0xff07ffff, 0x8102 << 16 | a));
        f = Frag.or(f, Frag.and(g.eqMasked(pl + 2, Size.B, 0x7, 0x06), g.eq(pl + 2 + 7, Size.H, a)));
        return Frag.or(f, Frag.and(g.eqMasked(pl + 2, Size.H, 0xff07, 0x8106), g.eq(pl + 2 + 1 + 7, Size.H, a)));
    }
}
