package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A block from which every path returns the same constant becomes that {@code ret}: its
 * statements, comparisons and everything below it can not change the verdict. Our own rule, the
 * exact form of what libpcap gets by dropping loads freely.
 *
 * <p>Faults decide it: a load past the end (or a division by zero) ends the program with 0. So a
 * block settles on {@code ret #0} when every path below it returns 0, whatever it loads (a fault
 * gives 0 too), but on {@code ret #k} with k &ne; 0 only when nothing below it can fault. This is
 * the one place the optimizer removes a packet load that did not already succeed: its outcome, fault
 * or not, leads to the same verdict.
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet; no block
 * with successors or statements has a single possible verdict.
 */
final class FoldVerdicts implements Pass {
    @Override
    public String name() { return "fold-verdicts"; }

    @Override
    public boolean run(Cfg cfg) {
        List<Block> order = cfg.order();
        Map<Block, Integer> verdict = new HashMap<>();
        boolean changed = false;
        for (Block b : order.reversed()) {
            Integer v = switch (b.branch()) {
                case Branch.Return(var k) -> k;
                case Branch.ReturnA _ -> null;
                case Branch.Goto _ -> verdict.get(b.successor(Sense.TRUE));
                case Branch.CondK _, Branch.CondX _ -> {
                    Integer t = verdict.get(b.successor(Sense.TRUE)), f = verdict.get(b.successor(Sense.FALSE));
                    yield t != null && t.equals(f) ? t : null;
                }
            };
            if (v != null && v != 0 && b.stmts().stream().anyMatch(Values::canFault)) v = null;
            if (v == null) continue;
            verdict.put(b, v);
            if (b.branch() instanceof Branch.Return(var k) && b.stmts().isEmpty()) continue;
            b.stmts().clear();
            if (b.branch().hasSuccessors()) b.setSuccessor(Sense.TRUE, null);
            if (b.branch().isConditional()) b.setSuccessor(Sense.FALSE, null);
            b.setBranch(new Branch.Return(v));
            changed = true;
        }
        return changed;
    }
}
