package io.jdump.filter.gen;

import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Edge;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of boolean code under construction: an entry block and the not-yet-patched edges
 * taken when the piece is true and when it is false (libpcap's backpatch lists, without its
 * sense-flag trick), or a constant. {@code and}: the true exits of the left go to the right;
 * {@code or}: the false exits of the left go to the right; {@code not}: the exit lists swap.
 * Constants fold away as in libpcap 1.11 ({@code x and true} is {@code x}); a constant remembers
 * whether it was negated, because libpcap emits a negated true as {@code ld #0; jeq #0} with the
 * edges swapped rather than as a false block.
 *
 * <p>A fragment is used once: combining two takes over their exit lists (so long chains stay linear).
 */
record Frag(Block entry, List<Edge> trueExits, List<Edge> falseExits, Boolean constant, boolean negated) {
    static final Frag TRUE = new Frag(null, List.of(), List.of(), Boolean.TRUE, false);
    static final Frag FALSE = new Frag(null, List.of(), List.of(), Boolean.FALSE, false);

    /** A single conditional block; its TRUE edge is the true exit. */
    static Frag of(Block b) {
        return new Frag(b, new ArrayList<>(List.of(new Edge(b, Sense.TRUE))),
                new ArrayList<>(List.of(new Edge(b, Sense.FALSE))), null, false);
    }

    static Frag constant(boolean v) { return v ? TRUE : FALSE; }

    boolean isTrue() { return constant == Boolean.TRUE; }

    boolean isFalse() { return constant == Boolean.FALSE; }

    Frag not() {
        return constant != null ? new Frag(null, List.of(), List.of(), !constant, !negated)
                : new Frag(entry, falseExits, trueExits, null, false);
    }

    static Frag and(Frag a, Frag b) {
        if (a.isFalse()) return a;
        if (b.isFalse()) return b;
        if (a.isTrue()) return b;
        if (b.isTrue()) return a;
        for (Edge e : a.trueExits) e.patch(b.entry);
        a.falseExits.addAll(b.falseExits);
        return new Frag(a.entry, b.trueExits, a.falseExits, null, false);
    }

    /**
     * {@code (c and t) or (not c and e)} where {@code t} and {@code e} are never both true for
     * one packet: {@code c}'s true exits go to {@code t}, its false exits to {@code e}, and {@code t}
     * failing does not try {@code e}. No operand may be a constant.
     */
    static Frag ifElse(Frag c, Frag t, Frag e) {
        for (Edge x : c.trueExits) x.patch(t.entry);
        for (Edge x : c.falseExits) x.patch(e.entry);
        t.trueExits.addAll(e.trueExits);
        t.falseExits.addAll(e.falseExits);
        return new Frag(c.entry, t.trueExits, t.falseExits, null, false);
    }

    static Frag or(Frag a, Frag b) {
        if (a.isTrue()) return a;
        if (b.isTrue()) return b;
        if (a.isFalse()) return b;
        if (b.isFalse()) return a;
        for (Edge e : a.falseExits) e.patch(b.entry);
        a.trueExits.addAll(b.trueExits);
        return new Frag(a.entry, a.trueExits, b.falseExits, null, false);
    }
}
