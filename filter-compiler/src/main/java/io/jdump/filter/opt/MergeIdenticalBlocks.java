package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges blocks with equal statements, equal branch and (already merged) equal successors, by
 * hash-consing bottom-up (successors first, i.e. reverse topological order). After libpcap's
 * {@code optimize.c} {@code intern_blocks}, written as one linear sweep instead of its quadratic
 * pairwise comparison: a block's key contains its successors' representatives, so identical
 * subgraphs collapse in one run.
 *
 * <p>Small returns are merged only in a program too small for any jump to go further than a
 * conditional jump can reach ({@link #NEAR} instructions): there sharing is free. In a larger
 * program a nearby copy of {@code ret} costs one instruction and a far shared one a {@code ja} per
 * jump, so they are left apart (set lookups place copies beside their leaves); they count as
 * equal in their predecessors' keys either way.
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet (merged
 * blocks compute the same thing and continue to the same place); no two reachable blocks have
 * equal keys, except possibly the entry and another block.
 */
final class MergeIdenticalBlocks implements Pass {
    /** Return blocks with at most this many statements are left unmerged (see the class comment). */
    static final int SMALL_RETURN = 2;
    /** Emitted size (statements plus one per block, an upper bound) below which every jump is near. */
    static final int NEAR = 256;

    private record Key(List<Insn> stmts, Branch branch, int ifTrue, int ifFalse) {}

    @Override
    public String name() { return "merge-identical-blocks"; }

    @Override
    public boolean run(Cfg cfg) {
        List<Block> order = cfg.order();
        Map<Key, Block> reps = new HashMap<>();
        Map<Block, Block> rep = new HashMap<>();
        Map<Block, Integer> canon = new HashMap<>();
        int size = 0;
        for (Block b : order) size += b.stmts().size() + 1;
        boolean near = size < NEAR;
        boolean changed = false;
        for (Block b : order.reversed()) {
            if (b.branch().hasSuccessors()) {
                for (Sense s : b.branch().isConditional() ? Sense.values() : new Sense[] {Sense.TRUE}) {
                    Block r = rep.get(b.successor(s));
                    if (r != b.successor(s)) {
                        b.setSuccessor(s, r);
                        changed = true;
                    }
                }
            }
            Key k = new Key(List.copyOf(b.stmts()), b.branch(), id(b, Sense.TRUE, canon), id(b, Sense.FALSE, canon));
            Block r = reps.computeIfAbsent(k, x -> b);
            canon.put(b, r.id());
            boolean bareReturn = !b.branch().isConditional() && b.stmts().size() <= SMALL_RETURN;
            rep.put(b, b == cfg.entry() || (bareReturn && !near) ? b : r);
        }
        return changed;
    }

    private static int id(Block b, Sense s, Map<Block, Integer> canon) {
        boolean has = s == Sense.TRUE ? b.branch().hasSuccessors() : b.branch().isConditional();
        return has ? canon.get(b.successor(s)) : -1;
    }
}
