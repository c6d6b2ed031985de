package io.jdump.filter;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Program;
import io.jdump.bpf.Size;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Path-covering test packets for a classic BPF program, found by concolic search: run a packet, and for
 * every conditional jump on the way write into the packet the bytes that send that jump the other way
 * (the load feeding the comparison, through the ALU operations between them, inverted), keeping each
 * mutant that reaches a branch direction no earlier packet reached (and searching on from the others too,
 * within a bound of runs). Packet length ({@code len}) is
 * flipped through the wire length; loads past the end grow the packet. Extension loads are not flipped.
 */
final class PathPackets {
    private PathPackets() {}

    private static final int LIMIT = 160;
    /** Runs per program: packets that reach nothing new are still flipped further (their other bytes may matter). */
    private static final int MAX_RUNS = 400;

    /** One ALU step applied to the loaded value before the comparison, with the value it was applied to. */
    private record Step(AluOp op, int k, int before) {}

    /** Where the accumulator came from: a packet load ({@code pos} >= 0), the length (pos = -2), or unknown (-1). */
    private record Source(int pos, int bytes, List<Step> steps) {}

    /** A conditional jump taken on a run: the instruction, the direction and the accumulator's source. */
    private record Branch(int pc, boolean taken, JmpOp op, int k, int a, Source src) {}

    /** Packets covering both directions of as many jumps of {@code p} as the search reaches from {@code seeds}. */
    static List<Packets.Pkt> cover(Program p, List<Packets.Pkt> seeds) {
        Set<Long> seen = new HashSet<>();
        List<Packets.Pkt> out = new ArrayList<>();
        Deque<Packets.Pkt> work = new ArrayDeque<>(seeds);
        java.util.Random rnd = new java.util.Random(1);
        Set<Integer> tried = new HashSet<>();
        for (int runs = 0; !work.isEmpty() && out.size() < LIMIT && runs < MAX_RUNS; runs++) {
            Packets.Pkt pkt = work.poll();
            if (!tried.add(31 * Arrays.hashCode(pkt.data()) + pkt.wirelen())) continue;
            List<Branch> trace = new ArrayList<>();
            run(p, pkt, trace);
            boolean fresh = false;
            for (Branch b : trace) fresh |= seen.add((long) b.pc() << 1 | (b.taken() ? 1 : 0));
            if (fresh || seeds.contains(pkt)) out.add(pkt);
            for (Branch b : trace) {
                if (seen.contains((long) b.pc() << 1 | (b.taken() ? 0 : 1))) continue;
                Packets.Pkt flipped = flip(pkt, b, null);
                if (flipped != null) work.add(flipped);
                Packets.Pkt noisy = flip(pkt, b, rnd);
                if (noisy != null) work.add(noisy);
            }
        }
        List<Packets.Pkt> cut = new ArrayList<>();
        for (Packets.Pkt q : out) {
            if (q.data().length > 1) cut.add(new Packets.Pkt(Arrays.copyOf(q.data(), q.data().length / 2), q.wirelen()));
        }
        out.addAll(cut);
        return out;
    }

    /**
     * {@code pkt} with the bytes feeding {@code b} rewritten to send it the other way, or null. With {@code rnd}, the
     * bits a mask ignores are random rather than kept (e.g. an IPv4 header length nibble next to the version).
     */
    private static Packets.Pkt flip(Packets.Pkt pkt, Branch b, java.util.Random rnd) {
        Long target = target(b);
        if (target == null || b.src().pos() == -1) return null;
        long v = target;
        List<Step> steps = b.src().steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            int t = (int) v;
            Long u = switch (s.op()) {
                case AND -> (t & ~s.k()) != 0 ? null
                        : (long) (((rnd == null ? s.before() : rnd.nextInt()) & ~s.k()) | t);
                case OR -> (t & s.k()) != s.k() ? null : (long) t;
                case ADD -> (long) (t - s.k());
                case SUB -> (long) (t + s.k());
                case RSH -> s.k() >= 32 ? null : (long) ((t << s.k()) | (s.before() & ((1 << s.k()) - 1)));
                case LSH -> s.k() >= 32 || (t & ((1 << s.k()) - 1)) != 0 ? null : (long) (t >>> s.k());
                case XOR -> (long) (t ^ s.k());
                default -> null;
            };
            if (u == null) return null;
            v = u & 0xffffffffL;
        }
        if (b.src().pos() == -2) return new Packets.Pkt(pkt.data(), (int) Math.min(v, 1 << 20));
        int bytes = b.src().bytes();
        if (bytes < 4 && rnd != null) v &= (1L << 8 * bytes) - 1;
        if (bytes < 4 && v >>> (8 * bytes) != 0) return null;
        int end = b.src().pos() + bytes;
        byte[] d = pkt.data().length >= end ? pkt.data().clone() : Arrays.copyOf(pkt.data(), end);
        for (int i = 0; i < bytes; i++) d[b.src().pos() + i] = (byte) (v >>> (8 * (bytes - 1 - i)));
        return new Packets.Pkt(d, Math.max(pkt.wirelen(), d.length));
    }

    /** An accumulator value that sends the jump the other way, or null. */
    private static Long target(Branch b) {
        long k = Integer.toUnsignedLong(b.k());
        return switch (b.op()) {
            case JEQ -> b.taken() ? (k + 1) & 0xffffffffL : k;
            case JGT -> b.taken() ? k : k == 0xffffffffL ? null : k + 1;
            case JGE -> b.taken() ? (k == 0 ? null : k - 1) : k;
            case JSET -> b.taken() ? Integer.toUnsignedLong(b.a() & ~b.k()) : Integer.toUnsignedLong(b.a() | b.k());
        };
    }

    /** Runs {@code p} on {@code pkt}, recording the conditional jumps. */
    private static void run(Program p, Packets.Pkt pkt, List<Branch> trace) {
        byte[] d = pkt.data();
        int a = 0, x = 0;
        int[] mem = new int[Insn.MEMWORDS];
        Source src = new Source(-1, 0, List.of());
        int pc = 0;
        for (int steps = 0; steps < 10_000 && pc < p.size(); steps++) {
            Insn in = p.get(pc++);
            switch (in) {
                case Insn.LoadAbs(var size, var k) when k < 0 -> {
                    a = 0;
                    src = new Source(-1, 0, List.of());
                }
                case Insn.LoadAbs(var size, var k) -> {
                    if (k + size.bytes() > d.length) return;
                    a = load(d, k, size);
                    src = new Source(k, size.bytes(), List.of());
                }
                case Insn.LoadInd(var size, var k) -> {
                    long off = Integer.toUnsignedLong(x) + Integer.toUnsignedLong(k);
                    if (off + size.bytes() > d.length) return;
                    a = load(d, (int) off, size);
                    src = new Source((int) off, size.bytes(), List.of());
                }
                case Insn.LoadMsh(var k) -> {
                    if (k < 0 || k >= d.length) return;
                    x = 4 * (d[k] & 0xf);
                }
                case Insn.LoadImm(var r, var k) -> {
                    if (r == io.jdump.bpf.Reg.A) {
                        a = k;
                        src = new Source(-1, 0, List.of());
                    } else x = k;
                }
                case Insn.LoadMem(var r, var slot) -> {
                    if (r == io.jdump.bpf.Reg.A) {
                        a = mem[slot];
                        src = new Source(-1, 0, List.of());
                    } else x = mem[slot];
                }
                case Insn.LoadLen(var r) -> {
                    if (r == io.jdump.bpf.Reg.A) {
                        a = pkt.wirelen();
                        src = new Source(-2, 4, List.of());
                    } else x = pkt.wirelen();
                }
                case Insn.Store(var r, var slot) -> mem[slot] = r == io.jdump.bpf.Reg.A ? a : x;
                case Insn.AluK(var op, var k) -> {
                    if ((op == AluOp.DIV || op == AluOp.MOD) && k == 0) return;
                    List<Step> st = new ArrayList<>(src.steps());
                    st.add(new Step(op, k, a));
                    src = new Source(src.pos(), src.bytes(), st);
                    a = op.apply(a, k);
                }
                case Insn.AluX(var op) -> {
                    if ((op == AluOp.DIV || op == AluOp.MOD) && x == 0) return;
                    List<Step> st = new ArrayList<>(src.steps());
                    st.add(new Step(op, x, a));
                    src = new Source(src.pos(), src.bytes(), st);
                    a = op.apply(a, x);
                }
                case Insn.Neg() -> {
                    a = -a;
                    src = new Source(-1, 0, List.of());
                }
                case Insn.Ja(var off) -> pc += off;
                case Insn.JmpK(var op, var k, var jt, var jf) -> {
                    boolean t = op.test(a, k);
                    trace.add(new Branch(pc - 1, t, op, k, a, src));
                    pc += t ? jt : jf;
                }
                case Insn.JmpX(var op, var jt, var jf) -> {
                    boolean t = op.test(a, x);
                    trace.add(new Branch(pc - 1, t, op, x, a, src));
                    pc += t ? jt : jf;
                }
                case Insn.RetK r -> { return; }
                case Insn.RetA r -> { return; }
                case Insn.Tax() -> x = a;
                case Insn.Txa() -> {
                    a = x;
                    src = new Source(-1, 0, List.of());
                }
            }
        }
    }

    private static int load(byte[] d, int k, Size size) {
        return switch (size) {
            case B -> d[k] & 0xff;
            case H -> (d[k] & 0xff) << 8 | (d[k + 1] & 0xff);
            case W -> (d[k] & 0xff) << 24 | (d[k + 1] & 0xff) << 16 | (d[k + 2] & 0xff) << 8 | (d[k + 3] & 0xff);
        };
    }
}
