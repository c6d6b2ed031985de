package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a disjunction of equality tests into balanced binary searches (our own design; libpcap
 * has no equivalent and compiles {@code host a or host b or ...} as a linear chain).
 *
 * <p>A <em>chain</em> is a run of blocks {@code B1..Bm}, each {@code jeq #c}, all with the same
 * TRUE successor T, each {@code Bi+1} reached only from {@code Bi}'s FALSE edge; the last FALSE edge
 * goes to F. Each block's statements (loads and masks only) pick the compared value, its
 * <em>key</em>; a block with no statements compares the previous key. The chain is rebuilt as one
 * search tree per key (keys in order of first appearance), tried in turn: {@code jge} nodes
 * halving the sorted constants, runs of at most {@link LookupShape#leaf} {@code jeq} at the leaves
 * ({@link #LEAF} by default; longer, with fewer {@code jge}, when the program must fit the
 * kernel: {@link LookupShape#small}), not-found going to the next key's tree and finally to F.
 * A packet runs O(log n) comparisons per key, plus a leaf's run.
 *
 * <p>Exact to the fault: the original chain rejects when a load faults before a matching test.
 * A key's tree starts with that key's loads, which fault exactly where the key's first test did
 * (all earlier tests were of earlier keys, known false). A constant found in key j whose first test
 * came after tests of later keys goes to T through a <em>probe</em> block that repeats those later
 * keys' loads, so a load that would have faulted first still does.
 *
 * <p>Returns ({@code ret}, a probe's load and {@code ret}, the not-found {@code ret #0}) are copied
 * once per subtree of at most {@link LookupShape#group} constants ({@link #GROUP} by default),
 * next to its leaves: a direct jump there instead of a {@code ja} to a far shared one. Before looking for chains the pass runs
 * {@link DecideRepeatedSets}, which removes the protocol sets repeated between the terms of
 * {@code port a or port b ...}; it waits while a chain's exit is such a decided test.
 *
 * <p>Preconditions: CFG invariants; T and F read neither A nor X ({@link Liveness}), all X writes
 * in the chain are one {@code ldxb 4*([k]&0xf)} in B1 before any indirect load. Postconditions:
 * the same verdict for every packet; trees have no chain of more than {@link #MIN_SET} - 1 tests,
 * or, with longer leaves, of more tests of one key than a leaf holds, which it leaves alone, so a
 * second run finds nothing to rebuild.
 */
final class BuildSetLookups implements Pass {
    /** Longest run of {@code jeq} at a leaf of the search tree. */
    static final int LEAF = 4;
    /**
     * Most constants of a subtree whose leaves share one nearby copy of each small return block
     * (a {@code ret}, or a probe's load and {@code ret}): near enough for a direct jump, and one
     * copy per group instead of one per leaf.
     */
    static final int GROUP = 64;
    /** Fewest distinct constants of one key worth a tree. */
    static final int MIN_SET = 6;
    /**
     * The same for two interleaved keys, where regrouping alone already saves reloads. A rebuilt
     * two-key chain is not interleaved any more (three runs of tests at most), so a
     * second run leaves it alone.
     */
    static final int MIN_INTERLEAVED = 3;

    private final LookupShape shape;
    private final Split split;

    /** Trees of the {@link LookupShape#DEFAULT} shape: the shortest paths. */
    BuildSetLookups() {
        this(LookupShape.DEFAULT);
    }

    /** Trees of {@code shape}: longer leaves and larger groups make smaller, slower trees. */
    BuildSetLookups(LookupShape shape) {
        this.shape = shape;
        this.split = Split.of(shape);
    }

    @Override
    public String name() { return "build-set-lookups"; }

    /**
     * Makes {@code head} the rebuilt chain's root: its statements become {@code stmts}, its branch
     * and edges {@code root}'s (the chain's head keeps its identity, so the edges into it stay).
     */
    static void takeOver(Block head, List<Insn> stmts, Block root) {
        List<Insn> copy = List.copyOf(stmts);
        head.stmts().clear();
        head.stmts().addAll(copy);
        head.setBranch(root.branch());
        head.setSuccessor(Sense.TRUE, root.successor(Sense.TRUE));
        head.setSuccessor(Sense.FALSE, root.successor(Sense.FALSE));
    }

    /**
     * The passes whose changes make longer chains next round (threading), which the passes that
     * build lookups from chains, or would join their tails, wait for ({@link Pass#waitsFor}).
     */
    static boolean joinsChains(Pass p) {
        return p instanceof ThreadJumps || p instanceof ThreadVerdicts;
    }

    /**
     * Waits for threading: it joins the terms of a long disjunction a bounded number of blocks per
     * run, and a chain rebuilt before it is whole becomes several trees tried one after the other
     * (100 {@code udp dst port} terms: 7 trees, 278 instructions and a path of 42; now 143 and 20).
     */
    @Override
    public boolean waitsFor(Pass earlier) { return joinsChains(earlier); }

    @Override
    public boolean run(Cfg cfg) {
        // Repeated protocol sets between the terms (port lists) hide the chains; decided first, the
        // next round's threading joins the terms into one chain.
        Graph g = Graph.of(cfg);
        if (new DecideRepeatedSets().run(g)) return true;
        Liveness live = Liveness.of(g);
        int[] nextId = {g.nextId()};
        java.util.Set<Block> used = new java.util.HashSet<>();
        // One slot for every chain rebuilt in this run: each chain writes it at its head and reads
        // it only inside its own rebuilt part, so chains never see each other's value; sharing
        // the slot keeps the rebuilt parts of different protocols identical, hence mergeable.
        int slot = freeSlot(g);
        boolean changed = false;
        for (Block b : g.order()) {
            if (used.contains(b) || !isJeq(b)) continue;
            List<Block> chain = chain(g, b);
            used.addAll(chain);
            Block t = b.successor(Sense.TRUE);
            Block f = chain.getLast().successor(Sense.FALSE);
            if (live.reads(t, Liveness.A | Liveness.X) || live.reads(f, Liveness.A | Liveness.X) || !xStable(chain)) continue;
            if (pending(f)) continue;
            Map<List<Insn>, Map<Integer, Integer>> groups = groups(chain);
            boolean twoKeys = groups.size() == 2 && slot >= 0 && interleaved(chain, groups);
            int least = twoKeys ? MIN_INTERLEAVED : MIN_SET;
            if (groups.values().stream().allMatch(m -> m.size() < least)) continue;
            // A leaf run of a longer-leaved shape is a chain too: rebuilt, it would come out the same.
            if (!twoKeys && groups.values().stream().allMatch(m -> m.size() <= shape.leaf())) continue;
            if (twoKeys) rebuildTwoKeys(chain, groups, t, f, slot, nextId);
            else rebuild(chain, groups, t, f, nextId);
            changed = true;
        }
        return changed;
    }

    /**
     * Whether the chain goes on after threading that has not happened yet: its exit is a block
     * whose two edges agree (a test {@link DecideRepeatedSets} decided, which the next round's
     * threading skips). Building now would cut one lookup into several.
     */
    private static boolean pending(Block f) {
        return f.branch().isConditional() && f.successor(Sense.TRUE) == f.successor(Sense.FALSE);
    }

    private static boolean isJeq(Block b) {
        return b.branch() instanceof Branch.CondK(var op, var k) && op == JmpOp.JEQ && keyable(b.stmts());
    }

    static boolean keyable(List<Insn> stmts) {
        for (Insn i : stmts) {
            boolean ok = switch (i) {
                case Insn.LoadAbs(var s, var k) -> Integer.compareUnsigned(k, 0xfffff000) < 0;
                case Insn.LoadInd _, Insn.LoadMsh _, Insn.LoadLen _ -> true;
                case Insn.AluK(var op, var k) -> !Values.canFault(i);
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    private static List<Block> chain(Graph g, Block head) {
        List<Block> chain = new ArrayList<>();
        chain.add(head);
        Block t = head.successor(Sense.TRUE);
        Block cur = head;
        while (true) {
            Block nx = cur.successor(Sense.FALSE);
            if (nx == t || !isJeq(nx) || nx.successor(Sense.TRUE) != t || g.predsOf(nx).size() != 1) return chain;
            chain.add(nx);
            cur = nx;
        }
    }

    /** All X writes are the same {@code ldxb}, the first of them in the head before any indirect load. */
    static boolean xStable(List<Block> chain) {
        Insn msh = null;
        boolean indBeforeMsh = false;
        for (int bi = 0; bi < chain.size(); bi++) {
            for (Insn i : chain.get(bi).stmts()) {
                if (i instanceof Insn.LoadMsh) {
                    if (msh != null && !msh.equals(i)) return false;
                    if (msh == null && (bi > 0 || indBeforeMsh)) return false;
                    msh = i;
                } else if (i instanceof Insn.LoadInd && msh == null) {
                    indBeforeMsh = true;
                }
            }
        }
        return true;
    }

    static List<Insn> key(List<Insn> stmts, List<Insn> previous) {
        List<Insn> k = stmts.stream().filter(i -> !(i instanceof Insn.LoadMsh)).toList();
        return k.isEmpty() ? previous : k;
    }

    /** key → (constant → index of its first test), keys and constants in order of first appearance. */
    private static Map<List<Insn>, Map<Integer, Integer>> groups(List<Block> chain) {
        Map<List<Insn>, Map<Integer, Integer>> groups = new LinkedHashMap<>();
        List<Insn> key = List.of();
        for (int i = 0; i < chain.size(); i++) {
            key = key(chain.get(i).stmts(), key);
            int c = ((Branch.CondK) chain.get(i).branch()).k();
            groups.computeIfAbsent(key, x -> new LinkedHashMap<>()).putIfAbsent(c, i);
        }
        return groups;
    }

    private void rebuild(List<Block> chain, Map<List<Insn>, Map<Integer, Integer>> groups, Block t, Block f, int[] nextId) {
        List<List<Insn>> keys = new ArrayList<>(groups.keySet());
        List<Integer> keyAt = keyIndexes(chain, keys);
        Map<List<Integer>, Block> probes = new HashMap<>();
        Block notFound = f;
        Block root = null;
        for (int j = keys.size() - 1; j >= 0; j--) {
            Map<Integer, Integer> consts = groups.get(keys.get(j));
            TreeSet<Integer> sorted = new TreeSet<>(Integer::compareUnsigned);
            sorted.addAll(consts.keySet());
            List<Integer> cs = new ArrayList<>(sorted);
            Map<Integer, List<Integer>> needs = needs(keyAt, j, chain);
            List<Block> found = new ArrayList<>();
            for (int c : cs) found.add(probe(needs.get(consts.get(c)), keys, t, probes, nextId));
            root = tree(cs, found, 0, cs.size(), notFound, nextId);
            List<Insn> stmts = j == 0 ? chain.getFirst().stmts() : keys.get(j);
            root.stmts().addAll(0, List.copyOf(stmts));
            notFound = root;
        }
        takeOver(chain.getFirst(), root.stmts(), root);
    }

    /**
     * The common case of two keys (a source and a destination field): the tests of the first key
     * before the second key's first test come first, as a tree; then the second key's load (it
     * faults exactly where the chain's first test of it did) and its tree; then the first key again,
     * from a scratch slot, and its remaining constants. After the second load nothing can fault,
     * so no probes are needed, and since the second and third parts read only A and the slot, the
     * same parts built for another protocol (IPv4 and ARP addresses) are identical and merge.
     */
    private void rebuildTwoKeys(List<Block> chain, Map<List<Insn>, Map<Integer, Integer>> groups, Block t, Block f, int slot,
                                       int[] nextId) {
        List<List<Insn>> keys = new ArrayList<>(groups.keySet());
        List<Integer> keyAt = keyIndexes(chain, keys);
        int p = keyAt.indexOf(1);
        TreeSet<Integer> prefix = new TreeSet<>(Integer::compareUnsigned);
        for (int i = 0; i < p; i++) prefix.add(((Branch.CondK) chain.get(i).branch()).k());
        TreeSet<Integer> rest = new TreeSet<>(Integer::compareUnsigned);
        rest.addAll(groups.get(keys.get(0)).keySet());
        rest.removeAll(prefix);
        Block first = f;
        if (!rest.isEmpty()) {
            first = tree(List.copyOf(rest), t, f, nextId);
            first.stmts().addFirst(new Insn.LoadMem(io.jdump.bpf.Reg.A, slot));
        }
        Block second = tree(List.copyOf(new TreeSet<Integer>(sortedCopy(groups.get(keys.get(1)).keySet()))), t, first, nextId);
        second.stmts().addAll(0, keys.get(1));
        Block root = tree(List.copyOf(prefix), t, second, nextId);
        Block head = chain.getFirst();
        List<Insn> stmts = new ArrayList<>(head.stmts());
        if (!rest.isEmpty()) stmts.add(new Insn.Store(io.jdump.bpf.Reg.A, slot));
        takeOver(head, stmts, root);
    }

    /**
     * Whether the keys alternate more than once: a test of the second key follows a test of the
     * first that follows one of the second. A chain of three runs (first key, second key, first
     * key again) is what a rebuild makes, so it is left alone: rebuilt, it would come out the
     * same (and once {@code reload-from-packet} has turned its slot back into the load it saved,
     * the rebuild and the reload would undo each other round after round).
     */
    private static boolean interleaved(List<Block> chain, Map<List<Insn>, Map<Integer, Integer>> groups) {
        List<Integer> keyAt = keyIndexes(chain, new ArrayList<>(groups.keySet()));
        int runs = 1;
        for (int i = 1; i < keyAt.size(); i++) if (!keyAt.get(i).equals(keyAt.get(i - 1))) runs++;
        return runs >= 4;
    }

    private static TreeSet<Integer> sortedCopy(java.util.Collection<Integer> c) {
        TreeSet<Integer> s = new TreeSet<>(Integer::compareUnsigned);
        s.addAll(c);
        return s;
    }

    private Block tree(List<Integer> cs, Block t, Block notFound, int[] nextId) {
        return tree(cs, java.util.Collections.nCopies(cs.size(), t), 0, cs.size(), notFound, nextId);
    }

    /** A scratch slot no statement of the CFG uses, or -1. */
    static int freeSlot(Graph g) {
        int used = 0;
        for (Block b : g.order()) {
            for (Insn i : b.stmts()) used |= Liveness.uses(i) | Liveness.defs(i);
        }
        for (int s = Insn.MEMWORDS - 1; s >= 0; s--) {
            if ((used & Liveness.mem(s)) == 0) return s;
        }
        return -1;
    }

    private static List<Integer> keyIndexes(List<Block> chain, List<List<Insn>> keys) {
        List<Integer> at = new ArrayList<>(chain.size());
        List<Insn> key = List.of();
        for (Block b : chain) {
            key = key(b.stmts(), key);
            at.add(keys.indexOf(key));
        }
        return at;
    }

    /** For each term of key {@code j}: the later keys tested before it (their loads ran before that term in the original chain). */
    private static Map<Integer, List<Integer>> needs(List<Integer> keyAt, int j, List<Block> chain) {
        Map<Integer, List<Integer>> out = new HashMap<>();
        TreeSet<Integer> seen = new TreeSet<>();
        List<Integer> current = List.of();
        for (int i = 0; i < keyAt.size(); i++) {
            int k = keyAt.get(i);
            if (k > j && seen.add(k)) current = List.copyOf(seen);
            if (k == j) out.put(i, current);
        }
        return out;
    }

    private static Block probe(List<Integer> need, List<List<Insn>> keys, Block t, Map<List<Integer>, Block> probes, int[] nextId) {
        if (need.isEmpty()) return t;
        return probes.computeIfAbsent(need, n -> {
            List<Insn> stmts = new ArrayList<>();
            for (int k : n) stmts.addAll(keys.get(k));
            if (!t.branch().hasSuccessors()) return new Block(nextId[0]++, stmts, t.branch());
            Block p = new Block(nextId[0]++, stmts, new Branch.CondK(JmpOp.JEQ, 0));
            p.setSuccessor(Sense.TRUE, t);
            p.setSuccessor(Sense.FALSE, t);
            return p;
        });
    }

    /** A search over {@code cs[lo, hi)} (sorted unsigned); {@code found.get(i)} is where {@code cs[i]} goes. */
    private Block tree(List<Integer> cs, List<Block> found, int lo, int hi, Block notFound, int[] nextId) {
        return tree(cs, found, lo, hi, notFound, nextId, null);
    }

    /**
     * The same; {@code local} holds the copies of small return blocks shared by the leaves of the
     * enclosing subtree of at most {@link LookupShape#group} constants (null above that size).
     */
    private Block tree(List<Integer> cs, List<Block> found, int lo, int hi, Block notFound, int[] nextId, Map<Block, Block> local) {
        if (local == null && hi - lo <= shape.group()) local = new HashMap<>();
        if (hi - lo <= shape.leaf()) {
            Block next = near(notFound, local, nextId);
            for (int i = hi - 1; i >= lo; i--) next = node(JmpOp.JEQ, cs.get(i), near(found.get(i), local, nextId), next, nextId);
            return next;
        }
        int mid = hi - split.near(hi - lo);
        Block ge = tree(cs, found, mid, hi, notFound, nextId, local);
        Block lt = tree(cs, found, lo, mid, notFound, nextId, local);
        return node(JmpOp.JGE, cs.get(mid), ge, lt, nextId);
    }

    /**
     * A leaf run's own copy of a small return block (a {@code ret}, or a probe's load and
     * {@code ret}), placed beside the run instead of a jump that would need a {@code ja} to reach
     * the shared one far away.
     */
    static Block near(Block target, Map<Block, Block> local, int[] nextId) {
        if (target.branch().hasSuccessors() || target.stmts().size() > MergeIdenticalBlocks.SMALL_RETURN) return target;
        return local.computeIfAbsent(target, t -> new Block(nextId[0]++, t.stmts(), t.branch()));
    }

    static Block node(JmpOp op, int k, Block ifTrue, Block ifFalse, int[] nextId) {
        Block b = new Block(nextId[0]++, List.of(), new Branch.CondK(op, k));
        b.setSuccessor(Sense.TRUE, ifTrue);
        b.setSuccessor(Sense.FALSE, ifFalse);
        return b;
    }
}
