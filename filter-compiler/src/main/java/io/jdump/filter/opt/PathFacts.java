package io.jdump.filter.opt;

import io.jdump.bpf.JmpOp;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Sense;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Facts that hold on every path into a block, an immutable analysis result: for some value
 * numbers, the finite set of constants the value can be there. Forward dataflow over the DAG in
 * topological order; an edge of a comparison narrows its value's set (a {@code jeq} taken sets it
 * to the one constant), and where paths meet the sets are united, a value unknown on one path
 * being unknown. This is what the dominator walk of {@link ThreadJumps} can not see by itself:
 * after {@code ip proto} is tested as 6, 17 or 132 on three edges that meet, it is one of them on
 * the joined path, so a second test of the same set is decided.
 *
 * <p>Sets larger than {@link #MAX_SET} and values beyond {@link #MAX_VALUES} per block are
 * dropped (knowing less is always sound), which keeps the cost linear in the blocks. Return
 * blocks get no facts: nothing below them could use them.
 */
record PathFacts(BlockMap<Map<Integer, Set<Integer>>> entry) {
    static final int MAX_SET = 16;
    static final int MAX_VALUES = 32;

    /** The path facts of {@code g} (on {@link States#of}), computed once per unchanged CFG ({@link Graph#memo}). */
    static PathFacts of(Graph g, States st) {
        return st == g.peek(Graph.STATES) ? g.memo(Graph.PATH_FACTS, x -> compute(x, st)) : compute(g, st);
    }

    private static PathFacts compute(Graph g, States st) {
        BlockMap<Map<Integer, Set<Integer>>> in = new BlockMap<>(g);
        List<Block> order = g.order();
        for (int i = 0; i < order.size(); i++) {
            Block b = order.get(i);
            if (!b.branch().hasSuccessors()) {     // nothing reads a return's facts: thousands of edges meet there
                in.set(i, Map.of());
                continue;
            }
            List<Block> preds = g.predsAt(i);
            Map<Integer, Set<Integer>> m = null;
            Block prev = null;
            for (Block p : preds) {
                if (p == prev) continue;    // both edges of one block: the union of its two edges' facts
                prev = p;
                Map<Integer, Set<Integer>> e = onEdges(p, b, in.get(p), st);
                m = m == null ? e : union(m, e);
            }
            in.set(i, m == null ? Map.of() : m);
        }
        return new PathFacts(in);
    }

    /** The facts on the edges from {@code p} to {@code b} (one or both of them). */
    private static Map<Integer, Set<Integer>> onEdges(Block p, Block b, Map<Integer, Set<Integer>> facts, States st) {
        if (!p.branch().isConditional()) return facts;
        Map<Integer, Set<Integer>> t = p.successor(Sense.TRUE) == b ? assume(facts, p, st, Sense.TRUE) : null;
        Map<Integer, Set<Integer>> f = p.successor(Sense.FALSE) == b ? assume(facts, p, st, Sense.FALSE) : null;
        return t == null ? f : f == null ? t : union(t, f);
    }

    /** {@code facts} narrowed by {@code p}'s comparison having gone {@code sense}. */
    static Map<Integer, Set<Integer>> assume(Map<Integer, Set<Integer>> facts, Block p, States st, Sense sense) {
        int[] s = st.exit().get(p);
        int v = s[Values.A];
        JmpOp op;
        int k;
        switch (p.branch()) {
            case Branch.CondK(var o, var c) -> { op = o; k = c; }
            case Branch.CondX(var o) -> {
                Integer x = st.values().constOf(s[Values.X]);
                if (x == null) return facts;
                op = o;
                k = x;
            }
            case Branch.Goto _, Branch.Return _, Branch.ReturnA _ -> { return facts; }
        }
        boolean taken = sense == Sense.TRUE;
        Set<Integer> old = facts.get(v);
        Set<Integer> now;
        if (old != null) {
            now = new TreeSet<>();
            for (int c : old) if (op.test(c, k) == taken) now.add(c);
        } else if (op == JmpOp.JEQ && taken) {
            now = Set.of(k);
        } else {
            return facts;
        }
        if (now.equals(old) || (old == null && facts.size() >= MAX_VALUES)) return facts;
        Map<Integer, Set<Integer>> out = new HashMap<>(facts);
        out.put(v, Set.copyOf(now));
        return out;
    }

    private static Map<Integer, Set<Integer>> union(Map<Integer, Set<Integer>> a, Map<Integer, Set<Integer>> b) {
        if (a == b) return a;
        Map<Integer, Set<Integer>> out = new HashMap<>();
        for (var e : a.entrySet()) {
            Set<Integer> o = b.get(e.getKey());
            if (o == null) continue;
            Set<Integer> u = new TreeSet<>(e.getValue());
            u.addAll(o);
            if (u.size() <= MAX_SET) out.put(e.getKey(), Set.copyOf(u));
        }
        return out;
    }

    /** The outcome of {@code b}'s comparison under {@code facts}, or null when they do not decide it. */
    static Boolean decide(Map<Integer, Set<Integer>> facts, Block b, States st) {
        int[] s = st.exit().get(b);
        JmpOp op;
        int k;
        switch (b.branch()) {
            case Branch.CondK(var o, var c) -> { op = o; k = c; }
            case Branch.CondX(var o) -> {
                Integer x = st.values().constOf(s[Values.X]);
                if (x == null) return null;
                op = o;
                k = x;
            }
            case Branch.Goto _, Branch.Return _, Branch.ReturnA _ -> { return null; }
        }
        Integer a = st.values().constOf(s[Values.A]);
        if (a != null) return op.test(a, k);
        Set<Integer> set = facts.isEmpty() ? null : facts.get(s[Values.A]);
        if (set == null || set.isEmpty()) return null;
        boolean first = op.test(set.iterator().next(), k);
        for (int c : set) if (op.test(c, k) != first) return null;
        return first;
    }

    Map<Integer, Set<Integer>> at(Block b) {
        Map<Integer, Set<Integer>> m = entry.get(b);
        return m == null ? Map.of() : m;
    }
}
