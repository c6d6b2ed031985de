package io.jdump.filter.opt;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Size;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Peephole: a masked equality test whose mask keeps one or two whole bytes loads just those bytes.
 * {@code ld [26]; and #0xffff0000; jeq #0x0aa80000} ({@code net 10.168.0.0/16}) becomes {@code
 * ldh [26]; jeq #0x0aa8}, {@code ld [k]; and #0xff000000; jeq #c} becomes {@code ldb [k]; jeq
 * #c>>>24}, and likewise for the other whole-byte masks of a word or halfword; one instruction
 * less each ({@code not net 10.168.0.0/16} on EN10MB: 18 → 14). Applies when the constant has no
 * bits outside the mask and nothing after the block reads A. Our own rule; libpcap keeps the mask.
 *
 * <p>Faults: the narrower load reads a part of the wider one's bytes, so it never faults where the
 * wider one did not, but on a capture that ends inside the wider load's bytes it succeeds where the
 * wider one ended the program with 0. So the rewrite is made only where that can not change a
 * verdict: every path already proved the wider load's bytes ({@link Lengths}), or every way on from
 * the test, whichever way it goes, returns 0 or runs a load that reaches at least as far, and so
 * faults on those captures too (a backward "must reach" analysis over the DAG; an indexed load
 * {@code [x + k]} of n bytes reaches at least k + n, as in {@code Lengths}). In {@code not net
 * 10.168.0.0/16} the source test either rejects or goes on to load the destination word, 4 bytes
 * further. The candidates are narrowed all at once and then checked on the narrowed program,
 * where loads reach least, so undoing the ones that fail keeps the others sound. Only absolute loads below {@link MergeIndexedTails#MAX_OFFSET} are narrowed (no Linux
 * ancillary loads).
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet; no block
 * ends in such a narrowable {@code ld; and; jeq} with A dead after it and the fault rule met.
 */
final class NarrowMaskedLoads implements Pass {
    @Override
    public String name() { return "narrow-masked-loads"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        Liveness live = null;
        record Candidate(Block block, Insn load, Insn and, Branch branch, long end) {}
        List<Candidate> all = new ArrayList<>();
        for (Block b : g.order()) {
            List<Insn> s = b.stmts();
            int n = s.size();
            if (n < 2 || !(b.branch() instanceof Branch.CondK(var op, var c)) || op != JmpOp.JEQ) continue;
            if (!(s.get(n - 2) instanceof Insn.LoadAbs(var size, var k)) || !(s.get(n - 1) instanceof Insn.AluK(var alu, var m)) || alu != AluOp.AND) continue;
            if (k < 0 || k >= MergeIndexedTails.MAX_OFFSET || (c & ~m) != 0) continue;
            Insn narrow = narrowed(size, k, m);
            if (narrow == null) continue;
            if (live == null) live = Liveness.of(g);
            if (live.reads(b.successor(Sense.TRUE), Liveness.A) || live.reads(b.successor(Sense.FALSE), Liveness.A)) continue;
            all.add(new Candidate(b, s.get(n - 2), s.get(n - 1), b.branch(), (long) k + size.bytes()));
            int shift = Integer.numberOfTrailingZeros(m) & ~7;
            s.set(n - 2, narrow);
            s.removeLast();
            b.setBranch(new Branch.CondK(JmpOp.JEQ, c >>> shift));
        }
        if (all.isEmpty()) return false;
        // Every candidate is narrowed now, so the lengths and reaches below are the least any
        // subset of them leaves; a candidate that passes here passes whichever others are undone.
        Map<Block, Long> reach = reach(g);
        Lengths lengths = Lengths.of(g);
        boolean changed = false;
        for (Candidate c : all) {
            Block b = c.block();
            List<Insn> s = b.stmts();
            int proven = lengths.entry().get(b);
            for (Insn i : s.subList(0, s.size() - 1)) proven = Lengths.after(i, proven);
            if (proven >= c.end() || Math.min(reach.get(b.successor(Sense.TRUE)), reach.get(b.successor(Sense.FALSE))) >= c.end()) {
                changed = true;
                continue;
            }
            s.set(s.size() - 1, c.load());
            s.add(c.and());
            b.setBranch(c.branch());
        }
        return changed;
    }

    /** The load of just the bytes {@code m} keeps of {@code size} bytes at {@code k}, when they are one or two whole bytes; else null. */
    static Insn narrowed(Size size, int k, int m) {
        int bits = 8 * size.bytes();
        if (m == 0 || bits < 32 && (m >>> bits) != 0) return null;
        int low = Integer.numberOfTrailingZeros(m) & ~7;
        int high = 32 - (Integer.numberOfLeadingZeros(m) & ~7);
        int width = high - low;
        if (width > 16 || width == bits) return null;
        long full = (1L << width) - 1;
        if (((m >>> low) & 0xffffffffL) != full) return null;
        int first = (bits - high) / 8;
        return new Insn.LoadAbs(width == 8 ? Size.B : Size.H, k + first);
    }

    /**
     * For each block: how far into the capture every way on from its entry is sure to load before
     * it returns anything but 0 (Long.MAX_VALUE when it always returns 0, 0 when it may return
     * otherwise without loading). A capture shorter than that gets 0 from the block.
     */
    static Map<Block, Long> reach(Graph g) {
        Map<Block, Long> out = new HashMap<>();
        List<Block> order = g.order();
        for (int i = order.size() - 1; i >= 0; i--) {
            Block b = order.get(i);
            long r = switch (b.branch()) {
                case Branch.Return(var k) -> k == 0 ? Long.MAX_VALUE : 0;
                case Branch.ReturnA _ -> 0;
                case Branch.Goto _ -> out.get(b.successor(Sense.TRUE));
                case Branch.CondK _, Branch.CondX _ -> Math.min(out.get(b.successor(Sense.TRUE)), out.get(b.successor(Sense.FALSE)));
            };
            for (Insn s : b.stmts()) r = Math.max(r, end(s));
            out.put(b, r);
        }
        return out;
    }

    /** How far into the capture {@code s} must reach to succeed (0 for a non-load). */
    private static long end(Insn s) {
        return switch (s) {
            case Insn.LoadAbs(var size, var k) -> k >= 0 && k < MergeIndexedTails.MAX_OFFSET ? (long) k + size.bytes() : 0;
            case Insn.LoadInd(var size, var k) -> k >= 0 && k < MergeIndexedTails.MAX_OFFSET ? (long) k + size.bytes() : 0;
            case Insn.LoadMsh(var k) -> k >= 0 && k < MergeIndexedTails.MAX_OFFSET ? (long) k + 1 : 0;
            default -> 0;
        };
    }
}
