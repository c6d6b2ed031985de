package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Cfg;
import java.util.List;

/**
 * Removes a run of statements that recomputes the value A already holds: {@code ldb [0]; and
 * #0xf0} on the way from RAW's IPv4 version test to its IPv6 one, where A is still {@code [0] &
 * 0xf0} ({@code udp} on RAW: 15 → 13 instructions). {@code number-values} drops single statements
 * that change nothing; here every statement of the run changes A, but the run as a whole leaves it
 * as it was. libpcap does not do this.
 *
 * <p>Why it is exact: the run writes only A (absolute loads, {@code ld #k}, arithmetic with a
 * constant other than a division), so removing it changes no other atom, and the value numbers
 * ({@link States}) say A ends equal to what it started with on every path. Its packet loads are
 * inside the length every path has already proven ({@link Lengths}), so none of them can fault,
 * and the run can not end the program either.
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet; no run of
 * at most {@link #LONGEST} such statements restores the A it found.
 */
final class RemoveRecomputedRuns implements Pass {
    /** Longest run looked at. */
    static final int LONGEST = 8;

    @Override
    public String name() { return "remove-recomputed-runs"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        States st = null;
        Lengths lengths = null;
        boolean changed = false;
        for (Block b : g.order()) {
            List<Insn> stmts = b.stmts();
            if (stmts.size() < 2) continue;
            if (st == null) {
                st = States.of(g);
                lengths = Lengths.of(g);
            }
            int[] s = Values.copy(st.entry().get(b));
            int len = lengths.entry().get(b);
            for (int i = 0; i < stmts.size(); i++) {
                int end = runEnd(stmts, i, s, len, st.values());
                if (end > i) {
                    stmts.subList(i, end).clear();
                    changed = true;
                }
                if (i < stmts.size()) {
                    st.values().step(stmts.get(i), s);
                    len = Lengths.after(stmts.get(i), len);
                }
            }
        }
        return changed;
    }

    /** The end (exclusive) of a run from {@code i} that restores A (the shortest), or {@code i} if none. */
    private static int runEnd(List<Insn> stmts, int i, int[] s, int len, Values values) {
        int[] t = Values.copy(s);
        for (int j = i; j < stmts.size() && j < i + LONGEST; j++) {
            Insn x = stmts.get(j);
            if (!writesOnlyA(x) || Values.canFault(x) && !Lengths.safe(x, len)) return i;
            values.step(x, t);
            if (t[Values.A] == s[Values.A] && j > i) return j + 1;
        }
        return i;
    }

    private static boolean writesOnlyA(Insn x) {
        return switch (x) {
            case Insn.LoadAbs _ -> true;
            case Insn.LoadImm(var r, var k) -> r == io.jdump.bpf.Reg.A;
            case Insn.AluK _ -> !Values.canFault(x);
            default -> false;
        };
    }
}
