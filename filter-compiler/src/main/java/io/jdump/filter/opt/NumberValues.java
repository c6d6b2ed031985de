package io.jdump.filter.opt;

import io.jdump.filter.ir.CfgChecker;
import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Cfg;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes statements whose result is already in place: a load into A when A already holds that
 * value on every path, a store of a value the slot already holds, a transfer between equal
 * registers. After libpcap's {@code optimize.c} value numbering ({@code opt_stmt} turning a
 * recomputation into a NOP), written as a forward dataflow over {@link States}.
 *
 * <p>Why it is exact, faults included: a register can only hold a load's value number if that
 * load ran (and succeeded) on every path to here, so dropping the repeat cannot drop a fault.
 *
 * <p>Preconditions: CFG invariants ({@link CfgChecker}). Postconditions: the same verdict for
 * every packet; no statement re-establishes a value its destination already holds.
 */
final class NumberValues implements Pass {
    @Override
    public String name() { return "number-values"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        States st = States.of(g);
        boolean changed = false;
        for (Block b : g.order()) {
            int[] s = Values.copy(st.entry().get(b));
            List<Insn> kept = new ArrayList<>(b.stmts().size());
            for (Insn i : b.stmts()) {
                int[] before = Values.copy(s);
                st.values().step(i, s);
                if (java.util.Arrays.equals(before, s) && !trapsOnConstant(i, st.values(), before)) continue;
                kept.add(i);
            }
            if (kept.size() != b.stmts().size()) {
                b.stmts().clear();
                b.stmts().addAll(kept);
                changed = true;
            }
        }
        return changed;
    }

    /** A division whose result is already known still ends the program when the divisor is zero; keep it unless proven nonzero. */
    private static boolean trapsOnConstant(Insn i, Values v, int[] s) {
        if (!Values.canFault(i) || i instanceof Insn.LoadAbs || i instanceof Insn.LoadInd || i instanceof Insn.LoadMsh) return false;
        if (i instanceof Insn.AluX) {
            Integer x = v.constOf(s[Values.X]);
            return x == null || x == 0;
        }
        return true;
    }
}
