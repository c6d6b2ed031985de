package io.jdump.bpf;

import io.jdump.bpf.Insn.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of random valid cBPF programs and of packets to run them on, for differential
 * tests of every backend (interpreter, JIT, libpcap, kernel).
 *
 * <p>Every program passes {@link Validator} in {@link Validator.Mode#LIBPCAP} and libpcap's
 * {@code bpf_validate}, and without {@link Options#ancillary()} also in {@link Validator.Mode#KERNEL}:
 * forward jumps inside the program, a final return, scratch words written before they are read on
 * every path (decided as the kernel decides it, so libpcap's uninitialised scratch never matters),
 * no division or modulo by the constant 0, constant shifts below 32 (undefined in libpcap's C). Within those rules it aims at the edges: loads at
 * offsets near the end of short packets and near 2^32 (where {@code k + 4} overflows an int),
 * ancillary offsets, comparisons around {@code 0x80000000}, X = 0 for {@code div x} and
 * {@code mod x}, X of 31, 32 and 33 for shifts, returns of A larger than any packet.
 */
public final class RandomPrograms {
    /**
     * What to generate.
     *
     * @param maxLength  the longest program, at least 1
     * @param ancillary  whether absolute loads may use Linux ancillary and SKF_NET_OFF/SKF_LL_OFF
     *                   offsets and offsets at or above SKF_AD_OFF that the kernel refuses (false for
     *                   the kernel, whose answer for them depends on the socket)
     * @param xShifts    whether {@code lsh x}/{@code rsh x} may appear (the kernel masks the count to
     *                   5 bits where libpcap gives 0 for X of 32 or more)
     * @param indirect   whether {@code ld [x + k]} may appear (the kernel adds X and k modulo 2^32,
     *                   libpcap refuses a sum that wraps)
     */
    public record Options(int maxLength, boolean ancillary, boolean xShifts, boolean indirect) {
        public Options {
            if (maxLength < 1) throw new IllegalArgumentException("maxLength < 1");
        }

        /** Programs of up to 48 instructions using everything libpcap's {@code bpf_filter} runs deterministically. */
        public static Options libpcap() { return new Options(48, true, true, true); }

        /** Programs whose result on an AF_UNIX datagram is the same in the kernel as in libpcap. */
        public static Options kernel() { return new Options(48, false, false, false); }
    }

    private static final int ALL_WORDS = (1 << Insn.MEMWORDS) - 1;
    private static final int[] EDGE_CONSTANTS = {
        0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 33, 63, 64, 255, 256, 0xffff, 0x10000,
        0x7ffffffe, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff,
    };
    private static final int[] FAR_OFFSETS = {
        0x7fffffff, 0x80000000, 0xfffffff0, 0xfffffffb, 0xfffffffc, 0xfffffffd, 0xfffffffe, 0xffffffff,
        0xffffefff, Extension.NET_OFF, Extension.NET_OFF + 14, Extension.LL_OFF, Extension.LL_OFF + 12,
    };

    private final Random rnd;
    private final Options options;

    /** A generator with its own {@code Random}; the same seed and options give the same sequence. */
    public RandomPrograms(long seed, Options options) {
        this.rnd = new Random(seed);
        this.options = options;
    }

    /** The generator's random source, for tests that draw their own choices from the same seed. */
    public Random random() { return rnd; }

    /** A random valid program. */
    public Program program() {
        int length = 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? options.maxLength() : Math.min(16, options.maxLength()));
        return program(length);
    }

    /** A random valid program of exactly {@code length} instructions. */
    public Program program(int length) {
        List<Insn> insns = new ArrayList<>(length);
        int[] writtenIn = new int[length];
        Arrays.fill(writtenIn, ALL_WORDS);
        int written = 0;
        for (int pc = 0; pc < length; pc++) {
            written &= writtenIn[pc];
            Insn insn = pc == length - 1 ? ret() : insn(pc, length, written);
            insns.add(insn);
            written = flow(insn, pc, written, writtenIn);
        }
        return new Program(insns);
    }

    /** The scratch words known written after {@code insn}, as {@link Validator#uninitialisedReads} counts them. */
    private static int flow(Insn insn, int pc, int written, int[] writtenIn) {
        return switch (insn) {
            case Store(var src, var slot) -> written | 1 << slot;
            case Ja(var offset) -> {
                writtenIn[pc + 1 + offset] &= written;
                yield ALL_WORDS;
            }
            case JmpK(var op, var k, var jt, var jf) -> branch(writtenIn, pc, jt, jf, written);
            case JmpX(var op, var jt, var jf) -> branch(writtenIn, pc, jt, jf, written);
            default -> written;
        };
    }

    private static int branch(int[] writtenIn, int pc, int jt, int jf, int written) {
        writtenIn[pc + 1 + jt] &= written;
        writtenIn[pc + 1 + jf] &= written;
        return ALL_WORDS;
    }

    private Insn insn(int pc, int length, int written) {
        int room = length - pc - 2;     // instructions a jump at pc may skip and still land before the end
        return switch (rnd.nextInt(20)) {
            case 0, 1, 2 -> new LoadAbs(size(), loadOffset(options.ancillary()));
            case 3, 4 -> options.indirect()
                    ? new LoadInd(size(), rnd.nextInt(4) == 0 ? loadOffset(true) : rnd.nextInt(24))
                    : new LoadAbs(size(), loadOffset(false));
            case 5 -> new LoadMsh(loadOffset(options.ancillary()));
            case 6 -> new LoadImm(reg(), constant());
            case 7 -> new LoadLen(reg());
            case 8 -> loadMem(written);
            case 9 -> new Store(reg(), rnd.nextInt(Insn.MEMWORDS));
            case 10, 11 -> aluK();
            case 12 -> aluX();
            case 13 -> rnd.nextBoolean() ? new Neg() : rnd.nextBoolean() ? new Tax() : new Txa();
            case 14 -> room >= 0 && rnd.nextInt(3) == 0 ? new Ja(skip(room)) : new LoadImm(Reg.X, constant());
            case 15, 16, 17 -> room >= 0 ? new JmpK(jmpOp(), constant(), skip(room), skip(room)) : aluK();
            case 18 -> room >= 0 ? new JmpX(jmpOp(), skip(room), skip(room)) : new Tax();
            default -> rnd.nextInt(3) == 0 ? ret() : new LoadImm(Reg.X, constant());
        };
    }

    private Insn ret() {
        return rnd.nextInt(3) == 0 ? new RetK(rnd.nextBoolean() ? constant() : rnd.nextInt(2000)) : new RetA();
    }

    private Insn loadMem(int written) {
        int[] slots = java.util.stream.IntStream.range(0, Insn.MEMWORDS).filter(s -> (written & (1 << s)) != 0).toArray();
        if (slots.length == 0) return new Store(reg(), rnd.nextInt(Insn.MEMWORDS));
        return new LoadMem(reg(), slots[rnd.nextInt(slots.length)]);
    }

    private Insn aluK() {
        AluOp op = AluOp.values()[rnd.nextInt(AluOp.values().length)];
        int k = switch (op) {
            case LSH, RSH -> rnd.nextInt(32);
            case DIV, MOD -> nonZero(constant());
            case ADD, SUB, MUL, OR, AND, XOR -> constant();
        };
        return new AluK(op, k);
    }

    private Insn aluX() {
        AluOp op = AluOp.values()[rnd.nextInt(AluOp.values().length)];
        if (!options.xShifts() && (op == AluOp.LSH || op == AluOp.RSH)) op = AluOp.ADD;
        return new AluX(op);
    }

    private static int nonZero(int k) {
        return k == 0 ? 1 : k;
    }

    private int skip(int room) {
        int max = Math.min(room, 255);
        return rnd.nextInt(4) == 0 ? max : rnd.nextInt(Math.min(max, 6) + 1);
    }

    private Size size() {
        return Size.values()[rnd.nextInt(3)];
    }

    private Reg reg() {
        return rnd.nextBoolean() ? Reg.A : Reg.X;
    }

    private JmpOp jmpOp() {
        return JmpOp.values()[rnd.nextInt(JmpOp.values().length)];
    }

    /** A 32-bit constant: an edge value, a small number, a byte pattern or anything. */
    int constant() {
        return switch (rnd.nextInt(5)) {
            case 0, 1 -> EDGE_CONSTANTS[rnd.nextInt(EDGE_CONSTANTS.length)];
            case 2 -> rnd.nextInt(64);
            case 3 -> rnd.nextInt(0x10000);
            default -> rnd.nextInt();
        };
    }

    /** A packet offset: mostly inside or just past short packets, sometimes far away (at or past SKF_AD_OFF if {@code special}). */
    int loadOffset(boolean special) {
        return switch (rnd.nextInt(10)) {
            case 0 -> FAR_OFFSETS[rnd.nextInt(special ? FAR_OFFSETS.length : 2)];
            case 1 -> special ? Extension.values()[rnd.nextInt(Extension.values().length)].k() : rnd.nextInt(80);
            case 2 -> 1500 + rnd.nextInt(20);
            default -> rnd.nextInt(rnd.nextBoolean() ? 24 : 80);
        };
    }

    /**
     * A raw variant of a valid program that may or may not be valid: one mutation aimed at one
     * validator rule (bad opcode, jump past the end, no final return, scratch read before write,
     * constant division by 0, shift by 32 or more, unknown ancillary offset, scratch index 16 or
     * more, jump skips on a non-jump, a return in the middle, an empty or over-long program, a
     * random constant). Each call picks one at random.
     */
    public RawInsn[] mutate(Program program) {
        List<RawInsn> raw = new ArrayList<>(Arrays.asList(Codec.encode(program)));
        int n = raw.size();
        int pc = rnd.nextInt(n);
        RawInsn r = raw.get(pc);
        switch (rnd.nextInt(14)) {
            case 0 -> raw.set(pc, new RawInsn(rnd.nextInt(8) == 0 ? rnd.nextInt(0x10000) : rnd.nextInt(0x100), r.jt(), r.jf(), r.k()));
            case 1 -> raw.set(pc, new RawInsn(0x05, 0, 0, n - pc - 2 + rnd.nextInt(3)));
            case 2 -> raw.set(pc, new RawInsn(0x15 + 0x10 * rnd.nextInt(4), skipNear(n - pc - 2), skipNear(n - pc - 2), constant()));
            case 3 -> raw.set(n - 1, Codec.encode(insn(n - 1, n, ALL_WORDS)));
            case 4 -> raw.add(pc, new RawInsn(rnd.nextBoolean() ? 0x60 : 0x61, 0, 0, rnd.nextInt(Insn.MEMWORDS)));
            case 5 -> raw.set(pc, new RawInsn(rnd.nextBoolean() ? 0x34 : 0x94, 0, 0, rnd.nextInt(3) == 0 ? 1 : 0));
            case 6 -> raw.set(pc, new RawInsn(rnd.nextBoolean() ? 0x64 : 0x74, 0, 0, 30 + rnd.nextInt(4) + (rnd.nextInt(4) == 0 ? rnd.nextInt() : 0)));
            case 7 -> raw.set(pc, new RawInsn(0x20 | 8 * rnd.nextInt(3) | (rnd.nextInt(4) == 0 ? 0x40 : 0), 0, 0,
                    Extension.AD_OFF + rnd.nextInt(rnd.nextBoolean() ? 72 : 0x1000)));
            case 8 -> raw.set(pc, new RawInsn(new int[] {0x02, 0x03, 0x60, 0x61}[rnd.nextInt(4)], 0, 0, 14 + rnd.nextInt(4)));
            case 9 -> raw.set(pc, new RawInsn(r.code(), rnd.nextInt(256), rnd.nextInt(256), r.k()));
            case 10 -> raw.add(pc, Codec.encode(ret()));
            case 11 -> raw.clear();
            case 12 -> {
                RawInsn fill = new RawInsn(rnd.nextBoolean() ? 0x00 : 0x01, 0, 0, constant());
                int target = Validator.KERNEL_MAX_INSNS - 2 + rnd.nextInt(4);
                while (raw.size() < target) raw.addFirst(fill);
            }
            default -> raw.set(pc, new RawInsn(r.code(), r.jt(), r.jf(), constant()));
        }
        return raw.toArray(RawInsn[]::new);
    }

    private int skipNear(int room) {
        return Math.clamp(room + rnd.nextInt(3) - 1, 0, 255);
    }

    /** A random packet of 0 to 96 bytes (sometimes up to 1518), bytes biased to small and edge values. */
    public byte[] packet() {
        int length = rnd.nextInt(8) == 0 ? rnd.nextInt(1519) : rnd.nextInt(97);
        byte[] pkt = new byte[length];
        for (int i = 0; i < length; i++) {
            pkt[i] = (byte) switch (rnd.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 0xff;
                case 2 -> rnd.nextInt(16);
                default -> rnd.nextInt(256);
            };
        }
        return pkt;
    }

    /** A wire length for a captured packet of {@code caplen} bytes: usually equal, sometimes longer. */
    public int wireLength(int caplen) {
        return switch (rnd.nextInt(4)) {
            case 0 -> caplen + 1 + rnd.nextInt(1500);
            case 1 -> rnd.nextInt(16) == 0 ? -1 : caplen;    // -1: 0xffffffff, a wire length past any int
            default -> caplen;
        };
    }
}
