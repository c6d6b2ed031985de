package io.jdump.filter.opt;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.Reg;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import java.util.List;

/**
 * Constant propagation and folding over {@link States}: a statement whose operand is a known
 * constant gets the constant form ({@code ldx M[0]} → {@code ldx #k}, {@code ld [x + k]} →
 * {@code ld [c + k]}, {@code add x} → {@code add #c}, {@code jeq x} → {@code jeq #c}), and one
 * whose result is constant becomes a constant load. After libpcap's {@code optimize.c}
 * {@code opt_stmt}/{@code opt_peep} folding. {@code remove-dead-stores} then drops the stores and
 * register loads nothing reads any more.
 *
 * <p>Never folds what can fault: a division by a zero constant stays, and an indirect load only
 * becomes absolute below the ancillary range, where both read the same bytes.
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet.
 */
final class FoldConstants implements Pass {
    @Override
    public String name() { return "fold-constants"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        States st = States.of(g);
        Values v = st.values();
        boolean changed = false;
        for (Block b : g.order()) {
            int[] s = Values.copy(st.entry().get(b));
            List<Insn> stmts = b.stmts();
            for (int i = 0; i < stmts.size(); i++) {
                Insn old = stmts.get(i);
                Insn now = fold(old, v, s);
                v.step(old, s);
                if (!now.equals(old)) {
                    stmts.set(i, now);
                    changed = true;
                }
            }
            if (b.branch() instanceof Branch.CondX(var op) && v.constOf(s[Values.X]) != null) {
                b.setBranch(new Branch.CondK(op, v.constOf(s[Values.X])));
                changed = true;
            }
        }
        return changed;
    }

    private static Insn fold(Insn i, Values v, int[] s) {
        Integer a = v.constOf(s[Values.A]), x = v.constOf(s[Values.X]);
        return switch (i) {
            case Insn.LoadMem(var r, var slot) -> {
                Integer m = v.constOf(s[Values.MEM + slot]);
                yield m == null ? i : new Insn.LoadImm(r, m);
            }
            case Insn.LoadInd(var size, var k) -> {
                long at = x == null ? -1 : (x & 0xffffffffL) + (k & 0xffffffffL);
                yield at < 0 || at >= 0x10000000L ? i : new Insn.LoadAbs(size, (int) at);
            }
            case Insn.AluX(var op) -> x == null || (x == 0 && divides(op)) ? i : fold(new Insn.AluK(op, x), v, s);
            case Insn.AluK(var op, var k) -> a == null || (k == 0 && divides(op)) ? i : new Insn.LoadImm(Reg.A, op.apply(a, k));
            case Insn.Neg() -> a == null ? i : new Insn.LoadImm(Reg.A, -a);
            case Insn.Tax() -> a == null ? i : new Insn.LoadImm(Reg.X, a);
            case Insn.Txa() -> x == null ? i : new Insn.LoadImm(Reg.A, x);
            default -> i;
        };
    }

    private static boolean divides(AluOp op) {
        return op == AluOp.DIV || op == AluOp.MOD;
    }
}
