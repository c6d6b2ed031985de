package io.jdump.filter.opt;

import io.jdump.bpf.JmpOp;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Sense;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What is known on the current path during a walk of the dominator tree: outcomes of comparisons
 * (on value numbers), values known equal to a constant, values known to be one of a few constants
 * (from {@link PathFacts}, narrowed by later comparisons), and the packet loads that already
 * succeeded. Scoped like a symbol table: {@link #mark()} then {@link #undo(int)} removes what was
 * added since, so a walk costs O(1) per fact instead of copying sets (this is what keeps the
 * threading of 10,000-term chains near-linear).
 */
final class Facts {
    private final Values values;
    private final Map<Long, Boolean> conds = new HashMap<>();    // key: cond(value, op, k)
    private final Map<Integer, Integer> equal = new HashMap<>();
    private final Set<Integer> loaded = new HashSet<>();
    private final Map<Integer, Set<Integer>> oneOf = new HashMap<>();

    // The undo log, one entry per added fact: its kind, its key, and for ONE_OF the set it replaced.
    private static final byte COND = 0, EQUAL = 1, LOADED = 2, ONE_OF = 3;
    private byte[] kinds = new byte[64];
    private long[] keys = new long[64];
    private Object[] olds = new Object[64];
    private int size;

    Facts(Values values) {
        this.values = values;
    }

    int mark() { return size; }

    void undo(int mark) {
        while (size > mark) {
            size--;
            long key = keys[size];
            switch (kinds[size]) {
                case COND -> conds.remove(key);
                case EQUAL -> equal.remove((int) key);
                case LOADED -> loaded.remove((int) key);
                default -> {
                    @SuppressWarnings("unchecked")
                    Set<Integer> old = (Set<Integer>) olds[size];
                    if (old == null) oneOf.remove((int) key);
                    else oneOf.put((int) key, old);
                }
            }
            olds[size] = null;
        }
    }

    private void log(byte kind, long key, Object old) {
        if (size == kinds.length) {
            kinds = java.util.Arrays.copyOf(kinds, 2 * size);
            keys = java.util.Arrays.copyOf(keys, 2 * size);
            olds = java.util.Arrays.copyOf(olds, 2 * size);
        }
        kinds[size] = kind;
        keys[size] = key;
        olds[size++] = old;
    }

    private static long cond(int value, JmpOp op, int k) {
        return ((long) value << 35) | ((long) op.ordinal() << 32) | (k & 0xffffffffL);
    }

    void loaded(int key) {
        if (loaded.add(key)) log(LOADED, key, null);
    }

    boolean isLoaded(int key) { return loaded.contains(key); }

    /** Records that value {@code value} is one of {@code cs} (from {@link PathFacts}), narrowing what is known. */
    void oneOf(int value, Set<Integer> cs) {
        Set<Integer> old = oneOf.get(value);
        Set<Integer> now = cs;
        if (old != null) {
            now = new HashSet<>(old);
            now.retainAll(cs);
        }
        if (!now.equals(old)) setOneOf(value, now);
    }

    private void setOneOf(int value, Set<Integer> now) {
        log(ONE_OF, value, oneOf.put(value, now));
    }

    /** Records that {@code b}'s branch, evaluated on exit state {@code s}, went {@code sense}. */
    void took(Block b, int[] s, Sense sense) {
        Cmp c = compare(b, s);
        if (c == null) return;
        boolean v = sense == Sense.TRUE;
        long key = cond(c.value, c.op, c.k);
        if (conds.putIfAbsent(key, v) == null) log(COND, key, null);
        if (c.op == JmpOp.JEQ && v && equal.putIfAbsent(c.value, c.k) == null) log(EQUAL, c.value, null);
        Set<Integer> set = oneOf.get(c.value);
        if (set != null) {
            Set<Integer> now = new HashSet<>();
            for (int x : set) if (c.op.test(x, c.k) == v) now.add(x);
            if (now.size() != set.size()) setOneOf(c.value, now);
        }
    }

    /** The outcome of {@code b}'s branch on exit state {@code s} if the facts decide it, else null. */
    Boolean decide(Block b, int[] s) {
        Cmp c = compare(b, s);
        if (c == null) return null;
        Integer known = values.constOf(c.value);
        if (known == null) known = equal.get(c.value);
        if (known != null) return c.op.test(known, c.k);
        Boolean d = conds.get(cond(c.value, c.op, c.k));
        if (d != null) return d;
        Set<Integer> set = oneOf.get(c.value);
        if (set == null || set.isEmpty()) return null;
        boolean first = c.op.test(set.iterator().next(), c.k);
        for (int x : set) if (c.op.test(x, c.k) != first) return null;
        return first;
    }

    private record Cmp(int value, JmpOp op, int k) {}

    /** The comparison as (A's number, op, constant), or null when the operand is an unknown X. */
    private Cmp compare(Block b, int[] s) {
        return switch (b.branch()) {
            case Branch.CondK(var op, var k) -> new Cmp(s[Values.A], op, k);
            case Branch.CondX(var op) -> {
                Integer x = values.constOf(s[Values.X]);
                if (x == null) x = equal.get(s[Values.X]);
                yield x == null ? null : new Cmp(s[Values.A], op, x);
            }
            case Branch.Goto _, Branch.Return _, Branch.ReturnA _ -> null;
        };
    }
}
