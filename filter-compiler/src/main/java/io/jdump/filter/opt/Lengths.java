package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import java.util.List;

/**
 * How many captured bytes every path to a block has already proven to exist, an immutable
 * analysis result: an absolute load of bytes [k, k+n) that succeeded means the capture holds at
 * least k+n bytes, so a later absolute load inside that length can not fault. An indexed load
 * {@code [x + k]} of n bytes proves k+n at least (X is unsigned and the sum does not wrap). Forward dataflow over
 * the DAG in topological order; where paths meet, the least of their lengths.
 */
record Lengths(BlockInts entry, BlockInts exit) {

    /** The lengths of {@code g}, computed once per unchanged CFG ({@link Graph#memo}). */
    static Lengths of(Graph g) {
        return g.memo(Graph.LENGTHS, Lengths::compute);
    }

    private static Lengths compute(Graph g) {
        List<Block> order = g.order();
        int[] in = new int[order.size()];
        int[] out = new int[order.size()];
        for (int b = 0; b < order.size(); b++) {
            List<Block> preds = g.predsAt(b);
            int len = preds.isEmpty() ? 0 : Integer.MAX_VALUE;
            for (Block p : preds) len = Math.min(len, out[g.indexOf(p)]);
            in[b] = len;
            for (Insn i : order.get(b).stmts()) len = after(i, len);
            out[b] = len;
        }
        return new Lengths(new BlockInts(g, in), new BlockInts(g, out));
    }

    /** The proven length after {@code i} ran (and succeeded) with {@code len} proven before it. */
    static int after(Insn i, int len) {
        long end = i instanceof Insn.LoadInd(var size, var k) ? (k & 0xffffffffL) + size.bytes() : end(i);
        return end > len ? (int) Math.min(end, Integer.MAX_VALUE) : len;
    }

    /** Whether {@code i} is an absolute load that can not fault when {@code len} bytes are proven. */
    static boolean safe(Insn i, int len) {
        long end = end(i);
        return end > 0 && end <= len;
    }

    /** The end of the bytes an absolute load reads, or 0. */
    private static long end(Insn i) {
        return switch (i) {
            case Insn.LoadAbs(var size, var k) -> (k & 0xffffffffL) + size.bytes();
            case Insn.LoadMsh(var k) -> (k & 0xffffffffL) + 1;
            default -> 0;
        };
    }
}
