package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Cfg;
import java.util.List;

/**
 * Folds a constant index into indexed loads: {@code ld #c; add x; tax; ldb [x + k]}, with X holding
 * an offset w (a header length, {@code ldxb 4*([n]&0xf)}, or a sum of such), becomes {@code ldb
 * [x + c+k]}; the addition is left unread and {@code remove-dead-stores} drops it. This is {@code tcp[0xab]} and the like: the code
 * generator adds the index to the header length at run time. libpcap's optimizer folds the same.
 *
 * <p>Exact: loads add X and k without wrapping around 2^32, so the rewrite requires that neither
 * {@code w + c} nor {@code c + k} wraps, w bounded from its value number ({@link
 * Values#upperBound}: a byte load is at most 255, a header length 60, a sum the sum of bounds). The {@code tax}
 * is removed only when every reader of the new X up to its next write, in the same block, is an
 * indexed load and X is not live out of the block, and when X is read or written earlier in the
 * block (so whether X is live into the block does not change, and one liveness serves the run).
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet; no
 * {@code tax} of a header length plus a constant feeds only indexed loads.
 */
final class FoldIndex implements Pass {
    @Override
    public String name() { return "fold-index"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        States st = States.of(g);
        Liveness live = Liveness.of(g);
        Values v = st.values();
        boolean changed = false;
        for (Block b : g.order()) {
            int[] s = Values.copy(st.entry().get(b));
            List<Insn> stmts = b.stmts();
            for (int i = 0; i < stmts.size(); i++) {
                if (stmts.get(i) instanceof Insn.Tax) {
                    int[] wc = v.plusConstant(s[Values.A]);
                    if (wc != null && wc[0] == s[Values.X] && v.upperBound(wc[0]) + (wc[1] & 0xffffffffL) <= 0xffffffffL
                            && fold(b, i, wc[1], live)) {
                        changed = true;
                        i--;
                        continue;
                    }
                }
                v.step(stmts.get(i), s);
            }
        }
        return changed;
    }

    /** Removes the {@code tax} at {@code at} and adds {@code c} to the indexed loads that read it, if that is all that reads it. */
    private static boolean fold(Block b, int at, int c, Liveness live) {
        List<Insn> stmts = b.stmts();
        if (stmts.subList(0, at).stream().noneMatch(s -> ((Liveness.uses(s) | Liveness.defs(s)) & Liveness.X) != 0)) return false;
        int end = stmts.size();
        for (int j = at + 1; j < stmts.size(); j++) {
            Insn s = stmts.get(j);
            if ((Liveness.uses(s) & Liveness.X) != 0) {
                if (!(s instanceof Insn.LoadInd(var size, var k)) || (k & 0xffffffffL) + (c & 0xffffffffL) > 0xffffffffL) return false;
            }
            if ((Liveness.defs(s) & Liveness.X) != 0) {
                end = j;
                break;
            }
        }
        if (end == stmts.size() && (Liveness.liveOut(b, live.liveIn()) & Liveness.X) != 0) return false;
        for (int j = at + 1; j < end; j++) {
            if (stmts.get(j) instanceof Insn.LoadInd(var size, var k)) stmts.set(j, new Insn.LoadInd(size, k + c));
        }
        stmts.remove(at);
        return true;
    }
}
