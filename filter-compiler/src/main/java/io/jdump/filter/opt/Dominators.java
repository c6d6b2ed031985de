package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * The dominator tree of the blocks with successors (conditional and {@code Goto}), an immutable analysis result. Algorithm: Cooper,
 * Harvey and Kennedy, "A Simple, Fast Dominance Algorithm" (2001); on a DAG processed in
 * topological order one sweep suffices, since every predecessor is final before its successors.
 * Return blocks are left out: they have no successors, so nothing below them needs their facts,
 * and leaving them out keeps the cost linear when thousands of edges meet at {@code ret #0}.
 */
record Dominators(BlockMap<Block> idom, BlockMap<List<Block>> children) {

    /** The dominators of {@code g}, computed once per unchanged CFG ({@link Graph#memo}). */
    static Dominators of(Graph g) {
        return g.memo(Graph.DOMINATORS, Dominators::compute);
    }

    private static Dominators compute(Graph g) {
        int n = g.size();
        int[] idom = new int[n];    // by index; -1: none (a return block)
        java.util.Arrays.fill(idom, -1);
        idom[0] = 0;
        List<Block> order = g.order();
        for (int b = 1; b < n; b++) {
            if (!order.get(b).branch().hasSuccessors()) continue;
            int d = -1;
            for (Block p : g.predsAt(b)) d = d < 0 ? g.indexOf(p) : intersect(idom, d, g.indexOf(p));
            idom[b] = d;
        }
        BlockMap<Block> dom = new BlockMap<>(g);
        BlockMap<List<Block>> children = new BlockMap<>(g);
        dom.set(0, order.getFirst());
        for (int b = 1; b < n; b++) {
            if (idom[b] < 0) continue;
            dom.set(b, order.get(idom[b]));
            List<Block> c = children.at(idom[b]);
            if (c == null) children.set(idom[b], c = new ArrayList<>());
            c.add(order.get(b));
        }
        return new Dominators(dom, children);
    }

    /**
     * The nearest common dominator of {@code a} and {@code b} (indexes); after {@link #MAX_CLIMB} steps it
     * settles for the entry, which dominates everything: a true (if not immediate) dominator
     * keeps every use sound, only less precise, and bounds the cost on long merged chains.
     */
    private static int intersect(int[] idom, int a, int b) {
        int steps = 0;
        while (a != b) {
            while (a > b) {
                a = idom[a];
                if (++steps > MAX_CLIMB) return 0;
            }
            while (b > a) {
                b = idom[b];
                if (++steps > MAX_CLIMB) return 0;
            }
        }
        return a;
    }

    /** Dominator-tree steps one intersection may climb before settling for the entry. */
    static final int MAX_CLIMB = 512;

    List<Block> childrenOf(Block b) {
        List<Block> c = children.get(b);
        return c == null ? List.of() : c;
    }
}
