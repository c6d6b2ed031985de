package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Reg;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offset-parametrised tail merging through the index register. Two subgraphs P and Q that are
 * equal except that where Q loads {@code [x + k]} P loads {@code [k + d]}, for one constant d
 * (the IPv6 and IPv4 port tests of {@code tcp port 80}: {@code ldh [54]} against {@code ldh [x +
 * 14]}, d = 40), compute the same thing when X = d. P is then replaced by {@code ldx #d} and a
 * jump to Q: either P itself becomes {@code ldx #d; ja Q}, or, when every predecessor of P can take
 * it, each predecessor ends with {@code ldx #d} and jumps straight to Q (no {@code ja}), or one
 * {@code ldx #d} goes at the end of a dominator H of all of P's predecessors, which then jump
 * straight to Q: the three {@code jeq} of {@code ip6[6]} against TCP, UDP and SCTP in {@code src
 * port 7} need one {@code ldx #40} after the {@code ldb [20]} instead of one each (20 → 19
 * instructions). libpcap does not do this.
 *
 * <p>The match (P, Q) is a bisimulation, checked pairwise from the roots: paired blocks have the
 * same branch (never one reading X) and pairwise equal statements, except the indexed loads of Q
 * against the absolute loads of P at the offset plus d; no other paired statement reads or writes
 * X. Where the two sides reach the same block, X must not be live there (P's side now arrives with
 * X = d). Paired loads read the same bytes, so they fault on the same packets; every other
 * statement and branch is the same function of A, M[] and the packet; hence every packet that
 * entered P gets the same verdict through Q. The absolute offsets are kept below
 * {@link #MAX_OFFSET} so that no Linux ancillary or {@code SKF_*_OFF} load is paired, and d and
 * the indexed offsets are non-negative, so {@code x + k} equals {@code k + d} exactly. Q must not
 * reach P (the CFG stays a DAG). For the dominator form, the <em>region</em> is the blocks on
 * paths from H to P's predecessors: none of them (H's statements aside, which run before the
 * {@code ldx}) reads or writes X or compares with X, so every edge into P still arrives with X = d,
 * and every other edge out of the region leads where X is dead, so no other path sees the new X.
 *
 * <p>A merge is made only when the emitted size, counting a {@code ja} for P's form, goes down.
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet, faults
 * included; no pair of blocks matching as above remains where merging would make the program
 * smaller (up to the per-run caps).
 */
final class MergeIndexedTails implements Pass {
    /** Absolute offsets paired with indexed loads stay below this (far below {@code SKF_LL_OFF}). */
    static final int MAX_OFFSET = 1 << 20;
    /** Pairs one match may visit. */
    private static final int PAIR_BUDGET = 256;
    /** Candidate P blocks tried per Q block. */
    private static final int CANDIDATES = 16;
    /** Suffixes of one block tried as the absolute side's root. */
    private static final int ROOTS_PER_BLOCK = 3;
    /** Merges per run (each recomputes the analyses). */
    private static final int MERGES_PER_RUN = 16;

    @Override
    public String name() { return "merge-indexed-tails"; }

    /**
     * Waits for the others: joining the IPv6 port tests into the IPv4 ones while threading is still
     * joining the terms of {@code port a or port b ...} cut the IPv4 chain at the join, and
     * {@link BuildSetLookups} left the IPv4 ports a linear chain of source and destination tests.
     */
    @Override
    public boolean waitsFor(Pass earlier) { return true; }

    @Override
    public boolean run(Cfg cfg) {
        boolean changed = false;
        for (int n = 0; n < MERGES_PER_RUN && mergeOne(cfg); n++) changed = true;
        return changed;
    }

    private record Pair(Block p, Block q) {}

    /** The statements of {@code block} from {@code start} on, with its branch: where a match begins. */
    private record Root(Block block, int start) {
        List<Insn> stmts() { return block.stmts().subList(start, block.stmts().size()); }
    }

    private static boolean mergeOne(Cfg cfg) {
        Graph g = Graph.of(cfg);
        Map<String, List<Root>> absBySig = new HashMap<>();
        List<Root> indexed = new ArrayList<>();
        for (Block b : g.order()) {
            if (b.branch() instanceof Branch.CondX) continue;
            int from = afterLastX(b);
            List<Insn> tail = b.stmts().subList(from, b.stmts().size());
            if (tail.stream().anyMatch(s -> s instanceof Insn.LoadInd)) {
                indexed.add(new Root(b, from));
                continue;
            }
            int starts = 0;
            for (int i = b.stmts().size() - 1; i >= from && starts < ROOTS_PER_BLOCK; i--) {
                if (!(b.stmts().get(i) instanceof Insn.LoadAbs)) continue;
                Root r = new Root(b, i);
                absBySig.computeIfAbsent(signature(r), k -> new ArrayList<>()).add(r);
                starts++;
            }
        }
        if (indexed.isEmpty()) return false;
        Liveness live = null;
        int before = -1;
        for (Root q : indexed) {
            List<Root> ps = absBySig.get(signature(q));
            if (ps == null) continue;
            int tried = 0;
            for (Root p : ps) {
                if (tried++ == CANDIDATES) break;
                if (p.block() == q.block()) continue;
                Integer d = offsetDifference(p, q);
                if (d == null) continue;
                if (live == null) {
                    live = Liveness.of(g);
                    before = emittedSize(g.order());
                }
                if (!matches(p, q, d, live) || reaches(g, q.block(), p.block())) continue;
                if (rewrite(cfg, g, live, p, q, d, before)) return true;
            }
        }
        return false;
    }

    /** The index after the last statement of {@code b} that reads or writes X (0 if none). */
    private static int afterLastX(Block b) {
        for (int i = b.stmts().size() - 1; i >= 0; i--) {
            Insn s = b.stmts().get(i);
            if (!(s instanceof Insn.LoadInd) && ((Liveness.uses(s) | Liveness.defs(s)) & Liveness.X) != 0) return i + 1;
        }
        return 0;
    }

    /** The root's statements and branch with loads written without their offsets and mode. */
    private static String signature(Root r) {
        StringBuilder s = new StringBuilder();
        for (Insn i : r.stmts()) {
            switch (i) {
                case Insn.LoadAbs(var size, var k) -> s.append("ld").append(size.bytes()).append(';');
                case Insn.LoadInd(var size, var k) -> s.append("ld").append(size.bytes()).append(';');
                default -> s.append(i).append(';');
            }
        }
        return s.append(r.block().branch()).toString();
    }

    /** d from the first indexed load of {@code q} against {@code p}, or null. */
    private static Integer offsetDifference(Root p, Root q) {
        List<Insn> ps = p.stmts(), qs = q.stmts();
        for (int i = 0; i < qs.size(); i++) {
            if (qs.get(i) instanceof Insn.LoadInd(var s, var k) && ps.get(i) instanceof Insn.LoadAbs(var s2, var k2)) {
                long d = (k2 & 0xffffffffL) - (k & 0xffffffffL);
                return d >= 0 && k2 >= 0 && k2 < MAX_OFFSET ? (int) d : null;
            }
        }
        return null;
    }

    private static boolean matches(Root p, Root q, int d, Liveness live) {
        if (!sameBlockBody(p.stmts(), q.stmts(), d) || !p.block().branch().equals(q.block().branch())) return false;
        Block pb = p.block(), qb = q.block();
        if (pb.branch().hasSuccessors() && !matches(pb.successor(Sense.TRUE), qb.successor(Sense.TRUE), d, live)) return false;
        return !pb.branch().isConditional() || matches(pb.successor(Sense.FALSE), qb.successor(Sense.FALSE), d, live);
    }

    private static boolean sameBlockBody(List<Insn> ps, List<Insn> qs, int d) {
        if (ps.size() != qs.size()) return false;
        for (int i = 0; i < ps.size(); i++) {
            if (!pairs(ps.get(i), qs.get(i), d)) return false;
        }
        return true;
    }

    /** Whether P (with X = d) and Q compute the same from any state, per the class comment. */
    static boolean matches(Block p0, Block q0, int d, Liveness live) {
        Set<Pair> seen = new HashSet<>();
        ArrayDeque<Pair> work = new ArrayDeque<>();
        work.add(new Pair(p0, q0));
        while (!work.isEmpty()) {
            Pair pr = work.pop();
            if (!seen.add(pr)) continue;
            if (seen.size() > PAIR_BUDGET) return false;
            Block p = pr.p(), q = pr.q();
            if (p == q) {
                if (live.reads(p, Liveness.X)) return false;
                continue;
            }
            if (!p.branch().equals(q.branch()) || p.branch() instanceof Branch.CondX || !sameBlockBody(p.stmts(), q.stmts(), d)) return false;
            if (p.branch().hasSuccessors()) work.push(new Pair(p.successor(Sense.TRUE), q.successor(Sense.TRUE)));
            if (p.branch().isConditional()) work.push(new Pair(p.successor(Sense.FALSE), q.successor(Sense.FALSE)));
        }
        return true;
    }

    private static boolean pairs(Insn a, Insn b, int d) {
        if (b instanceof Insn.LoadInd(var s, var k)) {
            return k >= 0 && a instanceof Insn.LoadAbs(var s2, var k2) && s2 == s && k2 >= 0 && k2 < MAX_OFFSET && (long) k + d == k2;
        }
        return a.equals(b) && ((Liveness.uses(a) | Liveness.defs(a)) & Liveness.X) == 0;
    }

    /** Whether {@code from} reaches {@code to}. */
    private static boolean reaches(Graph g, Block from, Block to) {
        if (g.index().get(from) > g.index().get(to)) return false;
        Set<Block> seen = new HashSet<>();
        ArrayDeque<Block> work = new ArrayDeque<>();
        work.add(from);
        while (!work.isEmpty()) {
            Block b = work.pop();
            if (b == to) return true;
            if (!seen.add(b) || !b.branch().hasSuccessors()) continue;
            work.push(b.successor(Sense.TRUE));
            if (b.branch().isConditional()) work.push(b.successor(Sense.FALSE));
        }
        return false;
    }

    /**
     * Redirects P to Q in the form that makes the program smallest, if any makes it smaller: each
     * form is applied, measured ({@link #emittedSize}) and undone, then the best is applied again.
     */
    private static boolean rewrite(Cfg cfg, Graph g, Liveness live, Root p, Root q, int d, int before) {
        Block pb = p.block();
        Set<Block> preds = new LinkedHashSet<>(g.predsOf(pb));
        boolean canRedirect = p.start() == 0 && pb != cfg.entry();
        List<Set<Block>> forms = new ArrayList<>();    // where the ldx #d goes: P's predecessors, a dominator of them, or (empty) P itself
        if (canRedirect && preds.stream().allMatch(b -> hoistable(b, pb, live))) forms.add(preds);
        Block h = canRedirect ? dominator(g, pb, live) : null;
        if (h != null) forms.add(Set.of(h));
        forms.add(Set.of());
        int best = before;
        Set<Block> bestForm = null;
        for (Set<Block> form : forms) {
            Undo undo = new Undo();
            apply(p, q, d, form, preds, g.nextId(), undo);
            int size = emittedSize(cfg.order());
            undo.restore();
            if (size < best) {
                best = size;
                bestForm = form;
            }
        }
        if (bestForm == null) return false;
        apply(p, q, d, bestForm, preds, g.nextId(), new Undo());
        return true;
    }

    /** Dominators of P's predecessors tried as the place of one {@code ldx #d}, nearest first. */
    private static final int DOMINATOR_CLIMB = 4;
    /** Blocks a dominator's region may hold. */
    private static final int REGION_BUDGET = 64;

    /**
     * A block H that dominates all of P's (two or more) predecessors and may end with {@code ldx
     * #d} for all of them (the class comment's region rule), or null.
     */
    private static Block dominator(Graph g, Block pb, Liveness live) {
        List<Block> preds = g.predsOf(pb);
        if (new HashSet<>(preds).size() < 2) return null;
        Dominators dom = Dominators.of(g);
        Block h = preds.getFirst();
        for (int climb = 0; climb <= DOMINATOR_CLIMB && h != null; climb++) {
            if (dominatesAll(dom, h, preds) && regionKeepsX(g, h, pb, live)) return h;
            if (h == g.order().getFirst()) return null;
            h = dom.idom().get(h);
        }
        return null;
    }

    private static boolean dominatesAll(Dominators dom, Block h, List<Block> blocks) {
        for (Block b : blocks) {
            Block c = b;
            int steps = 0;
            while (c != h) {
                Block up = dom.idom().get(c);
                if (up == null || up == c || ++steps > 64) return false;
                c = up;
            }
        }
        return true;
    }

    /** Whether the region from {@code h} to P's predecessors neither touches X nor leaks a changed X (class comment). */
    private static boolean regionKeepsX(Graph g, Block h, Block pb, Liveness live) {
        // The region: blocks from h on that reach a predecessor of P without passing through P.
        Set<Block> region = new HashSet<>();
        ArrayDeque<Block> work = new ArrayDeque<>(g.predsOf(pb));
        int hi = g.index().get(h);
        while (!work.isEmpty()) {
            Block b = work.pop();
            if (g.index().get(b) < hi || !region.add(b)) continue;
            if (region.size() > REGION_BUDGET) return false;
            if (b != h) work.addAll(g.predsOf(b));
        }
        if (!region.contains(h)) return false;
        for (Block b : region) {
            if (b.branch() instanceof Branch.CondX) return false;
            if (b != h) {
                for (Insn s : b.stmts()) if (((Liveness.uses(s) | Liveness.defs(s)) & Liveness.X) != 0) return false;
                // Every way into a region block other than h comes from the region (h dominates it).
                for (Block p : g.predsOf(b)) if (!region.contains(p)) return false;
            }
            for (Sense s : Sense.values()) {
                if (s == Sense.FALSE && !b.branch().isConditional() || !b.branch().hasSuccessors()) continue;
                Block t = b.successor(s);
                if (t != pb && !region.contains(t) && live.reads(t, Liveness.X)) return false;
            }
        }
        return true;
    }

    /**
     * Sends P's way in to Q with X = d: with {@code at} non-empty, each block of {@code at} (P's
     * predecessors, or one dominator of them) ends with {@code ldx #d} and every predecessor of P
     * jumps to Q; else P's root becomes {@code ldx #d} and a {@code Goto} Q. A Q root inside its
     * block splits the block: the head ends in a {@code Goto} to a new block {@code id} with the rest.
     */
    private static void apply(Root p, Root q, int d, Set<Block> at, Set<Block> preds, int id, Undo undo) {
        Block pb = p.block();
        undo.save(q.block());
        Block target = q.start() == 0 ? q.block() : split(q, id);
        Insn ldx = new Insn.LoadImm(Reg.X, d);
        if (!at.isEmpty()) {
            for (Block b : at) {
                undo.save(b);
                b.stmts().add(ldx);
            }
            for (Block b : preds) {
                undo.save(b);
                for (Sense s : Sense.values()) {
                    if ((s == Sense.TRUE || b.branch().isConditional()) && b.successor(s) == pb) b.setSuccessor(s, target);
                }
            }
        } else {
            undo.save(pb);
            pb.stmts().subList(p.start(), pb.stmts().size()).clear();
            pb.stmts().add(ldx);
            reroute(pb, new Branch.Goto(), target, null);
        }
    }

    /** Gives {@code b} the branch {@code br} and successors {@code t} and {@code f} (as many as {@code br} has). */
    private static void reroute(Block b, Branch br, Block t, Block f) {
        if (b.branch().hasSuccessors()) b.setSuccessor(Sense.TRUE, null);
        if (b.branch().isConditional()) b.setSuccessor(Sense.FALSE, null);
        b.setBranch(br);
        if (br.hasSuccessors()) b.setSuccessor(Sense.TRUE, t);
        if (br.isConditional()) b.setSuccessor(Sense.FALSE, f);
    }

    /** The saved statements, branch and successors of the blocks a tentative rewrite changes. */
    private static final class Undo {
        private record Saved(List<Insn> stmts, Branch branch, Block t, Block f) {}

        private final Map<Block, Saved> saved = new LinkedHashMap<>();

        void save(Block b) {
            saved.computeIfAbsent(b, x -> new Saved(List.copyOf(b.stmts()), b.branch(), b.branch().hasSuccessors() ? b.successor(Sense.TRUE) : null,
                    b.branch().isConditional() ? b.successor(Sense.FALSE) : null));
        }

        void restore() {
            saved.forEach((b, s) -> {
                b.stmts().clear();
                b.stmts().addAll(s.stmts());
                reroute(b, s.branch(), s.t(), s.f());
            });
        }
    }

    /** Moves {@code q}'s root (its statements from the start on, its branch and successors) to a new block {@code id} that the head reaches by a {@code Goto}. */
    private static Block split(Root q, int id) {
        Block b = q.block();
        Block rest = new Block(id, q.stmts(), b.branch());
        if (b.branch().hasSuccessors()) rest.setSuccessor(Sense.TRUE, b.successor(Sense.TRUE));
        if (b.branch().isConditional()) rest.setSuccessor(Sense.FALSE, b.successor(Sense.FALSE));
        q.stmts().clear();
        reroute(b, new Branch.Goto(), rest, null);
        return rest;
    }

    /** Whether {@code b} can end with {@code ldx #d} for its edges to {@code p}: its other edge does not read X. */
    private static boolean hoistable(Block b, Block p, Liveness live) {
        if (b.branch() instanceof Branch.Goto) return true;
        if (!(b.branch() instanceof Branch.CondK)) return false;
        for (Sense s : Sense.values()) {
            Block t = b.successor(s);
            if (t != p && live.reads(t, Liveness.X)) return false;
        }
        return true;
    }

    /**
     * The emitted size of blocks in emission order, as the linearizer counts it: statements, one
     * instruction per ending, none for a {@code Goto} to the next block (long jumps aside).
     */
    static int emittedSize(List<Block> order) {
        int n = 0;
        for (int i = 0; i < order.size(); i++) {
            Block b = order.get(i);
            boolean next = b.branch() instanceof Branch.Goto && i + 1 < order.size() && order.get(i + 1) == b.successor(Sense.TRUE);
            n += b.stmts().size() + (next ? 0 : 1);
        }
        return n;
    }
}
