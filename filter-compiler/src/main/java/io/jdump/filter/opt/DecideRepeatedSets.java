package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
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
 * Decides a membership test that a dominating one already decided: {@code proto ∈ {6, 17, 132}}
 * repeated for every term of {@code port a or port b or ...}. Single comparisons are decided by
 * {@link ThreadJumps}; a run of {@code jeq} with one TRUE target is a set, which that pass's
 * per-comparison facts do not capture (entering the target says "one of them held").
 *
 * <p>A <em>run</em> is blocks {@code B1..Bk}, each {@code jeq #c} of the same value (B2..Bk
 * without statements, each reached only from the previous one's FALSE edge), all with TRUE
 * successor T. When the run has two or more constants and every edge into T comes from the run,
 * T and the blocks it dominates know "value ∈ C". A later run of the same value number (a packet load repeated) with constants C2
 * goes to its TRUE target if C ⊆ C2 and to its FALSE exit if C ∩ C2 is empty: its head's two
 * edges are pointed there (its statements stay, so later passes see a transparent block).
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet: the
 * decided head's statements still run, and its loads cannot fault (each load was done by the
 * dominating run's head on every path, with the same value number).
 */
final class DecideRepeatedSets implements Pass {
    /** A run; {@code loads}: its head's load keys (null: a division may fault); {@code writes}: atoms its head writes (-1: a store). */
    private record Run(Block head, Block ifTrue, Block ifFalse, int value, Set<Integer> constants, Set<Integer> loads, int writes) {}

    /** A run's blocks and constants, before value numbering. */
    private record Shape(Block head, Block ifTrue, Block ifFalse, Set<Integer> constants) {}

    @Override
    public String name() { return "decide-repeated-sets"; }

    @Override
    public boolean run(Cfg cfg) {
        return run(Graph.of(cfg));
    }

    /**
     * Runs on a graph already computed; the value analyses are only done when some run of two or
     * more constants makes a fact (single comparisons are {@link ThreadJumps}' business).
     */
    boolean run(Graph g) {
        List<Shape> shapes = shapes(g);
        if (shapes.stream().noneMatch(r -> r.constants.size() > 1 && r.ifTrue.branch().isConditional() && comesOnlyFrom(g, r))) return false;
        States st = States.of(g);
        Map<Block, Run> runs = new HashMap<>();
        Map<Block, Run> knownAt = new HashMap<>();
        for (Shape sh : shapes) {
            Block b = sh.head;
            Run r = new Run(b, sh.ifTrue, sh.ifFalse, st.exit().get(b)[Values.A], sh.constants, loads(st, b), writes(b));
            runs.put(b, r);
            if (sh.constants.size() > 1 && sh.ifTrue.branch().isConditional() && comesOnlyFrom(g, sh)) knownAt.put(sh.ifTrue, r);
        }
        Dominators dom = Dominators.of(g);
        Liveness live = Liveness.of(g);
        boolean changed = false;
        // Scoped walk of the dominator tree: facts (value -> constants it is one of) hold below the block that adds them.
        Map<Integer, Run> facts = new HashMap<>();
        record Frame(Block b, Run saved, boolean exit, int value) {}
        ArrayList<Frame> stack = new ArrayList<>();
        stack.add(new Frame(g.order().getFirst(), null, false, 0));
        while (!stack.isEmpty()) {
            Frame f = stack.removeLast();
            if (f.exit) {
                if (f.saved == null) facts.remove(f.value);
                else facts.put(f.value, f.saved);
                continue;
            }
            Run here = runs.get(f.b);
            Run fact = here == null ? null : facts.get(here.value);
            if (fact != null && here.loads != null && fact.loads != null && fact.loads.containsAll(here.loads)) changed |= decide(here, fact);
            Run adds = knownAt.get(f.b);
            if (adds != null) {
                stack.add(new Frame(f.b, facts.get(adds.value), true, adds.value));
                Run old = facts.get(adds.value);
                facts.put(adds.value, old == null || old.constants.size() > adds.constants.size() ? adds : old);
            }
            changed |= bypass(f.b, runs, knownAt, facts, live);
            List<Block> kids = dom.childrenOf(f.b);
            for (int i = kids.size() - 1; i >= 0; i--) stack.add(new Frame(kids.get(i), null, false, 0));
        }
        return changed;
    }

    /**
     * Points each edge of {@code b} into a run head that the facts decide straight at the run's
     * decided exit, where the head's statements are not needed: their loads were done (no fault
     * to keep) and the exit does not read what they write. A head that is itself a fact's block
     * keeps its edges: bypassing it would let paths avoid it below, where its fact is in use.
     */
    private static boolean bypass(Block b, Map<Block, Run> runs, Map<Block, Run> knownAt, Map<Integer, Run> facts, Liveness live) {
        if (!b.branch().isConditional()) return false;
        boolean changed = false;
        for (Sense s : Sense.values()) {
            Block h = b.successor(s);
            Run r = runs.get(h);
            if (r == null || knownAt.containsKey(h) || r.writes < 0) continue;
            Run fact = facts.get(r.value);
            if (fact == null || r.loads == null || fact.loads == null || !fact.loads.containsAll(r.loads)) continue;
            Block to = outcome(r, fact);
            if (to == null || live.reads(to, r.writes)) continue;
            b.setSuccessor(s, to);
            changed = true;
        }
        return changed;
    }

    /** Where run {@code here} goes when {@code fact} holds, or null if it does not decide it. */
    private static Block outcome(Run here, Run fact) {
        if (here.constants.containsAll(fact.constants)) return here.ifTrue;
        if (fact.constants.stream().noneMatch(here.constants::contains)) return here.ifFalse;
        return null;
    }

    private static boolean decide(Run here, Run fact) {
        Block to = outcome(here, fact);
        if (to == null) return false;
        Block h = here.head;
        if (h.successor(Sense.TRUE) == to && h.successor(Sense.FALSE) == to) return false;
        h.setSuccessor(Sense.TRUE, to);
        h.setSuccessor(Sense.FALSE, to);
        return true;
    }

    /** Whether every edge into the run's TRUE target comes from the run. */
    private static boolean comesOnlyFrom(Graph g, Shape r) {
        Set<Block> members = new HashSet<>();
        for (Block b = r.head; ; b = b.successor(Sense.FALSE)) {
            members.add(b);
            if (b.successor(Sense.FALSE) == r.ifFalse) break;
        }
        for (Block p : g.predsOf(r.ifTrue)) {
            if (!members.contains(p) || p.successor(Sense.FALSE) == r.ifTrue) return false;
        }
        return true;
    }

    /** The maximal runs: a head is a jeq block not continuing a run from its only predecessor. */
    private static List<Shape> shapes(Graph g) {
        List<Shape> out = new ArrayList<>();
        for (Block b : g.order()) {
            if (!isJeq(b) || continues(g, b)) continue;
            Block t = b.successor(Sense.TRUE);
            Set<Integer> cs = new HashSet<>();
            cs.add(((Branch.CondK) b.branch()).k());
            Block last = b;
            while (true) {
                Block nx = last.successor(Sense.FALSE);
                if (nx == t || !isJeq(nx) || !nx.stmts().isEmpty() || nx.successor(Sense.TRUE) != t || g.predsOf(nx).size() != 1) break;
                cs.add(((Branch.CondK) nx.branch()).k());
                last = nx;
            }
            if (last.successor(Sense.FALSE) == t) continue;
            out.add(new Shape(b, t, last.successor(Sense.FALSE), cs));
        }
        return out;
    }

    /** The registers {@code b}'s statements write; -1 if one writes scratch memory. */
    private static int writes(Block b) {
        int w = 0;
        for (Insn i : b.stmts()) {
            if (i instanceof Insn.Store) return -1;
            w |= Liveness.defs(i);
        }
        return w;
    }

    private static boolean continues(Graph g, Block b) {
        if (!b.stmts().isEmpty() || g.predsOf(b).size() != 1) return false;
        Block p = g.predsOf(b).getFirst();
        return isJeq(p) && p.successor(Sense.FALSE) == b && p.successor(Sense.TRUE) == b.successor(Sense.TRUE);
    }

    private static boolean isJeq(Block b) {
        return b.branch() instanceof Branch.CondK(var op, var k) && op == JmpOp.JEQ;
    }

    /** The load keys of the statements of {@code b}; null if a statement other than a load can fault (a division). */
    private static Set<Integer> loads(States st, Block b) {
        Set<Integer> keys = new HashSet<>();
        int[] s = Values.copy(st.entry().get(b));
        for (Insn i : b.stmts()) {
            if (Values.canFault(i)) {
                int key = st.values().loadKey(i, s);
                if (key < 0) return null;
                keys.add(key);
            }
            st.values().step(i, s);
        }
        return keys;
    }
}
