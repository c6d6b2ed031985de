package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends an edge straight to {@code ret #k} when every path below it, on the packets that take
 * it, returns k: {@code fold-verdicts} per edge, with the {@link PathFacts} of the edge deciding
 * the comparisons below. In {@code port 1 and tcp port 2}, the edges where {@code ip6[6]} was
 * found to be 17 or 132 lead through the port loads to the {@code tcp} test, which then fails:
 * they go to {@code ret #0} at once. Our own design; libpcap reaches a similar program by moving
 * tests past loads, which it may do because it ignores faults.
 *
 * <p>Faults: a statement below that can fault adds 0 to the verdicts a path can have, so an edge
 * goes to {@code ret #k} with k &ne; 0 only when nothing below it on those packets can fault, and
 * to {@code ret #0} whatever it loads. The walk below each edge visits at most {@link #BUDGET}
 * blocks and gives up beyond (knowing less is sound); an edge without facts is left to {@code
 * fold-verdicts}, which keeps the pass cheap on long chains of unrelated tests.
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet; edges only
 * move to return blocks, so the CFG stays a DAG.
 */
final class ThreadVerdicts implements Pass {
    static final int BUDGET = 48;
    /** Blocks all walks of one run may visit together, per reachable block: bounds a run to O(blocks); the next run goes on. */
    static final int VISITS_PER_BLOCK = 8;

    @Override
    public String name() { return "thread-verdicts"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        States st = States.of(g);
        PathFacts pf = PathFacts.of(g, st);
        Map<Integer, Block> returns = new HashMap<>();
        int[] nextId = {g.nextId()};
        record Redirect(Block from, Sense sense, int verdict) {}
        List<Redirect> out = new ArrayList<>();
        long[] total = {(long) VISITS_PER_BLOCK * g.order().size() + 4096};
        for (Block b : g.order()) {
            // Edges that agree are a branch thread-jumps decided (or merge-straight-blocks will join): left to them.
            if (!b.branch().isConditional() || b.successor(Sense.TRUE) == b.successor(Sense.FALSE)) continue;
            for (Sense s : Sense.values()) {
                Block t = b.successor(s);
                if (!t.branch().hasSuccessors() && t.stmts().isEmpty()) continue;
                Map<Integer, Set<Integer>> facts = PathFacts.assume(pf.at(b), b, st, s);
                if (facts.isEmpty()) continue;    // nothing to decide below with: fold-verdicts' case
                Set<Integer> verdicts = new HashSet<>();
                int[] budget = {(int) Math.min(BUDGET, total[0])};
                boolean one = walk(t, facts, st, verdicts, budget) && verdicts.size() == 1;
                total[0] -= Math.min(BUDGET, total[0]) - Math.max(0, budget[0]);
                if (one) {
                    out.add(new Redirect(b, s, verdicts.iterator().next()));
                }
            }
        }
        for (Redirect r : out) {
            Block ret = returns.computeIfAbsent(r.verdict(), k -> new Block(nextId[0]++, List.of(), new Branch.Return(k)));
            r.from().setSuccessor(r.sense(), ret);
        }
        return !out.isEmpty();
    }

    /** Adds the verdicts reachable from {@code b} under {@code facts}; false when it can not tell (a {@code ret a}, out of budget, or more than one verdict). */
    private static boolean walk(Block b, Map<Integer, Set<Integer>> facts, States st, Set<Integer> verdicts, int[] budget) {
        if (--budget[0] < 0) return false;
        for (Insn i : b.stmts()) {
            if (Values.canFault(i)) {
                verdicts.add(0);
                break;
            }
        }
        boolean ok = switch (b.branch()) {
            case Branch.Return(var k) -> verdicts.add(k) || true;
            case Branch.ReturnA _ -> false;
            case Branch.Goto _ -> walk(b.successor(Sense.TRUE), facts, st, verdicts, budget);
            case Branch.CondK _, Branch.CondX _ -> {
                Boolean d = PathFacts.decide(facts, b, st);
                if (d != null) yield walk(b.successor(d ? Sense.TRUE : Sense.FALSE), facts, st, verdicts, budget);
                yield walk(b.successor(Sense.TRUE), below(facts, b, st, Sense.TRUE), st, verdicts, budget)
                        && verdicts.size() <= 1
                        && walk(b.successor(Sense.FALSE), below(facts, b, st, Sense.FALSE), st, verdicts, budget);
            }
        };
        return ok && verdicts.size() <= 1;
    }

    /** The facts on {@code b}'s {@code sense} edge; a return reads none, so they are not worked out for it. */
    private static Map<Integer, Set<Integer>> below(Map<Integer, Set<Integer>> facts, Block b, States st, Sense sense) {
        return b.successor(sense).branch().hasSuccessors() ? PathFacts.assume(facts, b, st, sense) : facts;
    }
}
