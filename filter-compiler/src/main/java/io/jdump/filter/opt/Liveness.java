package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Reg;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Sense;
import java.util.List;

/**
 * Which atoms (A, X, M[0..15], as bits of an {@code int}) may be read before being written from
 * each block's entry, an immutable analysis result: backward dataflow over the DAG in reverse
 * topological order, one sweep (after libpcap's {@code optimize.c} use-def sets, per atom).
 */
record Liveness(BlockInts liveIn) {
    static final int A = 1, X = 2;

    static int mem(int slot) {
        return 4 << slot;
    }

    /** The liveness of {@code g}, computed once per unchanged CFG ({@link Graph#memo}). */
    static Liveness of(Graph g) {
        return g.memo(Graph.LIVENESS, Liveness::compute);
    }

    private static Liveness compute(Graph g) {
        List<Block> order = g.order();
        int[] live = new int[order.size()];
        BlockInts in = new BlockInts(g, live);
        for (int i = order.size() - 1; i >= 0; i--) {
            Block b = order.get(i);
            int l = liveOut(b, in);
            for (int s = b.stmts().size() - 1; s >= 0; s--) l = transfer(b.stmts().get(s), l);
            live[i] = l;
        }
        return new Liveness(in);
    }

    /** What {@code b}'s branch and successors read. */
    static int liveOut(Block b, BlockInts in) {
        return switch (b.branch()) {
            case Branch.CondK _ -> A | in.get(b.successor(Sense.TRUE)) | in.get(b.successor(Sense.FALSE));
            case Branch.CondX _ -> A | X | in.get(b.successor(Sense.TRUE)) | in.get(b.successor(Sense.FALSE));
            case Branch.ReturnA _ -> A;
            case Branch.Goto _ -> in.get(b.successor(Sense.TRUE));
            case Branch.Return _ -> 0;
        };
    }

    /** The atoms {@code i} writes. */
    static int defs(Insn i) {
        return switch (i) {
            case Insn.LoadAbs _, Insn.LoadInd _, Insn.AluK _, Insn.AluX _, Insn.Neg _, Insn.Txa _ -> A;
            case Insn.LoadMsh _, Insn.Tax _ -> X;
            case Insn.LoadImm(var r, var k) -> reg(r);
            case Insn.LoadMem(var r, var s) -> reg(r);
            case Insn.LoadLen(var r) -> reg(r);
            case Insn.Store(var r, var s) -> mem(s);
            case Insn.Ja _, Insn.JmpK _, Insn.JmpX _, Insn.RetK _, Insn.RetA _ -> 0;
        };
    }

    /** The atoms {@code i} reads. */
    static int uses(Insn i) {
        return switch (i) {
            case Insn.LoadInd _ -> X;
            case Insn.LoadMem(var r, var s) -> mem(s);
            case Insn.Store(var r, var s) -> reg(r);
            case Insn.AluK _, Insn.Neg _, Insn.Tax _ -> A;
            case Insn.AluX _ -> A | X;
            case Insn.Txa _ -> X;
            default -> 0;
        };
    }

    static int transfer(Insn i, int live) {
        return (live & ~defs(i)) | uses(i);
    }

    private static int reg(Reg r) {
        return r == Reg.A ? A : X;
    }

    boolean reads(Block b, int atoms) {
        return (liveIn.get(b) & atoms) != 0;
    }
}
