package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An immutable snapshot of the CFG's shape: the reachable blocks in topological order
 * ({@link Cfg#order()}), each block's index in it, and its predecessors (in that order, one entry
 * per edge: a conditional block whose two edges meet counts twice, a {@code Goto} once). Passes
 * that change structure compute a new one.
 *
 * <p>Blocks are numbered by their index ({@link Block#setMark}), so that the analyses keep their
 * results in arrays ({@link BlockMap}, {@link BlockInts}) instead of hash maps. While no block
 * changes ({@link Block#version()}), {@link #of} returns the same snapshot and each analysis of it
 * is computed once ({@link #memo}): passes that change nothing share them, which is most passes of
 * most rounds.
 */
final class Graph {
    /** Slots of {@link #memo}, one per analysis. */
    static final int STATES = 0, LIVENESS = 1, DOMINATORS = 2, LENGTHS = 3, PATH_FACTS = 4;

    /** The snapshot {@link #of} returned last on this thread, reused while its CFG is unchanged. */
    private static final ThreadLocal<Graph> LAST = new ThreadLocal<>();

    private final Block entry;
    private final long version;
    private final List<Block> order;
    private final List<Block>[] preds;
    private final Object[] memo = new Object[5];
    private Map<Block, Integer> overwritten;    // indexes, once another snapshot re-marked the blocks
    private final BlockInts index;

    @SuppressWarnings("unchecked")
    private Graph(Cfg cfg) {
        entry = cfg.entry();
        version = Block.version();
        order = List.copyOf(cfg.order());
        preds = new List[order.size()];
        for (int i = 0; i < order.size(); i++) {
            order.get(i).setMark(this, i);
            preds[i] = new ArrayList<>(2);
        }
        for (Block b : order) {
            if (b.branch().hasSuccessors()) preds[indexOf(b.successor(Sense.TRUE))].add(b);
            if (b.branch().isConditional()) preds[indexOf(b.successor(Sense.FALSE))].add(b);
        }
        int[] ix = new int[order.size()];
        for (int i = 0; i < ix.length; i++) ix[i] = i;
        index = new BlockInts(this, ix);
    }

    static Graph of(Cfg cfg) {
        Graph last = LAST.get();
        if (last != null && last.entry == cfg.entry() && last.version == Block.version()) return last;
        Graph g = new Graph(cfg);
        LAST.set(g);
        return g;
    }

    /** Drops the snapshot kept for reuse (at the end of an optimizer run, so that it does not keep the CFG alive). */
    static void forget() {
        LAST.remove();
    }

    List<Block> order() {
        return order;
    }

    /** Each block's index in {@link #order()}. */
    BlockInts index() {
        return index;
    }

    /** The index of {@code b} in {@link #order()}, or -1 when {@code b} is not in this snapshot. */
    int indexOf(Block b) {
        int i = b.mark(this, -1);
        if (i >= 0) return i;
        if (overwritten == null) {
            overwritten = new IdentityHashMap<>();
            for (int j = 0; j < order.size(); j++) overwritten.put(order.get(j), j);
        }
        return overwritten.getOrDefault(b, -1);
    }

    int size() {
        return order.size();
    }

    List<Block> predsOf(Block b) {
        return preds[indexOf(b)];
    }

    /** The predecessors of the block at index {@code i}. */
    List<Block> predsAt(int i) {
        return preds[i];
    }

    /** The next free block id (one more than the largest reachable id). */
    int nextId() {
        int m = 0;
        for (Block b : order) m = Math.max(m, b.id() + 1);
        return m;
    }

    /**
     * The analysis in {@code slot}, computed by {@code f} once while the CFG is unchanged since this
     * snapshot was taken; after a change, computed afresh each time (on the changed blocks, in this order).
     */
    /** The analysis in {@code slot} if it was computed and the CFG is unchanged, else null. */
    Object peek(int slot) {
        return Block.version() == version ? memo[slot] : null;
    }

    @SuppressWarnings("unchecked")
    <T> T memo(int slot, Function<Graph, T> f) {
        if (Block.version() != version) return f.apply(this);
        if (memo[slot] == null) memo[slot] = f.apply(this);
        return (T) memo[slot];
    }
}
