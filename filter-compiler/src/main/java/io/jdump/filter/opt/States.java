package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Value-numbered machine states at each block's entry and exit, an immutable analysis result (the
 * maps are not changed after {@link #of}). Forward dataflow over the DAG in topological order: a
 * block's entry state is its single predecessor's exit state, or, where paths meet, the atoms all
 * predecessors agree on (others get an opaque number of their own).
 */
record States(Values values, Map<Block, int[]> entry, Map<Block, int[]> exit) {

    static States of(Graph g) {
        Values v = new Values();
        Map<Block, int[]> in = new HashMap<>();
        Map<Block, int[]> out = new HashMap<>();
        for (Block b : g.order()) {
            int[] s = meet(v, b, g.predsOf(b), out);
            in.put(b, s);
            int[] e = Values.copy(s);
            for (Insn i : b.stmts()) v.step(i, e);
            out.put(b, e);
        }
        return new States(v, in, out);
    }

    private static int[] meet(Values v, Block b, List<Block> preds, Map<Block, int[]> out) {
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
