package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;

/**
 * Joins a block whose two edges lead to the same block C with C: when C has no other
 * predecessor, or when C is a return (duplicated: one instruction instead of a jump), or when the
 * block is the entry and has no statements (the entry can not be bypassed, so it becomes C). The
 * IR has no unconditional jump, so such a block would otherwise cost a {@code jeq} whose two
 * targets are equal. After libpcap's {@code optimize.c} {@code opt_j} handling of equal targets.
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet (the
 * statements run in the same order); no block's two edges lead to a single-predecessor block.
 */
final class MergeStraightBlocks implements Pass {
    @Override
    public String name() { return "merge-straight-blocks"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        boolean changed = false;
        java.util.Set<Block> absorbed = new java.util.HashSet<>();
        for (Block b : g.order()) {
            if (absorbed.contains(b)) continue;
            while (b.branch().isConditional() && b.successor(Sense.TRUE) == b.successor(Sense.FALSE)) {
                Block c = b.successor(Sense.TRUE);
                boolean only = g.predsOf(c).size() == 2 && !absorbed.contains(c);
                boolean entry = b == cfg.entry() && b.stmts().isEmpty();
                if (!only && !entry && c.branch().isConditional()) break;
                if (!only && !entry && !c.stmts().isEmpty()) break;
                if (only) absorbed.add(c);
                b.stmts().addAll(new ArrayList<>(c.stmts()));
                if (c.branch().isConditional()) {
                    b.setBranch(c.branch());
                    b.setSuccessor(Sense.TRUE, c.successor(Sense.TRUE));
                    b.setSuccessor(Sense.FALSE, c.successor(Sense.FALSE));
                } else {
                    b.setSuccessor(Sense.TRUE, null);
                    b.setSuccessor(Sense.FALSE, null);
                    b.setBranch(c.branch());
                }
                changed = true;
            }
        }
        return changed;
    }
}
