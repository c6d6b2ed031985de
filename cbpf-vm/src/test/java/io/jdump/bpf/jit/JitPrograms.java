package io.jdump.bpf.jit;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.AncillaryData;
import io.jdump.bpf.Extension;
import io.jdump.bpf.Insn;
import io.jdump.bpf.Insn.*;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Program;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small seeded generator of programs and packets for the round-trip and JIT differential tests.
 * Constants are biased towards the interesting values (small packet offsets, 0, 31..33, around
 * 0x80000000, the ancillary bases) so that loads often succeed and edge cases come up often.
 */
public final class JitPrograms {
    private static final int[] EDGES = {
        0, 1, 2, 3, 4, 7, 8, 14, 15, 16, 31, 32, 33, 63, 64, 255, 256, 0x7fff, 0x8000, 0xffff,
        0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0xfffffff0, Extension.LL_OFF,
        Extension.LL_OFF + 12, Extension.NET_OFF, Extension.NET_OFF + 9, Extension.AD_OFF, Extension.AD_OFF - 1,
    };

    private JitPrograms() {}

    /**
     * A random program of 1..maxLen instructions. With {@code inRange}, every jump lands inside
     * the program (so it can be written with labels); otherwise some jumps leave it. The last
     * instruction is a return in most programs.
     */
    public static Program program(Random r, int maxLen, boolean inRange) {
        int n = 1 + r.nextInt(maxLen);
        List<Insn> insns = new ArrayList<>(n);
        for (int pc = 0; pc < n - 1; pc++) insns.add(insn(r, pc, n, inRange));
        insns.add(r.nextInt(8) == 0 ? insn(r, n - 1, n, inRange) : ret(r));
        return new Program(insns);
    }

    /** One random instruction at {@code pc} of an {@code n}-instruction program. */
    public static Insn insn(Random r, int pc, int n, boolean inRange) {
        int room = inRange ? n - pc - 2 : n - pc + 3;       // largest skip that stays in range (or a few past)
        int kind = r.nextInt(room >= 0 ? 17 : 14);
        return switch (kind) {
            case 0 -> new LoadAbs(size(r), offset(r));
            case 1 -> new LoadInd(size(r), offset(r));
            case 2 -> new LoadMsh(offset(r));
            case 3 -> new LoadImm(reg(r), constant(r));
            case 4 -> new LoadMem(reg(r), r.nextInt(Insn.MEMWORDS));
            case 5 -> new LoadLen(reg(r));
            case 6 -> new Store(reg(r), r.nextInt(Insn.MEMWORDS));
            case 7, 8 -> new AluK(alu(r), constant(r));
            case 9 -> new AluX(alu(r));
            case 10 -> r.nextBoolean() ? new Neg() : new Tax();
            case 11 -> new Txa();
            case 12 -> ret(r);
            case 13 -> new LoadAbs(size(r), r.nextInt(80));
            case 14 -> new Ja(skip(r, room, Integer.MAX_VALUE));
            case 15 -> new JmpK(jmp(r), constant(r), skip(r, room, 255), skip(r, room, 255));
            default -> new JmpX(jmp(r), skip(r, room, 255), skip(r, room, 255));
        };
    }

    private static Insn ret(Random r) {
        return r.nextInt(3) == 0 ? new RetA() : new RetK(r.nextBoolean() ? 0x40000 : constant(r));
    }

    private static int skip(Random r, int room, int max) {
        int limit = Math.min(room, max);
        return r.nextInt(4) == 0 ? 0 : r.nextInt(limit + 1);
    }

    private static Size size(Random r) {
        return Size.values()[r.nextInt(3)];
    }

    private static Reg reg(Random r) {
        return r.nextBoolean() ? Reg.A : Reg.X;
    }

    private static AluOp alu(Random r) {
        return AluOp.values()[r.nextInt(AluOp.values().length)];
    }

    private static JmpOp jmp(Random r) {
        return JmpOp.values()[r.nextInt(JmpOp.values().length)];
    }

    /** A packet offset: usually within a small packet, sometimes an edge value. */
    public static int offset(Random r) {
        return r.nextInt(6) == 0 ? EDGES[r.nextInt(EDGES.length)] + r.nextInt(3) - 1 : r.nextInt(72);
    }

    /** A 32-bit constant: an edge value, a small number or random bits. */
    public static int constant(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> EDGES[r.nextInt(EDGES.length)];
            case 1 -> r.nextInt(64);
            case 2 -> r.nextInt(0x10000);
            default -> r.nextInt();
        };
    }

    /** A packet: the captured bytes sit at {@code off} in {@code buf}; {@code wirelen >= caplen}. */
    public record Packet(byte[] buf, int off, int caplen, int wirelen, AncillaryData aux) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("off=" + off + " caplen=" + caplen + " wirelen=" + wirelen + " aux=" + aux + " bytes=");
            for (int i = off; i < off + caplen; i++) sb.append(String.format("%02x", buf[i]));
            return sb.toString();
        }
    }

    /** A random packet of up to 80 captured bytes, with ancillary data in a quarter of them. */
    public static Packet packet(Random r) {
        int caplen = r.nextInt(8) == 0 ? 0 : r.nextInt(81);
        int off = r.nextBoolean() ? 0 : r.nextInt(5);
        byte[] buf = new byte[off + caplen + r.nextInt(3)];
        r.nextBytes(buf);
        if (caplen > 0 && r.nextBoolean()) buf[off] = (byte) (0x40 | r.nextInt(16));   // an IPv4-like first byte
        int wirelen = caplen + (r.nextBoolean() ? 0 : r.nextInt(1500));
        return new Packet(buf, off, caplen, wirelen, r.nextInt(4) == 0 ? aux(r) : AncillaryData.NONE);
    }

    private static AncillaryData aux(Random r) {
        long known = r.nextLong();
        int[] values = new int[Extension.values().length];
        for (int i = 0; i < values.length; i++) values[i] = constant(r);
        int net = r.nextInt(4) == 0 ? -1 : r.nextInt(30);
        return new AncillaryData() {
            @Override public boolean has(Extension e) { return (known >>> e.ordinal() & 1) != 0; }
            @Override public int get(Extension e) { return values[e.ordinal()]; }
            @Override public int networkOffset() { return net; }
            @Override public String toString() { return "aux(net=" + net + ")"; }
        };
    }
}
