package io.jdump.filter.opt;

import io.jdump.bpf.JmpOp;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
    private record Cond(int value, JmpOp op, int k) {}

    private final Values values;
    private final Map<Cond, Boolean> conds = new HashMap<>();
    private final Map<Integer, Integer> equal = new HashMap<>();
    private final Set<Integer> loaded = new HashSet<>();
    private final Map<Integer, Set<Integer>> oneOf = new HashMap<>();
    private final List<Runnable> log = new ArrayList<>();

    Facts(Values values) {
        this.values = values;
    }

    int mark() { return log.size(); }

    void undo(int mark) {
        while (log.size() > mark) log.removeLast().run();
    }

    void loaded(int key) {
        if (loaded.add(key)) log.add(() -> loaded.remove(key));
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
        Set<Integer> old = oneOf.put(value, now);
        log.add(() -> {
            if (old == null) oneOf.remove(value);
            else oneOf.put(value, old);
        });
    }

    /** Records that {@code b}'s branch, evaluated on exit state {@code s}, went {@code sense}. */
    void took(Block b, int[] s, Sense sense) {
        Cmp c = compare(b, s);
        if (c == null) return;
        boolean v = sense == Sense.TRUE;
        Cond key = new Cond(c.value, c.op, c.k);
        if (!conds.containsKey(key)) {
            conds.put(key, v);
            log.add(() -> conds.remove(key));
        }
        if (c.op == JmpOp.JEQ && v && !equal.containsKey(c.value)) {
            equal.put(c.value, c.k);
            log.add(() -> equal.remove(c.value));
        }
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
        Boolean d = conds.get(new Cond(c.value, c.op, c.k));
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
