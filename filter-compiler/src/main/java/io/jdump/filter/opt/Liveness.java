package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Sense;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of A and X may be read before being written from each block's entry, an immutable
 * analysis result: backward dataflow over the DAG in reverse topological order (one sweep).
 */
record Liveness(Map<Block, Integer> liveIn) {
    static final int A = 1, X = 2;

    static Liveness of(Graph g) {
        Map<Block, Integer> in = new HashMap<>();
        List<Block> order = g.order();
        for (int i = order.size() - 1; i >= 0; i--) {
            Block b = order.get(i);
            int live = switch (b.branch()) {
                case Branch.CondK _ -> A | in.get(b.successor(Sense.TRUE)) | in.get(b.successor(Sense.FALSE));
                case Branch.CondX _ -> A | X | in.get(b.successor(Sense.TRUE)) | in.get(b.successor(Sense.FALSE));
                case Branch.ReturnA _ -> A;
                case Branch.Return _ -> 0;
            };
            for (int s = b.stmts().size() - 1; s >= 0; s--) live = transfer(b.stmts().get(s), live);
            in.put(b, live);
        }
        return new Liveness(in);
    }

    private static int transfer(Insn i, int live) {
        return switch (i) {
            case Insn.LoadAbs _ -> live & ~A;
            case Insn.LoadInd _ -> (live & ~A) | X;
            case Insn.LoadMsh _ -> live & ~X;
            case Insn.LoadImm(var r, var k) -> live & ~(r == io.jdump.bpf.Reg.A ? A : X);
            case Insn.LoadMem(var r, var s) -> live & ~(r == io.jdump.bpf.Reg.A ? A : X);
            case Insn.LoadLen(var r) -> live & ~(r == io.jdump.bpf.Reg.A ? A : X);
            case Insn.Store(var r, var s) -> live | (r == io.jdump.bpf.Reg.A ? A : X);
            case Insn.AluK _, Insn.Neg _ -> live | A;
            case Insn.AluX _ -> live | A | X;
            case Insn.Tax _ -> (live & ~X) | A;
            case Insn.Txa _ -> (live & ~A) | X;
            case Insn.Ja _, Insn.JmpK _, Insn.JmpX _, Insn.RetK _, Insn.RetA _ -> live;
        };
    }

    boolean reads(Block b, int atom) {
        return (liveIn.get(b) & atom) != 0;
    }
}
