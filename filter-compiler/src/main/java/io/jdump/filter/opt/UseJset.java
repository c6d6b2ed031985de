package io.jdump.filter.opt;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;

/**
 * Peephole: {@code and #m; jeq #0} becomes {@code jset #m} with the edges swapped, when nothing
 * after the block reads the masked A (libpcap's {@code opt_peep} does the same). One instruction
 * less per masked zero test ({@code tcp[13] & 2 == 0}, {@code link[0:4] & 0xff00 == 0}).
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet; no block
 * ends in {@code and #m; jeq #0} with A dead after it.
 */
final class UseJset implements Pass {
    @Override
    public String name() { return "use-jset"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        Liveness live = Liveness.of(g);
        boolean changed = false;
        for (Block b : g.order()) {
            if (!(b.branch() instanceof Branch.CondK(var op, var k)) || op != JmpOp.JEQ || k != 0 || b.stmts().isEmpty()) continue;
            if (!(b.stmts().getLast() instanceof Insn.AluK(var alu, var m)) || alu != AluOp.AND) continue;
            Block t = b.successor(Sense.TRUE), f = b.successor(Sense.FALSE);
            if (live.reads(t, Liveness.A) || live.reads(f, Liveness.A)) continue;
            b.stmts().removeLast();
            b.setBranch(new Branch.CondK(JmpOp.JSET, m));
            b.setSuccessor(Sense.TRUE, f);
            b.setSuccessor(Sense.FALSE, t);
            changed = true;
        }
        return changed;
    }
}
