package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;

/** A map from the blocks of one {@link Graph} to values, an array indexed by block index. */
final class BlockMap<V> {
    private final Graph g;
    private final Object[] values;

    BlockMap(Graph g) {
        this.g = g;
        this.values = new Object[g.size()];
    }

    /** The value of {@code b}, or null when it has none or is not in the graph. */
    @SuppressWarnings("unchecked")
    V get(Block b) {
        int i = g.indexOf(b);
        return i < 0 ? null : (V) values[i];
    }

    @SuppressWarnings("unchecked")
    V at(int i) {
        return (V) values[i];
    }

    void put(Block b, V v) {
        values[g.indexOf(b)] = v;
    }

    void set(int i, V v) {
        values[i] = v;
    }
}
