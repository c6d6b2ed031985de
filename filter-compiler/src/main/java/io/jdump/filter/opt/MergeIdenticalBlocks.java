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

    /** A block's identity for merging: statements, branch, and its successors' representatives' ids (-1: none). */
    private record Key(List<Insn> stmts, Branch branch, int ifTrue, int ifFalse) {
        @Override
        public int hashCode() {    // by hand: a record's generated hashCode is slow before the JIT has compiled it
            return (stmts.hashCode() * 31 + branch.hashCode()) * 961 + ifTrue * 31 + ifFalse;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && ifTrue == k.ifTrue && ifFalse == k.ifFalse && branch.equals(k.branch) && stmts.equals(k.stmts);
        }
    }

    @Override
    public String name() { return "merge-identical-blocks"; }

    /**
     * Waits for threading, as {@link BuildSetLookups} does: the runs of bare {@code jeq} that end
     * the IPv4 and the IPv6 chains of a port list are identical, and merged before the lookups are
     * built they would join the two chains in the middle, which then stay linear.
     */
    @Override
    public boolean waitsFor(Pass earlier) { return BuildSetLookups.joinsChains(earlier); }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);    // blocks by index instead of hashed
        List<Block> order = g.order();
        int n = order.size();
        Map<Key, Block> reps = new HashMap<>(2 * n);
        Block[] rep = new Block[n];
        int[] canon = new int[n];
        int size = 0;
        for (Block b : order) size += b.stmts().size() + 1;
        boolean near = size < NEAR;
        boolean changed = false;
        for (int i = n - 1; i >= 0; i--) {
            Block b = order.get(i);
            if (b.branch().hasSuccessors()) {
                for (Sense s : b.branch().isConditional() ? Sense.values() : new Sense[] {Sense.TRUE}) {
                    Block r = rep[g.indexOf(b.successor(s))];
                    if (r != b.successor(s)) {
                        b.setSuccessor(s, r);
                        changed = true;
                    }
                }
            }
            Key k = new Key(List.copyOf(b.stmts()), b.branch(), id(b, Sense.TRUE, g, canon), id(b, Sense.FALSE, g, canon));
            Block r = reps.putIfAbsent(k, b);
            if (r == null) r = b;
            canon[i] = r.id();
            boolean bareReturn = !b.branch().isConditional() && b.stmts().size() <= SMALL_RETURN;
            rep[i] = b == cfg.entry() || (bareReturn && !near) ? b : r;
        }
        return changed;
    }

    private static int id(Block b, Sense s, Graph g, int[] canon) {
        boolean has = s == Sense.TRUE ? b.branch().hasSuccessors() : b.branch().isConditional();
        return has ? canon[g.indexOf(b.successor(s))] : -1;
    }
}
