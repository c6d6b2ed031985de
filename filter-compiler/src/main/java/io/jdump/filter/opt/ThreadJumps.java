package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.List;

/**
 * Branch folding from dominating comparisons and jump threading. After libpcap's
 * {@code optimize.c} {@code fold_edge}/{@code opt_j} idea (an edge's outcome decides a later
 * comparison of the same value), implemented as a scoped walk of the {@link Dominators} tree with
 * {@link Facts}: entering a block through its only edge records that edge's outcome, and the
 * {@link PathFacts} that hold on every path into it are added (so tests repeated after paths
 * meet are decided too); at each block
 * <ul>
 *   <li>a branch the facts decide sends both edges to the decided successor (folding), and
 *   <li>each outgoing edge skips every following block that is <em>transparent</em> on that edge:
 *       its statements change no register on this path and can not fault (their loads already
 *       succeeded), and its branch is decided by the facts plus the edge's own outcome, or its
 *       edges agree, or it is a {@code Goto} (threading; a {@code Goto}'s edge is threaded too).
 * </ul>
 * Redirections are collected during the walk and applied at the end; each keeps the exact
 * behaviour of the edge it changes (the skipped blocks were no-ops on it), so they compose.
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet, faults
 * included; edges only move forward, so the CFG stays a DAG; blocks left without predecessors
 * disappear from {@link Cfg#order()} (unreachable-block removal is implicit in the IR).
 */
final class ThreadJumps implements Pass {
    /**
     * Blocks all walks of one run may skip together, per reachable block. Bounds a run's cost to
     * O(blocks) however many edges walk the same long decided chain; a walk cut short is still
     * correct (it stops at a block it reached) and the next run goes on from there. 8 as in {@code
     * thread-verdicts}: with 64, one run over the 88,000 blocks of 4,000 {@code not (host x and port y)}
     * clauses spent most of its time re-walking chains whose edges agree (16.4 s CPU for the whole
     * compile, 8.8 s with 8); programs under 512 blocks never reach the floor of 4096 hops.
     */
    private static final int HOPS_PER_BLOCK = 8;

    private record Redirect(Block from, Sense sense, Block to) {}

    @Override
    public String name() { return "thread-jumps"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        States st = States.of(g);
        Dominators dom = Dominators.of(g);
        Facts facts = new Facts(st.values());
        PathFacts paths = PathFacts.of(g, st);
        List<Redirect> out = new ArrayList<>();
        walk(g, st, dom, paths, facts, out);
        boolean changed = false;
        for (Redirect r : out) {
            if (r.from.successor(r.sense) != r.to) {
                r.from.setSuccessor(r.sense, r.to);
                changed = true;
            }
        }
        return changed;
    }

    private void walk(Graph g, States st, Dominators dom, PathFacts paths, Facts facts, List<Redirect> out) {
        Liveness live = Liveness.of(g);
        Lengths lengths = Lengths.of(g);
        long[] budget = {(long) HOPS_PER_BLOCK * g.order().size() + 4096};
        record Frame(Block b, int mark, boolean entered) {}
        ArrayList<Frame> stack = new ArrayList<>();
        stack.add(new Frame(g.order().getFirst(), 0, false));
        while (!stack.isEmpty()) {
            Frame f = stack.removeLast();
            if (f.entered) {
                facts.undo(f.mark);
                continue;
            }
            int mark = facts.mark();
            enter(g, st, facts, f.b);
            for (var e : paths.at(f.b).entrySet()) facts.oneOf(e.getKey(), e.getValue());
            visit(st, live, facts, f.b, lengths.exit().get(f.b), out, budget);
            stack.add(new Frame(f.b, mark, true));
            List<Block> kids = dom.childrenOf(f.b);
            for (int i = kids.size() - 1; i >= 0; i--) stack.add(new Frame(kids.get(i), 0, false));
        }
    }

    /** Adds the facts that hold on entry to {@code b}: its only incoming edge's outcome, and its own loads. */
    private static void enter(Graph g, States st, Facts facts, Block b) {
        List<Block> preds = g.predsOf(b);
        if (preds.size() == 1 && preds.getFirst().successor(Sense.TRUE) != preds.getFirst().successor(Sense.FALSE)) {
            Block p = preds.getFirst();
            Sense s = p.successor(Sense.TRUE) == b ? Sense.TRUE : Sense.FALSE;
            facts.took(p, st.exit().get(p), s);
        }
        int[] s = Values.copy(st.entry().get(b));
        for (Insn i : b.stmts()) {
            int key = st.values().loadKey(i, s);
            if (key >= 0) facts.loaded(key);
            st.values().step(i, s);
        }
    }

    private static void visit(States st, Liveness live, Facts facts, Block b, int len, List<Redirect> out, long[] budget) {
        if (!b.branch().hasSuccessors()) return;
        int[] exit = st.exit().get(b);
        if (b.branch() instanceof Branch.Goto) {
            Block t = skip(st, live, facts, b.successor(Sense.TRUE), exit, len, budget);
            if (t != b.successor(Sense.TRUE)) out.add(new Redirect(b, Sense.TRUE, t));
            return;
        }
        Boolean d = facts.decide(b, exit);
        for (Sense s : Sense.values()) {
            Sense go = d == null ? s : (d ? Sense.TRUE : Sense.FALSE);
            int mark = facts.mark();
            facts.took(b, exit, go);
            Block t = skip(st, live, facts, b.successor(go), exit, len, budget);
            facts.undo(mark);
            if (t != b.successor(s)) out.add(new Redirect(b, s, t));
        }
    }

    /**
     * Follows {@code b} through transparent blocks on a path whose state is {@code s}; returns the
     * furthest block reached whose live registers the skipped blocks did not change.
     */
    private static Block skip(States st, Liveness live, Facts facts, Block b, int[] s, int len, long[] budget) {
        int mark = facts.mark();
        int[] cur = Values.copy(s);
        Block best = b;
        while (budget[0]-- > 0 && b.branch().hasSuccessors()) {
            int[] next = transparent(st.values(), facts, b, cur, len);
            if (next == null) break;
            cur = next;
            if (!b.branch().isConditional() || b.successor(Sense.TRUE) == b.successor(Sense.FALSE)) {
                b = b.successor(Sense.TRUE);    // either way: nothing is learnt about the comparison
            } else {
                Boolean d = facts.decide(b, cur);
                if (d == null) break;
                Sense go = d ? Sense.TRUE : Sense.FALSE;
                facts.took(b, cur, go);
                b = b.successor(go);
            }
            int changed = (cur[Values.A] != s[Values.A] ? Liveness.A : 0) | (cur[Values.X] != s[Values.X] ? Liveness.X : 0);
            if (!live.reads(b, changed)) best = b;
        }
        facts.undo(mark);
        return best;
    }

    /**
     * The state after {@code b}'s statements if they can not fault here (their loads already
     * succeeded, or lie inside the length proven on every path to the edge, {@link Lengths}) and
     * leave scratch memory alone, else null.
     */
    private static int[] transparent(Values v, Facts facts, Block b, int[] s, int len) {
        int[] t = Values.copy(s);
        for (Insn i : b.stmts()) {
            if (Values.canFault(i) && !Lengths.safe(i, len)) {
                int key = v.loadKey(i, t);
                if (key < 0 || !facts.isLoaded(key)) return null;
            }
            v.step(i, t);
        }
        for (int m = Values.MEM; m < Values.ATOMS; m++) {
            if (t[m] != s[m]) return null;
        }
        return t;
    }
}
