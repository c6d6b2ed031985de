package io.jdump.filter;

import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Program;
import io.jdump.bpf.Validator;
import io.jdump.filter.opt.LookupShape;
import java.util.function.Function;

/**
 * Makes an optimized program that is too large for the kernel ({@link Validator#KERNEL_MAX_INSNS},
 * {@code BPF_MAXINSNS}: {@code SO_ATTACH_FILTER} refuses more) fit, when it can, by compiling
 * again with set lookups of longer leaves ({@link LookupShape#small}): fewer {@code jge}, {@code ja}
 * and copies of returns, longer paths. Of the programs that fit, the one with the shortest
 * longest path is kept; when none does, the first program, whose paths are the shortest.
 *
 * <p>Only instructions a lookup's shape decides can go: its {@code jge}, {@code ja} and returns.
 * What remains (the {@code jeq}, one per constant and field, and the loads) must leave room for
 * them, or no program is tried: a list of 3,000 hosts costs no second compile. Otherwise the
 * leaf length comes from the room left per constant. Each candidate then predicts the next: a
 * lookup has about one {@code jge} per leaf, so leaves of L' take {@code jge · L / L'} of them and
 * everything else stays (measured on host lists of 1,700 to 2,000: within a few instructions for
 * leaves of 5 to 96). A candidate that fits is kept unless the prediction finds leaves at least
 * a sixteenth (and two) shorter that fit too (one more compile); one that does not fit is followed by the
 * leaves predicted to fit, an eighth to a half longer (the prediction is poor for leaves of
 * hundreds, whose returns are copied per leaf). Most fits cost one or two compiles, at
 * most {@link #TRIES}: each is a whole compile, the most expensive step of a cold start.
 */
final class KernelFit {
    private KernelFit() {}

    /** Most compiles spent looking for a program that fits. */
    static final int TRIES = 4;
    /** A group of leaves shares one copy of each return: about as far as a conditional jump reaches. */
    private static final int GROUP = 240;
    /** Instructions a prediction keeps free: sizes wander by a few as the leaves' boundaries move. */
    private static final int MARGIN = 4;

    /** {@code first} if it fits or nothing fits better; else the fitting program of {@code compile} with the shortest paths. */
    static Program fit(Program first, Function<LookupShape, Program> compile) {
        int limit = Validator.KERNEL_MAX_INSNS;
        if (first.size() <= limit) return first;
        int jeq = 0, shaped = 0;
        for (Insn i : first.insns()) {
            switch (i) {
                case Insn.JmpK j when j.op() == JmpOp.JEQ -> jeq++;
                case Insn.JmpK j when j.op() == JmpOp.JGE -> shaped++;
                case Insn.Ja _, Insn.RetK _, Insn.RetA _ -> shaped++;
                default -> { }
            }
        }
        int leaf = firstLeaf(first.size() - shaped, jeq, limit);
        if (leaf < 0) return first;
        int shortest = first.longestPath(), bestPath = Integer.MAX_VALUE, tooLarge = 0;
        Program best = null;
        for (int t = 0; t < TRIES; t++) {
            Program p = compile.apply(shape(leaf));
            int next = predictedLeaf(p, leaf, limit - MARGIN);
            if (p.size() <= limit) {
                int path = p.longestPath();
                if (path < bestPath) {
                    best = p;
                    bestPath = path;
                }
                // Shorter leaves are worth a compile when the prediction says they fit, are clearly
                // shorter, and are longer than leaves already seen too large.
                if (path <= shortest || best != p || next > leaf - Math.max(2, leaf / 16) || next <= tooLarge) break;
                leaf = next;
            } else {
                if (best != null || leaf >= jeq) break;   // a shorter leaf's guess missed: keep the fit; or nothing smaller
                tooLarge = leaf;
                leaf = Math.min(jeq, Math.clamp(next, leaf + Math.max(1, leaf / 8), leaf + Math.max(1, leaf / 2)));
            }
        }
        return best == null ? first : best;
    }

    /**
     * The shortest leaf predicted to make {@code p}, compiled with leaves of {@code leaf}, at most
     * {@code room} instructions: its {@code jge} scale with one over the leaf, the rest stays.
     * {@link Integer#MAX_VALUE} when the rest alone is too large.
     */
    private static int predictedLeaf(Program p, int leaf, int room) {
        int jge = 0;
        for (Insn i : p.insns()) if (i instanceof Insn.JmpK j && j.op() == JmpOp.JGE) jge++;
        int free = room - (p.size() - jge);
        if (free <= 0) return Integer.MAX_VALUE;
        long l = ((long) jge * leaf + free - 1) / free;
        return (int) Math.max(LookupShape.DEFAULT.leaf() + 1, Math.min(Integer.MAX_VALUE, l));
    }

    /**
     * The leaf length to try first, from the room a program of {@code rest} instructions that a
     * lookup's shape does not decide (its {@code jeq} and loads) leaves for those it does (its
     * {@code jge}, {@code ja} and returns); -1 when there is none. Measured on host lists: leaves of
     * L cost about jeq / L {@code jge}, half as many returns and {@code ja} for the leaves' exits,
     * and one {@code ja} or return copy per 200 instructions.
     */
    private static int firstLeaf(int rest, int jeq, int limit) {
        int room = limit - rest - (rest + 199) / 200;
        if (room <= 0) return -1;
        return Math.max(LookupShape.DEFAULT.leaf() + 1, (3 * jeq + 2 * room - 1) / (2 * room));
    }

    /** Leaves of at most {@code leaf} constants, whole leaves per copy of a return, as many as fit in a jump's reach. */
    static LookupShape shape(int leaf) {
        return LookupShape.small(leaf, Math.max(leaf, GROUP / leaf * leaf));
    }
}
