package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import java.util.List;

/**
 * Value-numbered machine states at each block's entry and exit, an immutable analysis result (the
 * maps are not changed after {@link #of}). Forward dataflow over the DAG in topological order: a
 * block's entry state is its single predecessor's exit state, or, where paths meet, the atoms all
 * predecessors agree on (others get an opaque number of their own).
 */
record States(Values values, BlockMap<int[]> entry, BlockMap<int[]> exit) {

    /** The states of {@code g}, computed once per unchanged CFG ({@link Graph#memo}); callers must not change the arrays. */
    static States of(Graph g) {
        return g.memo(Graph.STATES, States::compute);
    }

    private static States compute(Graph g) {
        Values v = new Values();
        BlockMap<int[]> in = new BlockMap<>(g);
        BlockMap<int[]> out = new BlockMap<>(g);
        List<Block> order = g.order();
        for (int i = 0; i < order.size(); i++) {
            Block b = order.get(i);
            int[] s = meet(v, b, g.predsAt(i), out);
            in.set(i, s);
            int[] e = Values.copy(s);
            for (Insn insn : b.stmts()) v.step(insn, e);
            out.set(i, e);
        }
        return new States(v, in, out);
    }

    private static int[] meet(Values v, Block b, List<Block> preds, BlockMap<int[]> out) {
        if (preds.isEmpty()) return v.entryState();
        int[] s = Values.copy(out.get(preds.getFirst()));
        for (int p = 1; p < preds.size(); p++) {
            int[] o = out.get(preds.get(p));
            for (int i = 0; i < Values.ATOMS; i++) {
                if (s[i] != o[i]) s[i] = v.opaque(b.id(), i);
            }
        }
        return s;
    }
}
