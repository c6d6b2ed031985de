package io.jdump.bpf;

import io.jdump.bpf.Insn.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Whole-program rules of classic BPF: what libpcap's {@code bpf_validate} refuses and, in
 * {@link Mode#KERNEL}, what Linux's {@code bpf_check_classic} ({@code net/core/filter.c}) refuses
 * when a program is attached with {@code SO_ATTACH_FILTER}. Every rule was checked against both by
 * experiment (libpcap 1.10.3 through {@code libpcap.so.0.8}; the kernel through a socket), and the
 * kernel agreement test keeps checking it.
 *
 * <p>Each problem is a {@link ProgramException} naming the pc and quoting the listing line, e.g.
 * {@code (003) ja       7: jump past end of program}; rules about the whole program have pc -1.
 *
 * <p>Rules in both modes: at least one instruction; jumps land inside the program; the last
 * instruction is a return; no division or modulo by the constant 0; scratch indexes 0..15 (only
 * reachable through {@link #decode(RawInsn[], Mode)}: an {@link Insn} cannot hold a bad index);
 * only the 49 instruction forms of {@link Codec}. libpcap itself accepts a few meaningless
 * opcodes (e.g. {@code 0x08}, {@code 0x0e}) and a {@code ja} whose offset wraps around 2^32; we
 * refuse them, which is stricter, never looser.
 *
 * <p>Kernel-only rules: at most {@value #KERNEL_MAX_INSNS} instructions ({@code BPF_MAXINSNS};
 * libpcap has no limit); constant shifts by 32 or more; absolute loads at or above
 * {@code SKF_AD_OFF} that are not a known {@link Extension} (indirect and {@code ldxb} loads are not
 * checked); and scratch reads that may come before a write, decided exactly as the kernel decides
 * it (see {@link #uninitialisedReads}).
 */
public final class Validator {
    /** The largest program the kernel accepts ({@code BPF_MAXINSNS}). */
    public static final int KERNEL_MAX_INSNS = 4096;

    /** Whose rules to apply. */
    public enum Mode {
        /** libpcap's {@code bpf_validate}: the rules for programs run in user space. */
        LIBPCAP,
        /** libpcap's rules plus the Linux classic-BPF checker's, for programs attached to a socket. */
        KERNEL
    }

    private Validator() {}

    /** Returns {@code program} if it passes every rule of {@code mode}; otherwise throws its first problem. */
    public static Program check(Program program, Mode mode) {
        List<ProgramException> found = problems(program, mode);
        if (!found.isEmpty()) throw found.getFirst();
        return program;
    }

    /** Whether {@code program} passes every rule of {@code mode}. */
    public static boolean accepts(Program program, Mode mode) {
        return problems(program, mode).isEmpty();
    }

    /**
     * Decodes {@code struct sock_filter}s and checks the result; the entry point for programs that
     * come from outside (a file, {@code -ddd} text). Throws the first problem, including unknown
     * opcodes, out-of-range scratch indexes and jump offsets that do not fit the model.
     */
    public static Program decode(RawInsn[] raw, Mode mode) {
        List<ProgramException> found = rawProblems(raw, mode);
        if (!found.isEmpty()) throw found.getFirst();
        return check(Codec.decode(raw), mode);
    }

    /** Whether {@link #decode(RawInsn[], Mode)} accepts {@code raw}. */
    public static boolean accepts(RawInsn[] raw, Mode mode) {
        try {
            decode(raw, mode);
            return true;
        } catch (ProgramException e) {
            return false;
        }
    }

    /** Every problem of {@code program} under {@code mode}, in pc order, whole-program problems first. */
    public static List<ProgramException> problems(Program program, Mode mode) {
        List<ProgramException> found = new ArrayList<>();
        int n = program.size();
        if (n == 0) {
            found.add(new ProgramException(-1, null, null, "empty program"));
            return found;
        }
        if (mode == Mode.KERNEL && n > KERNEL_MAX_INSNS) {
            found.add(new ProgramException(-1, null, null,
                    "program has " + n + " instructions, more than the kernel's " + KERNEL_MAX_INSNS));
        }
        for (int pc = 0; pc < n; pc++) {
            String reason = problem(pc, n, program.get(pc), mode);
            if (reason != null) found.add(problemAt(pc, program.get(pc), reason));
        }
        if (!program.get(n - 1).isReturn()) {
            found.add(problemAt(n - 1, program.get(n - 1), "last instruction is not a return"));
        }
        if (mode == Mode.KERNEL && found.isEmpty()) found.addAll(uninitialisedReads(program));
        return found;
    }

    private static ProgramException problemAt(int pc, Insn insn, String reason) {
        return new ProgramException(pc, insn, Listing.line(pc, insn), reason);
    }

    /** The rule {@code insn} at {@code pc} breaks on its own, or null. */
    private static String problem(int pc, int n, Insn insn, Mode mode) {
        boolean kernel = mode == Mode.KERNEL;
        return switch (insn) {
            case Ja(var offset) -> pc + 1L + offset >= n ? "jump past end of program" : null;
            case JmpK(var op, var k, var jt, var jf) -> jumpProblem(pc, n, jt, jf);
            case JmpX(var op, var jt, var jf) -> jumpProblem(pc, n, jt, jf);
            case AluK(var op, var k) -> aluProblem(op, k, kernel);
            case LoadAbs(var size, var k) ->
                    kernel && Integer.compareUnsigned(k, Extension.AD_OFF) >= 0 && Extension.ofK(k) == null
                            ? "unknown ancillary load" : null;
            case LoadInd _, LoadMsh _, LoadImm _, LoadMem _, LoadLen _, Store _, AluX _, Neg _,
                 RetK _, RetA _, Tax _, Txa _ -> null;
        };
    }

    private static String jumpProblem(int pc, int n, int jt, int jf) {
        return pc + 1 + Math.max(jt, jf) >= n ? "jump past end of program" : null;
    }

    private static String aluProblem(AluOp op, int k, boolean kernel) {
        return switch (op) {
            case DIV -> k == 0 ? "division by constant 0" : null;
            case MOD -> k == 0 ? "modulo by constant 0" : null;
            case LSH, RSH -> kernel && Integer.compareUnsigned(k, 32) >= 0 ? "shift by constant 32 or more" : null;
            case ADD, SUB, MUL, OR, AND, XOR -> null;
        };
    }

    /**
     * Scratch reads that may come before a write to the same word, as the kernel's
     * {@code check_load_and_stores} finds them. Walking the program in order, each instruction
     * starts with the words written on every way into it: the fall-through from the previous
     * instruction and every jump that lands on it. Two quirks of the kernel are kept on purpose,
     * so that our verdict is the kernel's: after a jump the fall-through counts as "all words
     * written" (code reached only by a fall-through from a jump is unreachable, and the kernel does
     * not look at it), but after a return it still carries the words written before the return.
     * The program must already be structurally valid (jumps inside it).
     */
    public static List<ProgramException> uninitialisedReads(Program program) {
        final int all = (1 << Insn.MEMWORDS) - 1;
        int n = program.size();
        int[] in = new int[n];
        java.util.Arrays.fill(in, all);
        List<ProgramException> found = new ArrayList<>();
        int written = 0;
        for (int pc = 0; pc < n; pc++) {
            written &= in[pc];
            Insn insn = program.get(pc);
            switch (insn) {
                case Store(var src, var slot) -> written |= 1 << slot;
                case LoadMem(var dst, var slot) -> {
                    if ((written & (1 << slot)) == 0) {
                        found.add(problemAt(pc, insn, "M[" + slot + "] may be read before it is written"));
                    }
                }
                case Ja(var offset) -> {
                    in[pc + 1 + offset] &= written;
                    written = all;
                }
                case JmpK(var op, var k, var jt, var jf) -> written = branch(in, written, pc, jt, jf, all);
                case JmpX(var op, var jt, var jf) -> written = branch(in, written, pc, jt, jf, all);
                case LoadAbs _, LoadInd _, LoadMsh _, LoadImm _, LoadLen _, AluK _, AluX _, Neg _,
                     RetK _, RetA _, Tax _, Txa _ -> { }
            }
        }
        return found;
    }

    private static int branch(int[] in, int written, int pc, int jt, int jf, int all) {
        in[pc + 1 + jt] &= written;
        in[pc + 1 + jf] &= written;
        return all;
    }

    /** Problems visible only in the raw form: length, scratch indexes, wrapping {@code ja}, unknown opcodes. */
    private static List<ProgramException> rawProblems(RawInsn[] raw, Mode mode) {
        List<ProgramException> found = new ArrayList<>();
        if (raw.length == 0) {
            found.add(new ProgramException(-1, null, null, "empty program"));
        } else if (mode == Mode.KERNEL && raw.length > KERNEL_MAX_INSNS) {
            found.add(new ProgramException(-1, null, null,
                    "program has " + raw.length + " instructions, more than the kernel's " + KERNEL_MAX_INSNS));
        }
        for (int pc = 0; pc < raw.length; pc++) {
            ProgramException e = rawProblem(pc, raw[pc]);
            if (e != null) found.add(e);
        }
        return found;
    }

    private static ProgramException rawProblem(int pc, RawInsn r) {
        String prefix = String.format("(%03d) ", pc);
        String mem = switch (r.code()) {
            case 0x02 -> "st";
            case 0x03 -> "stx";
            case 0x60 -> "ld";
            case 0x61 -> "ldx";
            default -> null;
        };
        if (mem != null && Integer.compareUnsigned(r.k(), Insn.MEMWORDS) >= 0) {
            return new ProgramException(pc, null, String.format("%s%-8s M[%d]", prefix, mem, r.k()),
                    "scratch index " + Integer.toUnsignedString(r.k()) + " out of range 0..15");
        }
        if (r.code() == Codec.JMP && r.k() < 0) {
            return new ProgramException(pc, null, String.format("%s%-8s %d", prefix, "ja", pc + 1 + r.k()),
                    "jump past end of program");
        }
        try {
            Codec.decode(pc, r);
            return null;
        } catch (ProgramException e) {
            return e;
        }
    }
}
