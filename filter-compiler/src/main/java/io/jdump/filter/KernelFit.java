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
 * leaf length comes from the room left per constant, then a few compiles (at most {@link #TRIES})
 * look for the shortest leaves that fit: leaves half as long again until a program fits (or a
 * quarter shorter until one does not), then halving the interval between the longest leaves
 * known too large and the shortest known to fit, down to a thirty-second of the leaf.
 */
final class KernelFit {
    private KernelFit() {}

    /** Most compiles spent looking for a program that fits. */
    static final int TRIES = 4;
    /** A group of leaves shares one copy of each return: about as far as a conditional jump reaches. */
    private static final int GROUP = 240;

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
        int tooLarge = -1, fits = -1, shortest = first.longestPath(), bestPath = Integer.MAX_VALUE;
        Program best = null;
        for (int t = 0; t < TRIES; t++) {
            Program p = compile.apply(shape(leaf));
            if (p.size() <= limit) {
                int path = p.longestPath();
                if (path < bestPath) {
                    best = p;
                    bestPath = path;
                }
                if (path <= shortest) break;    // as short as the default: the lookups are not on the longest path
                fits = leaf;
            } else {
                tooLarge = leaf;
            }
            if (fits < 0) {
                if (leaf >= jeq) break;              // one run per lookup already: nothing smaller
                leaf = Math.min(jeq, leaf + leaf / 2);
            } else if (tooLarge < 0) {
                if (leaf <= LookupShape.DEFAULT.leaf() + 1) break;
                leaf = Math.max(LookupShape.DEFAULT.leaf() + 1, leaf - Math.max(1, leaf / 4));
            } else if (fits - tooLarge <= Math.max(1, fits / 32)) {
                break;
            } else {
                leaf = (tooLarge + fits) / 2;
            }
        }
        return best == null ? first : best;
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
