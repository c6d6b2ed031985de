package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the CFG's shape, computed once per pass run: the reachable blocks in
 * topological order ({@link Cfg#order()}), each block's index in it, and its predecessors (in
 * that order, one entry per edge: a conditional block whose two edges meet counts twice, a
 * {@code Goto} once). Passes that change structure compute a new one.
 */
record Graph(List<Block> order, Map<Block, Integer> index, Map<Block, List<Block>> preds) {

    static Graph of(Cfg cfg) {
        List<Block> order = cfg.order();
        Map<Block, Integer> index = new HashMap<>();
        Map<Block, List<Block>> preds = new HashMap<>();
        for (Block b : order) {
            index.put(b, index.size());
            preds.put(b, new ArrayList<>(2));
        }
        for (Block b : order) {
            if (b.branch().hasSuccessors()) preds.get(b.successor(Sense.TRUE)).add(b);
            if (b.branch().isConditional()) preds.get(b.successor(Sense.FALSE)).add(b);
        }
        return new Graph(List.copyOf(order), index, preds);
    }

    List<Block> predsOf(Block b) {
        return preds.get(b);
    }

    /** The next free block id (one more than the largest reachable id). */
    int nextId() {
        int m = 0;
        for (Block b : order) m = Math.max(m, b.id() + 1);
        return m;
    }
}
