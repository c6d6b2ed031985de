package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;

/** A map from the blocks of one {@link Graph} to {@code int}s, an array indexed by block index. */
final class BlockInts {
    private final Graph g;
    private final int[] values;

    BlockInts(Graph g, int[] values) {
        this.g = g;
        this.values = values;
    }

    /** The value of {@code b}; throws when {@code b} is not in the graph. */
    int get(Block b) {
        int i = g.indexOf(b);
        if (i < 0) throw new IllegalArgumentException(b + " is not in the graph");
        return values[i];
    }

    int at(int i) {
        return values[i];
    }
}
