package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.CfgChecker;
import io.jdump.filter.ir.Cfg;
import java.util.List;

/**
 * Runs optimization {@link Pass}es over a CFG, in order, round after round, until a whole round
 * changes nothing (the Go SSA pass table and QBE's pass driver). The fixed point has a hard cap:
 * failing to converge is a bug and is reported loudly, naming the last pass that changed the CFG.
 * When {@link CfgChecker#enabled()} the invariants are checked after every pass.
 *
 * <p>Order, with reasons: {@code fold-constants} first, so that constant operands are visible to
 * the rest; {@code fold-index} next, on the constant indexes folding exposes; {@code number-values} before {@code thread-jumps}, so that repeated loads are gone and
 * blocks become transparent; {@code remove-recomputed-runs} right after it, for the same reason
 * (the runs of statements that restore A, which it removes as a whole); {@code thread-verdicts} after threading (edges whose packets all
 * end in one verdict go to it); {@code fold-verdicts} after those, which leaves subgraphs whose
 * every path returns the same; {@code reload-from-packet} before {@code remove-dead-stores}, whose
 * scratch stores it leaves unread; {@code remove-dead-stores} after those, which leave stores unread;
 * {@code use-jset} after value numbering (a masked value compared twice is numbered once, then
 * only the last use is rewritten); {@code narrow-masked-loads} after {@code use-jset} (a masked
 * zero test is a {@code jset} by then, and threading has already used the full-width loads'
 * value numbers); {@code merge-straight-blocks} after threading, which leaves blocks whose two edges agree;
 * {@code build-set-lookups} after threading, which turns interleaved protocol tests into runs of
 * comparisons of one value, and {@code build-range-lookups} just before it, so that a chain of
 * ranges with single values among them is one search, not cut by a lookup of its {@code jeq}; {@code merge-identical-blocks} last, to share the identical subtrees
 * the others leave behind (the IPv4 and ARP halves of a host list); {@code merge-indexed-tails}
 * after it, on tails already shared (the IPv6 port tests jump into the IPv4 ones with X = 40).
 * Some passes wait ({@link Pass#waitsFor}): the lookups (and {@code merge-identical-blocks}) until threading has joined
 * every term of a disjunction into one chain, {@code merge-indexed-tails} until no other pass
 * changes anything, so that it does not cut a chain that is not a lookup yet.
 */
public final class PassManager {
    /**
     * Rounds after which a non-converging pipeline is a bug, reported loudly. Two unrolled {@code ip6 protochain}
     * walks (120 rounds each) take more than 64 rounds, each still shrinking the CFG, so the guard is set well above.
     */
    public static final int MAX_ROUNDS = 1024;

    private final List<Pass> passes;
    private final boolean trace;

    PassManager(List<Pass> passes, boolean trace) {
        this.passes = List.copyOf(passes);
        this.trace = trace;
    }

    /** The default pipeline. */
    public static PassManager standard() {
        return standard(false);
    }

    /** The default pipeline; {@code trace} prints each pass's time and result to stderr. */
    static PassManager standard(boolean trace) {
        return standard(LookupShape.DEFAULT, trace);
    }

    /**
     * The default pipeline with set lookups of {@code shape}: {@link LookupShape#DEFAULT} for the
     * shortest paths, longer leaves for smaller programs.
     */
    public static PassManager standard(LookupShape shape) {
        return standard(shape, false);
    }

    /** The same; {@code trace} prints each pass's time and result to stderr. */
    static PassManager standard(LookupShape shape, boolean trace) {
        return new PassManager(List.of(new FoldConstants(), new FoldIndex(), new NumberValues(), new RemoveRecomputedRuns(), new ThreadJumps(), new ThreadVerdicts(), new FoldVerdicts(), new ReloadFromPacket(), new RemoveDeadStores(), new UseJset(),
                new NarrowMaskedLoads(), new MergeStraightBlocks(),
                new BuildRangeLookups(), new BuildSetLookups(shape), new MergeIdenticalBlocks(), new MergeIndexedTails()), trace);
    }

    /**
     * Runs every pass until none changes the CFG; returns {@code cfg}, rewritten in place. Every
     * pass models {@code Goto} blocks (the run-time link-header prologues of 802.11 and PFLOG, and
     * conditional blocks whose edges agree, which {@code merge-straight-blocks} turns into them).
     */
    public Cfg run(Cfg cfg) {
        try {
            return fixedPoint(cfg);
        } finally {
            Graph.forget();
        }
    }

    /**
     * The rounds. A pass that ran, reported no change and changed no block ({@link Block#version()}
     * the same before and after) would find nothing again while no block changes: it is skipped until
     * another pass changes something, so the last round runs only the passes before the last
     * change, not all of them, and the result is the same as running every pass every round.
     */
    private Cfg fixedPoint(Cfg cfg) {
        boolean check = CfgChecker.enabled();
        if (check) CfgChecker.check(cfg, "code generation");
        long[] cleanAt = new long[passes.size()];
        java.util.Arrays.fill(cleanAt, -1);
        String changed = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            changed = null;
            boolean[] changedNow = new boolean[passes.size()];
            for (int i = 0; i < passes.size(); i++) {
                Pass p = passes.get(i);
                long before = Block.version();
                if (cleanAt[i] == before || waits(p, changedNow)) continue;
                long t0 = trace ? System.nanoTime() : 0;
                boolean c = p.run(cfg);
                if (c) {
                    changed = p.name();
                    changedNow[i] = true;
                }
                long after = Block.version();
                cleanAt[i] = !c && after == before ? after : -1;
                if (trace) System.err.printf("round %d %s: %s, %.1f ms, %d blocks%n", round, p.name(), c ? "changed" : "unchanged",
                        (System.nanoTime() - t0) / 1e6, cfg.order().size());
                if (check) CfgChecker.check(cfg, p.name());
            }
            if (changed == null) return cfg;
        }
        throw new IllegalStateException("optimizer did not converge after " + MAX_ROUNDS + " rounds; last changing pass: " + changed);
    }

    /** Whether {@code p} waits for one of the passes that changed the CFG earlier in this round ({@code changedNow}). */
    private boolean waits(Pass p, boolean[] changedNow) {
        for (int i = 0; i < passes.size() && passes.get(i) != p; i++) if (changedNow[i] && p.waitsFor(passes.get(i))) return true;
        return false;
    }
}
