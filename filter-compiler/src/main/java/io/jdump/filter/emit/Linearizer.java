package io.jdump.filter.emit;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Program;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<Block, Integer> longT = new HashMap<>();
        Map<Block, Integer> longF = new HashMap<>();
        Map<Block, Integer> start = new HashMap<>();
        Map<Block, Integer> gotoSize = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            Block b = order.get(i);
            if (b.branch() instanceof Branch.Goto) {
                boolean next = i + 1 < order.size() && order.get(i + 1) == b.successor(Sense.TRUE);
                gotoSize.put(b, next ? 0 : 1);
            }
        }
        // Edges to far targets: their own trampoline (longT/longF), or another edge's trampoline to the
        // same target that lies ahead within reach (shared, costs no instruction). Own trampolines are
        // only ever added, so the layout loop ends; a round adding none leaves every edge valid.
        Map<Block, Integer> sharedT = new HashMap<>();
        Map<Block, Integer> sharedF = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            sharedT.clear();
            sharedF.clear();
            int pc = 0;
            for (Block b : order) {
                start.put(b, pc);
                pc += b.branch() instanceof Branch.Goto ? b.stmts().size() + gotoSize.get(b) : size(b, longT, longF);
            }
            Map<Block, java.util.TreeSet<Integer>> tramps = new HashMap<>();
            for (Block b : order) {
                if (!b.branch().isConditional()) continue;
                int jumpPc = start.get(b) + b.stmts().size();
                if (longT.containsKey(b)) tramps.computeIfAbsent(b.successor(Sense.TRUE), t -> new java.util.TreeSet<>()).add(jumpPc + 1);
                if (longF.containsKey(b)) tramps.computeIfAbsent(b.successor(Sense.FALSE), t -> new java.util.TreeSet<>()).add(jumpPc + 1 + (longT.containsKey(b) ? 1 : 0));
            }
            // Backwards, so that a jump sees the trampolines of the later jumps, including those added now.
            for (Block b : order.reversed()) {
                if (!b.branch().isConditional()) continue;
                int jumpPc = start.get(b) + b.stmts().size();
                for (Sense s : Sense.values()) {
                    Map<Block, Integer> flags = s == Sense.TRUE ? longT : longF;
                    int off = start.get(b.successor(s)) - jumpPc - 1;
                    if (off <= 255 || flags.containsKey(b)) continue;
                    java.util.TreeSet<Integer> at = tramps.get(b.successor(s));
                    Integer t = at == null ? null : at.higher(jumpPc + (s == Sense.FALSE && longT.containsKey(b) ? 1 : 0));
                    if (t != null && t - jumpPc - 1 <= 255) {
                        (s == Sense.TRUE ? sharedT : sharedF).put(b, t);
                    } else {
                        flags.put(b, 1);
                        tramps.computeIfAbsent(b.successor(s), x -> new java.util.TreeSet<>()).add(jumpPc + 1);
                        changed = true;
                    }
                }
            }
        }
        List<Insn> out = new ArrayList<>();
        for (Block b : order) emitBlock(b, start, longT.containsKey(b), longF.containsKey(b), sharedT.get(b), sharedF.get(b), out);
        return new Program(out);
    }

    private static int size(Block b, Map<Block, Integer> longT, Map<Block, Integer> longF) {
        return b.stmts().size() + 1 + longT.getOrDefault(b, 0) + longF.getOrDefault(b, 0);
    }

    private static void emitBlock(Block b, Map<Block, Integer> start, boolean lt, boolean lf, Integer st, Integer sf, List<Insn> out) {
        out.addAll(b.stmts());
        int jumpPc = out.size();
        switch (b.branch()) {
            case Branch.Return(var k) -> out.add(new Insn.RetK(k));
            case Branch.ReturnA() -> out.add(new Insn.RetA());
            case Branch.Goto() -> {
                if (start.get(b.successor(Sense.TRUE)) != jumpPc) out.add(farJump(b.successor(Sense.TRUE), start, jumpPc));
            }
            case Branch.CondK(var op, var k) -> {
                int[] jtf = targets(b, start, jumpPc, lt, lf, st, sf);
                out.add(new Insn.JmpK(op, k, jtf[0], jtf[1]));
                trampolines(b, start, jumpPc, lt, lf, out);
            }
            case Branch.CondX(var op) -> {
                int[] jtf = targets(b, start, jumpPc, lt, lf, st, sf);
                out.add(new Insn.JmpX(op, jtf[0], jtf[1]));
                trampolines(b, start, jumpPc, lt, lf, out);
            }
        }
    }

    private static int[] targets(Block b, Map<Block, Integer> start, int jumpPc, boolean lt, boolean lf, Integer st, Integer sf) {
        int jt = lt ? 0 : (st != null ? st : start.get(b.successor(Sense.TRUE))) - jumpPc - 1;
        int jf = lf ? (lt ? 1 : 0) : (sf != null ? sf : start.get(b.successor(Sense.FALSE))) - jumpPc - 1;
        return new int[] {jt, jf};
    }

    private static void trampolines(Block b, Map<Block, Integer> start, int jumpPc, boolean lt, boolean lf, List<Insn> out) {
        if (lt) out.add(new Insn.Ja(start.get(b.successor(Sense.TRUE)) - out.size() - 1));
        if (lf) out.add(new Insn.Ja(start.get(b.successor(Sense.FALSE)) - out.size() - 1));
    }

    /** A {@code Goto}'s {@code ja} to {@code t} from {@code pc}, or a copy of {@code t} when it is a bare return (as long, and one jump less). */
    private static Insn farJump(Block t, Map<Block, Integer> start, int pc) {
        if (bareReturn(t)) return t.branch() instanceof Branch.Return(var k) ? new Insn.RetK(k) : new Insn.RetA();
        return new Insn.Ja(start.get(t) - pc - 1);
    }

    private static boolean bareReturn(Block b) {
        return !b.branch().hasSuccessors() && b.stmts().isEmpty();
    }
}
