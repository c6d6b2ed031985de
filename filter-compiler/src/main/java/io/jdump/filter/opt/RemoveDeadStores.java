package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Cfg;
import java.util.List;

/**
 * Removes statements whose results are never read and that can not end the program: constants,
 * scratch loads and stores, transfers, arithmetic other than division, and absolute packet loads
 * inside the length every path has already proven ({@link Lengths}) (after libpcap's
 * {@code optimize.c} {@code opt_deadstores}, but keeping the other packet loads and divisions,
 * whose faults are part of the verdict; libpcap drops them).
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet; no
 * fault-free statement writes only dead atoms.
 */
final class RemoveDeadStores implements Pass {
    @Override
    public String name() { return "remove-dead-stores"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        Liveness live = Liveness.of(g);
        Lengths lengths = Lengths.of(g);
        boolean changed = false;
        for (Block b : g.order()) {
            int l = Liveness.liveOut(b, live.liveIn());
            List<Insn> stmts = b.stmts();
            int[] proven = new int[stmts.size()];
            int len = lengths.entry().get(b);
            for (int i = 0; i < stmts.size(); i++) {
                proven[i] = len;
                len = Lengths.after(stmts.get(i), len);
            }
            for (int i = stmts.size() - 1; i >= 0; i--) {
                Insn s = stmts.get(i);
                if ((Liveness.defs(s) & l) == 0 && (!Values.canFault(s) || Lengths.safe(s, proven[i]))) {
                    stmts.remove(i);
                    changed = true;
                } else {
                    l = Liveness.transfer(s, l);
                }
            }
        }
        return changed;
    }
}
