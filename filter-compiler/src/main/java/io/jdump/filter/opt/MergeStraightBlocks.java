package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * Straightens blocks with one way out. A block B whose two edges lead to the same block C, or
 * that ends in a {@code Goto} C:
 * <ul>
 *   <li>absorbs C when C has no other predecessor (or B is the entry and has no statements: the
 *       entry can not be bypassed, so it becomes C);
 *   <li>else copies C when C is a return without statements (one instruction, never more than
 *       the jump it replaces);
 *   <li>else, when B is conditional, becomes a {@code Goto} C: a conditional jump with equal
 *       targets costs one instruction, a {@code Goto} none when the linearizer places C next.
 * </ul>
 * After libpcap's {@code optimize.c} {@code opt_j} handling of equal targets.
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet (the
 * statements run in the same order and continue to the same place); no conditional block has
 * equal edges, and no block's only way out leads to a block with no other predecessor.
 */
final class MergeStraightBlocks implements Pass {
    @Override
    public String name() { return "merge-straight-blocks"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        boolean changed = false;
        Set<Block> absorbed = new HashSet<>();
        for (Block b : g.order()) {
            if (absorbed.contains(b)) continue;
            Block c;
            while ((c = onlyWayOut(b)) != null) {
                int edges = b.branch().isConditional() ? 2 : 1;
                boolean only = g.predsOf(c).size() == edges && !absorbed.contains(c) && c != b;
                boolean entry = b == cfg.entry() && b.stmts().isEmpty() && b.branch().isConditional();
                boolean bareReturn = !c.branch().hasSuccessors() && c.stmts().isEmpty();
                if (only || entry || bareReturn) {
                    if (only) absorbed.add(c);
                    become(b, c);
                } else if (b.branch().isConditional()) {
                    b.setSuccessor(Sense.FALSE, null);
                    b.setBranch(new Branch.Goto());
                    b.setSuccessor(Sense.TRUE, c);
                    changed = true;
                    break;
                } else {
                    break;
                }
                changed = true;
            }
        }
        return changed;
    }

    /** The block {@code b} continues to whichever way it goes, or null. */
    private static Block onlyWayOut(Block b) {
        if (b.branch() instanceof Branch.Goto) return b.successor(Sense.TRUE);
        if (b.branch().isConditional() && b.successor(Sense.TRUE) == b.successor(Sense.FALSE)) return b.successor(Sense.TRUE);
        return null;
    }

    /** Appends {@code c}'s statements to {@code b}, which takes {@code c}'s ending and successors. */
    static void become(Block b, Block c) {
        b.stmts().addAll(new ArrayList<>(c.stmts()));
        Block t = c.branch().hasSuccessors() ? c.successor(Sense.TRUE) : null;
        Block f = c.branch().isConditional() ? c.successor(Sense.FALSE) : null;
        if (b.branch().hasSuccessors()) b.setSuccessor(Sense.TRUE, null);
        if (b.branch().isConditional()) b.setSuccessor(Sense.FALSE, null);
        b.setBranch(c.branch());
        if (t != null) b.setSuccessor(Sense.TRUE, t);
        if (f != null) b.setSuccessor(Sense.FALSE, f);
    }
}
