package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Reg;
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
 * Turns a disjunction of range tests of one or two values into binary searches over the ranges
 * (our own design, the range counterpart of {@link BuildSetLookups}): {@code portrange a-b or
 * portrange c-d ...}, with single ports ({@code port e}) merged in as ranges of one.
 *
 * <p>An <em>element</em> is a block whose statements (loads and masks only, or none: the previous
 * element's value) pick the compared value, its <em>key</em>, and one of: {@code jeq #c} (TRUE to
 * the accepting target T; the range [c, c]); {@code jge #a} whose TRUE edge goes to a block of its
 * own with no statements and {@code jgt #b}, whose FALSE edge goes to T (the range [a, b]);
 * {@code jge #a} with TRUE to T ([a, 2^32 - 1]); {@code jgt #b} with FALSE to T ([0, b]). The
 * other edges go to the next element. A <em>chain</em> is a run of elements, each reached only
 * from the one before, of at most two keys, at least one of them a range (chains of {@code jeq}
 * alone are {@link BuildSetLookups}'), ending in F; a CFG without {@code jgt} is not searched. Comparisons are unsigned, as in BPF.
 *
 * <p>Each key's ranges are sorted and merged (overlapping or adjacent ranges become one), and
 * searched with {@code jge} on the ranges' lower bounds, a leaf testing the upper bound (and the
 * lower one when no {@code jge} above decided it): a packet runs O(log n) comparisons. One key:
 * the head's loads, then the tree. Two keys (source and destination): as
 * {@link BuildSetLookups}'s two keys, the first key's ranges tested before the second key's first
 * test, then the second key's loads and all its ranges, then the first key again from a scratch
 * slot and its other ranges. Exact to the fault for the same reasons: every load of a key after
 * its first is of bytes already read, and the second key's load comes where its first test was.
 *
 * <p>Made only when the searches take no more instructions than the chain (a range costs two
 * either way, and loads of a key after its first go; many single ports with one range would grow).
 *
 * <p>Preconditions: CFG invariants; T and F read neither A nor X, all X writes in the chain are
 * one {@code ldxb 4*([k]&0xf)} in its head. Postconditions: the same verdict for every packet;
 * no chain of {@link #MIN_ELEMENTS} or more elements with a range remains (the searches are not
 * chains: a leaf's exits are T and F), so a second run finds nothing.
 */
final class BuildRangeLookups implements Pass {
    /** Fewest elements worth a search. */
    static final int MIN_ELEMENTS = 4;
    /** Most ranges of a subtree whose leaves share one nearby copy of each small return block (smaller searches have none). */
    private static final int GROUP = 32;
    private static final long MAX = 0xffffffffL;

    @Override
    public String name() { return "build-range-lookups"; }

    /** Waits for threading, as {@link BuildSetLookups}: a chain rebuilt before it is whole would become several searches in turn. */
    @Override
    public boolean waitsFor(Pass earlier) { return BuildSetLookups.joinsChains(earlier); }

    /** One element: its blocks, its key, its range (unsigned bounds in longs). */
    private record Element(List<Block> blocks, List<Insn> key, long lo, long hi, boolean range) {}

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        if (!anyUpperBound(g)) return false;
        Liveness live = Liveness.of(g);
        int[] nextId = {g.nextId()};
        Set<Block> used = new HashSet<>();
        int slot = BuildSetLookups.freeSlot(g);
        boolean changed = false;
        for (Block b : g.order()) {
            if (used.contains(b) || b.stmts().isEmpty() || !BuildSetLookups.keyable(b.stmts())) continue;
            Block t = target(b);
            if (t == null) continue;
            List<Element> chain = chain(g, b, t);
            for (Element e : chain) used.addAll(e.blocks);
            if (chain.size() < MIN_ELEMENTS || chain.stream().noneMatch(Element::range)) continue;
            Block f = next(chain.getLast());
            List<Block> blocks = new ArrayList<>();
            for (Element e : chain) blocks.addAll(e.blocks);
            if (live.reads(t, Liveness.A | Liveness.X) || live.reads(f, Liveness.A | Liveness.X) || !BuildSetLookups.xStable(blocks)) continue;
            List<List<Insn>> keys = new ArrayList<>();
            for (Element e : chain) if (!keys.contains(e.key)) keys.add(e.key);
            if (keys.size() > 2 || keys.size() == 2 && slot < 0) continue;
            int before = -b.stmts().size();   // the head's loads stay
            for (Block x : blocks) before += x.stmts().size() + 1;
            Rebuilt r = keys.size() == 1 ? one(chain, t, f, nextId) : two(chain, keys, t, f, slot, nextId);
            if (r.size > before) continue;
            List<Insn> stmts = new ArrayList<>(b.stmts());
            stmts.addAll(r.root.stmts());
            BuildSetLookups.takeOver(b, stmts, r.root);
            changed = true;
        }
        return changed;
    }

    /**
     * Whether some block tests {@code jgt}: a range with an upper bound below 2^32 - 1 has one. Without
     * it there is nothing to do but half-open ranges, which are left alone; a host list's thousands
     * of {@code jeq} and its trees' {@code jge} are not walked (10,000 hosts: 140 ms of a cold compile).
     */
    private static boolean anyUpperBound(Graph g) {
        for (Block b : g.order()) if (b.branch() instanceof Branch.CondK(var op, var k) && op == JmpOp.JGT) return true;
        return false;
    }

    /** The accepting target of a chain that starts at {@code b}, or null when {@code b} is no element. */
    private static Block target(Block b) {
        if (!(b.branch() instanceof Branch.CondK(var op, var k))) return null;
        return switch (op) {
            case JEQ -> b.successor(Sense.TRUE);
            case JGT -> b.successor(Sense.FALSE);
            case JGE -> {
                Block p = b.successor(Sense.TRUE);
                yield upper(p) ? p.successor(Sense.FALSE) : p;
            }
            default -> null;
        };
    }

    /** A block that can be the upper half of a range: no statements, {@code jgt}. */
    private static boolean upper(Block p) {
        return p.stmts().isEmpty() && p.branch() instanceof Branch.CondK(var op, var k) && op == JmpOp.JGT;
    }

    private static List<Element> chain(Graph g, Block head, Block t) {
        List<Element> out = new ArrayList<>();
        List<Insn> key = List.of();
        Block b = head;
        Element prev = null;
        while (true) {
            if (b != head && (!BuildSetLookups.keyable(b.stmts()) || !fromOnly(g, b, prev))) return out;
            Element e = element(g, b, t, BuildSetLookups.key(b.stmts(), key));
            if (e == null) return out;
            out.add(e);
            key = e.key;
            prev = e;
            b = next(e);
            if (b == t || b == null) return out;
        }
    }

    /** Whether every predecessor of {@code b} is a block of {@code prev}. */
    private static boolean fromOnly(Graph g, Block b, Element prev) {
        for (Block p : g.predsOf(b)) if (!prev.blocks.contains(p)) return false;
        return true;
    }

    private static Element element(Graph g, Block b, Block t, List<Insn> key) {
        if (!(b.branch() instanceof Branch.CondK(var op, var k)) || key.isEmpty()) return null;
        long c = Integer.toUnsignedLong(k);
        switch (op) {
            case JEQ -> {
                if (b.successor(Sense.TRUE) != t || b.successor(Sense.FALSE) == t) return null;
                return new Element(List.of(b), key, c, c, false);
            }
            case JGT -> {
                if (b.successor(Sense.FALSE) != t || b.successor(Sense.TRUE) == t) return null;
                return new Element(List.of(b), key, 0, c, true);
            }
            case JGE -> {
                Block p = b.successor(Sense.TRUE);
                Block n = b.successor(Sense.FALSE);
                if (p == t) return n == t ? null : new Element(List.of(b), key, c, MAX, true);
                if (!upper(p) || g.predsOf(p).size() != 1 || p.successor(Sense.FALSE) != t || p.successor(Sense.TRUE) != n || n == t) return null;
                long hi = Integer.toUnsignedLong(((Branch.CondK) p.branch()).k());
                return hi < c ? null : new Element(List.of(b, p), key, c, hi, true);
            }
            default -> {
                return null;
            }
        }
    }

    /** Where an element goes when its value is not in its range. */
    private static Block next(Element e) {
        Block b = e.blocks.getFirst();
        return switch (((Branch.CondK) b.branch()).op()) {
            case JEQ, JGE -> b.successor(Sense.FALSE);
            default -> b.successor(Sense.TRUE);
        };
    }

    /** A rebuilt chain: the root (its statements go after the head's) and the instructions it takes, return copies aside. */
    private record Rebuilt(Block root, int size) {}

    private Rebuilt one(List<Element> chain, Block t, Block f, int[] nextId) {
        int[] size = {0};
        Block root = search(merged(chain, 0, chain.size(), chain.getFirst().key), t, f, nextId, size);
        return new Rebuilt(root, size[0]);
    }

    private Rebuilt two(List<Element> chain, List<List<Insn>> keys, Block t, Block f, int slot, int[] nextId) {
        int p = 0;
        while (!chain.get(p).key.equals(keys.get(1))) p++;
        int[] size = {0};
        List<long[]> rest = merged(chain, p, chain.size(), keys.get(0));
        Block first = f;
        if (!rest.isEmpty()) {
            first = search(rest, t, f, nextId, size);
            first.stmts().addFirst(new Insn.LoadMem(Reg.A, slot));
            size[0]++;
        }
        Block second = search(merged(chain, 0, chain.size(), keys.get(1)), t, first, nextId, size);
        second.stmts().addAll(0, keys.get(1));
        size[0] += keys.get(1).size();
        Block root = search(merged(chain, 0, p, keys.get(0)), t, second, nextId, size);
        if (!rest.isEmpty()) {
            root.stmts().addFirst(new Insn.Store(Reg.A, slot));
            size[0]++;
        }
        return new Rebuilt(root, size[0]);
    }

    /** The ranges of {@code key} among {@code chain[from, to)}, sorted, overlapping and adjacent ones merged. */
    private static List<long[]> merged(List<Element> chain, int from, int to, List<Insn> key) {
        List<long[]> rs = new ArrayList<>();
        for (int i = from; i < to; i++) if (chain.get(i).key.equals(key)) rs.add(new long[] {chain.get(i).lo, chain.get(i).hi});
        rs.sort((x, y) -> Long.compare(x[0], y[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] r : rs) {
            long[] last = out.isEmpty() ? null : out.getLast();
            if (last != null && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
            else out.add(new long[] {r[0], r[1]});
        }
        return out;
    }

    /** A search over {@code rs} (at least one range); a block with successors, never T or F itself. */
    private static Block search(List<long[]> rs, Block t, Block f, int[] nextId, int[] size) {
        Block b = search(rs, 0, rs.size() - 1, false, t, f, nextId, size, null, rs.size() > GROUP);
        if (b == t || b == f) {   // [0, 2^32 - 1]: every value; a test that any value passes keeps the head conditional
            size[0]++;
            return BuildSetLookups.node(JmpOp.JGE, 0, t, f, nextId);
        }
        return b;
    }

    /** Ranges {@code rs[l..r]}; {@code knownLo}: a value here is at least {@code rs[l]}'s lower bound. */
    private static Block search(List<long[]> rs, int l, int r, boolean knownLo, Block t, Block f, int[] nextId, int[] size,
                                Map<Block, Block> local, boolean copies) {
        if (local == null && copies && r - l < GROUP) local = new HashMap<>();
        if (l == r) {
            long lo = rs.get(l)[0], hi = rs.get(l)[1];
            Block acc = near(t, local, nextId), rej = near(f, local, nextId);
            if (!knownLo && lo == hi) {   // a single value: one jeq instead of jge and jgt
                size[0]++;
                return BuildSetLookups.node(JmpOp.JEQ, (int) lo, acc, rej, nextId);
            }
            Block leaf = acc;
            if (hi != MAX) {
                leaf = BuildSetLookups.node(JmpOp.JGT, (int) hi, rej, acc, nextId);
                size[0]++;
            }
            if (!knownLo && lo != 0) {
                leaf = BuildSetLookups.node(JmpOp.JGE, (int) lo, leaf, rej, nextId);
                size[0]++;
            }
            return leaf;
        }
        int m = (l + r + 1) / 2;
        Block ge = search(rs, m, r, true, t, f, nextId, size, local, copies);
        Block lt = search(rs, l, m - 1, knownLo, t, f, nextId, size, local, copies);
        size[0]++;
        return BuildSetLookups.node(JmpOp.JGE, (int) rs.get(m)[0], ge, lt, nextId);
    }

    /**
     * {@link BuildSetLookups#near}; none in a search of at most {@link #GROUP} ranges ({@code local}
     * null). The copies are not counted in a search's size: they take the place of the {@code ja}
     * a chain as long needs to reach its far returns.
     */
    private static Block near(Block target, Map<Block, Block> local, int[] nextId) {
        if (local == null) return target;
        return BuildSetLookups.near(target, local, nextId);
    }
}
