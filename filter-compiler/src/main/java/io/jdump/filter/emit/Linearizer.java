package io.jdump.filter.emit;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Program;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Emits a {@link Cfg} as a linear {@link Program}: blocks in {@link Cfg#order()}, each as its
 * statements then its jump with relative {@code jt}/{@code jf}. A conditional jump can skip at
 * most 255 instructions; a target further away is reached through a {@code ja} placed right after
 * the jump (libpcap's "long jumps"), or through such a {@code ja} of a later jump to the same
 * target when it lies within reach (one trampoline for all the not-found exits of a lookup's
 * leaves nearby), and layout is repeated until every offset fits. A {@code Goto}
 * costs nothing when its target comes next; a {@code Goto} to a return without statements is
 * emitted as a copy of that {@code ret} (as long as the {@code ja}, and one jump less).
 */
public final class Linearizer {
    private Linearizer() {}

    /** Linearizes {@code cfg}. */
    public static Program emit(Cfg cfg) {
        List<Block> order = cfg.order();
        int n = order.size();
        // Blocks are numbered by their place in the order (Block marks, owned by this call), and
        // everything known about them is kept in arrays by that number.
        Layout l = new Layout(n);
        for (int i = 0; i < n; i++) order.get(i).setMark(l, i);
        for (int i = 0; i < n; i++) {
            Block b = order.get(i);
            if (b.branch() instanceof Branch.Goto) {
                boolean next = i + 1 < n && order.get(i + 1) == b.successor(Sense.TRUE);
                l.gotoSize[i] = next ? 0 : 1;
            }
        }
        // Edges to far targets: their own trampoline (longT/longF), or another edge's trampoline to the
        // same target that lies ahead within reach (shared, costs no instruction). Own trampolines are
        // only ever added, so the layout loop ends; a round adding none leaves every edge valid.
        boolean changed = true;
        while (changed) {
            changed = false;
            Arrays.fill(l.sharedT, -1);
            Arrays.fill(l.sharedF, -1);
            int pc = 0;
            for (int i = 0; i < n; i++) {
                Block b = order.get(i);
                l.start[i] = pc;
                pc += b.branch() instanceof Branch.Goto ? b.stmts().size() + l.gotoSize[i] : size(b, l, i);
            }
            @SuppressWarnings("unchecked")
            TreeSet<Integer>[] tramps = new TreeSet[n];    // by target: the pcs of the trampolines to it
            for (int i = 0; i < n; i++) {
                Block b = order.get(i);
                if (!b.branch().isConditional()) continue;
                int jumpPc = l.start[i] + b.stmts().size();
                if (l.longT[i]) tramp(tramps, l.index(b.successor(Sense.TRUE))).add(jumpPc + 1);
                if (l.longF[i]) tramp(tramps, l.index(b.successor(Sense.FALSE))).add(jumpPc + 1 + (l.longT[i] ? 1 : 0));
            }
            // Backwards, so that a jump sees the trampolines of the later jumps, including those added now.
            for (int i = n - 1; i >= 0; i--) {
                Block b = order.get(i);
                if (!b.branch().isConditional()) continue;
                int jumpPc = l.start[i] + b.stmts().size();
                for (Sense s : Sense.values()) {
                    boolean[] flags = s == Sense.TRUE ? l.longT : l.longF;
                    int target = l.index(b.successor(s));
                    int off = l.start[target] - jumpPc - 1;
                    if (off <= 255 || flags[i]) continue;
                    TreeSet<Integer> at = tramps[target];
                    Integer t = at == null ? null : at.higher(jumpPc + (s == Sense.FALSE && l.longT[i] ? 1 : 0));
                    if (t != null && t - jumpPc - 1 <= 255) {
                        (s == Sense.TRUE ? l.sharedT : l.sharedF)[i] = t;
                    } else {
                        flags[i] = true;
                        tramp(tramps, target).add(jumpPc + 1);
                        changed = true;
                    }
                }
            }
        }
        List<Insn> out = new ArrayList<>(l.start[n - 1] + order.get(n - 1).stmts().size() + 3);
        for (int i = 0; i < n; i++) emitBlock(order.get(i), i, l, out);
        return new Program(out);
    }

    /** What layout knows of each block, by its index in the order. */
    private static final class Layout {
        final boolean[] longT, longF;
        final int[] start, gotoSize, sharedT, sharedF;    // sharedT/F: the pc of another jump's trampoline used, or -1

        Layout(int n) {
            longT = new boolean[n];
            longF = new boolean[n];
            start = new int[n];
            gotoSize = new int[n];
            sharedT = new int[n];
            sharedF = new int[n];
        }

        int index(Block b) {
            return b.mark(this, -1);
        }

        int start(Block b) {
            return start[index(b)];
        }
    }

    private static TreeSet<Integer> tramp(TreeSet<Integer>[] tramps, int target) {
        if (tramps[target] == null) tramps[target] = new TreeSet<>();
        return tramps[target];
    }

    private static int size(Block b, Layout l, int i) {
        return b.stmts().size() + 1 + (l.longT[i] ? 1 : 0) + (l.longF[i] ? 1 : 0);
    }

    private static void emitBlock(Block b, int i, Layout l, List<Insn> out) {
        out.addAll(b.stmts());
        int jumpPc = out.size();
        switch (b.branch()) {
            case Branch.Return(var k) -> out.add(new Insn.RetK(k));
            case Branch.ReturnA() -> out.add(new Insn.RetA());
            case Branch.Goto() -> {
                if (l.start(b.successor(Sense.TRUE)) != jumpPc) out.add(farJump(b.successor(Sense.TRUE), l, jumpPc));
            }
            case Branch.CondK(var op, var k) -> {
                int[] jtf = targets(b, i, l, jumpPc);
                out.add(new Insn.JmpK(op, k, jtf[0], jtf[1]));
                trampolines(b, i, l, out);
            }
            case Branch.CondX(var op) -> {
                int[] jtf = targets(b, i, l, jumpPc);
                out.add(new Insn.JmpX(op, jtf[0], jtf[1]));
                trampolines(b, i, l, out);
            }
        }
    }

    private static int[] targets(Block b, int i, Layout l, int jumpPc) {
        boolean lt = l.longT[i], lf = l.longF[i];
        int jt = lt ? 0 : (l.sharedT[i] >= 0 ? l.sharedT[i] : l.start(b.successor(Sense.TRUE))) - jumpPc - 1;
        int jf = lf ? (lt ? 1 : 0) : (l.sharedF[i] >= 0 ? l.sharedF[i] : l.start(b.successor(Sense.FALSE))) - jumpPc - 1;
        return new int[] {jt, jf};
    }

    private static void trampolines(Block b, int i, Layout l, List<Insn> out) {
        if (l.longT[i]) out.add(new Insn.Ja(l.start(b.successor(Sense.TRUE)) - out.size() - 1));
        if (l.longF[i]) out.add(new Insn.Ja(l.start(b.successor(Sense.FALSE)) - out.size() - 1));
    }

    /** A {@code Goto}'s {@code ja} to {@code t} from {@code pc}, or a copy of {@code t} when it is a bare return (as long, and one jump less). */
    private static Insn farJump(Block t, Layout l, int pc) {
        if (bareReturn(t)) return t.branch() instanceof Branch.Return(var k) ? new Insn.RetK(k) : new Insn.RetA();
        return new Insn.Ja(l.start(t) - pc - 1);
    }

    private static boolean bareReturn(Block b) {
        return !b.branch().hasSuccessors() && b.stmts().isEmpty();
    }
}
