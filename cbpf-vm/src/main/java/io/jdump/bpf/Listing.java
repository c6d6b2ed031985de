package io.jdump.bpf;

import io.jdump.bpf.Insn.*;

/**
 * Text forms of a program, as {@code tcpdump -d}, {@code -dd} and {@code -ddd} print them.
 *
 * <p>{@code -d} is libpcap's {@code bpf_image} listing: {@code (pc) op operand}, the operator
 * padded to 8 columns and, for conditional jumps, the operand padded to 16 columns followed by
 * {@code jt T<TAB>jf F} with absolute targets. Constants print in hex where they are compared
 * or OR-ed and in decimal where they are offsets, counts or arithmetic operands, as libpcap does.
 * Operand-less instructions have no trailing blanks (libpcap after 1.10; the filter suite's form).
 * Decimal operands are printed signed, as libpcap's {@code %d} does: {@code ld [x + -4088]},
 * {@code ret #-1} (the filter suite has the former).
 *
 * <p>{@link #asm} writes Linux {@code bpf_asm} assembly with labels. {@link Assembler#parse} reads
 * every one of these forms back to the same program.
 */
public final class Listing {
    private Listing() {}

    /** The {@code -d} listing: one {@code \n}-terminated line per instruction. */
    public static String image(Program program) {
        StringBuilder sb = new StringBuilder();
        for (int pc = 0; pc < program.size(); pc++) sb.append(line(pc, program.get(pc))).append('\n');
        return sb.toString();
    }

    /** One line of the {@code -d} listing, without the newline. */
    public static String line(int pc, Insn insn) {
        String op = mnemonic(insn);
        String operand = operand(pc, insn);
        return switch (insn) {
            case JmpK(var o, var k, var jt, var jf) -> jumpLine(pc, op, operand, jt, jf);
            case JmpX(var o, var jt, var jf) -> jumpLine(pc, op, operand, jt, jf);
            default -> operand.isEmpty()
                    ? String.format("(%03d) %s", pc, op)
                    : String.format("(%03d) %-8s %s", pc, op, operand);
        };
    }

    private static String jumpLine(int pc, String op, String operand, int jt, int jf) {
        return String.format("(%03d) %-8s %-16s jt %d\tjf %d", pc, op, operand, pc + 1 + jt, pc + 1 + jf);
    }

    /** The operator as the listing prints it ({@code ldh}, {@code jset}, {@code ldxb}...). */
    public static String mnemonic(Insn insn) {
        return switch (insn) {
            case LoadAbs(var size, var k) -> "ld" + size.suffix();
            case LoadInd(var size, var k) -> "ld" + size.suffix();
            case LoadMsh _ -> "ldxb";
            case LoadImm(var dst, var k) -> dst.loadMnemonic();
            case LoadMem(var dst, var slot) -> dst.loadMnemonic();
            case LoadLen(var dst) -> dst.loadMnemonic();
            case Store(var src, var slot) -> src.storeMnemonic();
            case AluK(var op, var k) -> op.mnemonic();
            case AluX(var op) -> op.mnemonic();
            case Neg _ -> "neg";
            case Ja _ -> "ja";
            case JmpK(var op, var k, var jt, var jf) -> op.mnemonic();
            case JmpX(var op, var jt, var jf) -> op.mnemonic();
            case RetK _, RetA _ -> "ret";
            case Tax _ -> "tax";
            case Txa _ -> "txa";
        };
    }

    /** The operand as the listing prints it at {@code pc} (jump targets are absolute). */
    public static String operand(int pc, Insn insn) {
        return switch (insn) {
            case LoadAbs(var size, var k) -> "[" + absName(k) + "]";
            case LoadInd(var size, var k) -> "[x + " + k + "]";
            case LoadMsh(var k) -> "4*([" + k + "]&0xf)";
            case LoadImm(var dst, var k) -> "#0x" + Integer.toHexString(k);
            case LoadMem(var dst, var slot) -> "M[" + slot + "]";
            case LoadLen _ -> "#pktlen";
            case Store(var src, var slot) -> "M[" + slot + "]";
            case AluK(var op, var k) -> op.hexOperand() ? "#0x" + Integer.toHexString(k) : "#" + k;
            case AluX _, JmpX _ -> "x";
            case Ja(var offset) -> Long.toString(pc + 1L + offset);
            case JmpK(var op, var k, var jt, var jf) -> "#0x" + Integer.toHexString(k);
            case RetK(var k) -> "#" + k;
            case Neg _, RetA _, Tax _, Txa _ -> "";
        };
    }

    private static String absName(int k) {
        Extension ext = Extension.ofK(k);
        return ext != null ? ext.listingName() : Integer.toString(k);
    }

    /** The {@code -dd} form: a C array body, {@code { 0x28, 0, 0, 0x0000000c },} per instruction. */
    public static String cArray(Program program) {
        StringBuilder sb = new StringBuilder();
        for (RawInsn r : Codec.encode(program)) {
            sb.append(String.format("{ 0x%x, %d, %d, 0x%08x },\n", r.code(), r.jt(), r.jf(), r.k()));
        }
        return sb.toString();
    }

    /** The {@code -ddd} form: the instruction count, then {@code code jt jf k} in decimal per line. */
    public static String decimal(Program program) {
        StringBuilder sb = new StringBuilder().append(program.size()).append('\n');
        for (RawInsn r : Codec.encode(program)) {
            sb.append(r.code()).append(' ').append(r.jt()).append(' ').append(r.jf()).append(' ')
              .append(Integer.toUnsignedString(r.k())).append('\n');
        }
        return sb.toString();
    }

    /**
     * The program as Linux {@code bpf_asm} assembly: one instruction a line, jump targets as labels
     * {@code L<pc>:} in front of the instructions they name, constants as the listing prints them,
     * ancillary loads by their {@code bpf_asm} names ({@code ld #proto}, {@code ldb #vlan_avail}).
     * {@link Assembler#parse} reads it back to an equal program.
     *
     * @throws IllegalArgumentException when a jump leaves the program, which no label can name
     */
    public static String asm(Program program) {
        boolean[] target = new boolean[program.size()];
        for (int pc = 0; pc < program.size(); pc++) {
            for (long t : targets(pc, program.get(pc))) {
                if (t >= program.size()) {
                    throw new IllegalArgumentException(line(pc, program.get(pc)) + ": jump past end of program has no label");
                }
                target[(int) t] = true;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int pc = 0; pc < program.size(); pc++) {
            String label = target[pc] ? "L" + pc + ":" : "";
            sb.append(String.format("%-7s %s", label, asmLine(pc, program.get(pc))).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static long[] targets(int pc, Insn insn) {
        return switch (insn) {
            case Ja(var offset) -> new long[] {pc + 1L + offset};
            case JmpK(var op, var k, var jt, var jf) -> new long[] {pc + 1L + jt, pc + 1L + jf};
            case JmpX(var op, var jt, var jf) -> new long[] {pc + 1L + jt, pc + 1L + jf};
            default -> new long[0];
        };
    }

    private static String asmLine(int pc, Insn insn) {
        String op = mnemonic(insn);
        return switch (insn) {
            case LoadAbs(var size, var k) when Extension.ofK(k) != null -> op + " #" + AsmParser.asmName(Extension.ofK(k));
            case LoadLen _ -> op + " #len";
            case RetA _ -> "ret a";
            case Ja(var offset) -> "ja L" + (pc + 1 + offset);
            case JmpK(var o, var k, var jt, var jf) -> op + " #0x" + Integer.toHexString(k) + ", L" + (pc + 1 + jt) + ", L" + (pc + 1 + jf);
            case JmpX(var o, var jt, var jf) -> op + " x, L" + (pc + 1 + jt) + ", L" + (pc + 1 + jf);
            default -> (op + " " + operand(pc, insn)).strip();
        };
    }
}
