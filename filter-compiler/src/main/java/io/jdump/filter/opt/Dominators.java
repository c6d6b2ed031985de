package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dominator tree of the blocks with successors (conditional and {@code Goto}), an immutable analysis result. Algorithm: Cooper,
 * Harvey and Kennedy, "A Simple, Fast Dominance Algorithm" (2001); on a DAG processed in
 * topological order one sweep suffices, since every predecessor is final before its successors.
 * Return blocks are left out: they have no successors, so nothing below them needs their facts,
 * and leaving them out keeps the cost linear when thousands of edges meet at {@code ret #0}.
 */
record Dominators(Map<Block, Block> idom, Map<Block, List<Block>> children) {

    static Dominators of(Graph g) {
        Map<Block, Block> idom = new HashMap<>();
        Block entry = g.order().getFirst();
        idom.put(entry, entry);
        for (Block b : g.order()) {
            if (b == entry || !b.branch().hasSuccessors()) continue;
            Block d = null;
            for (Block p : g.predsOf(b)) d = d == null ? p : intersect(g, idom, d, p);
            idom.put(b, d);
        }
        Map<Block, List<Block>> children = new HashMap<>();
        for (Block b : g.order()) {
            if (b == entry || !idom.containsKey(b)) continue;
            children.computeIfAbsent(idom.get(b), k -> new ArrayList<>()).add(b);
        }
        return new Dominators(idom, children);
    }

    /**
     * The nearest common dominator of {@code a} and {@code b}; after {@link #MAX_CLIMB} steps it
     * settles for the entry, which dominates everything: a true (if not immediate) dominator
     * keeps every use sound, only less precise, and bounds the cost on long merged chains.
     */
    private static Block intersect(Graph g, Map<Block, Block> idom, Block a, Block b) {
        int steps = 0;
        while (a != b) {
            while (g.index().get(a) > g.index().get(b)) {
                a = idom.get(a);
                if (++steps > MAX_CLIMB) return g.order().getFirst();
            }
            while (g.index().get(b) > g.index().get(a)) {
                b = idom.get(b);
                if (++steps > MAX_CLIMB) return g.order().getFirst();
            }
        }
        return a;
    }

    /** Dominator-tree steps one intersection may climb before settling for the entry. */
    static final int MAX_CLIMB = 512;

    List<Block> childrenOf(Block b) {
        return children.getOrDefault(b, List.of());
    }
}
