package io.jdump.filter;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.AncillaryData;
import io.jdump.bpf.Codec;
import io.jdump.bpf.Extension;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.PacketFilter;
import io.jdump.bpf.RawInsn;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-only oracle interpreter over raw instructions, as libpcap's userland {@code bpf_filter} runs them:
 * unlike {@link io.jdump.bpf.Program} it allows the backward {@code ja} that libpcap emits for
 * {@code protochain} (the next pc is {@code pc + 1 + k} modulo 2^32, k read as a signed offset), and it
 * stops a program that runs more than {@link #STEP_LIMIT} instructions (libpcap would loop for ever) with an
 * exception. Loads, arithmetic and jumps have the semantics of {@link io.jdump.bpf.Interpreter} (whose
 * documentation lists them). It can also report a path signature (a hash of the pcs of taken jumps), so that
 * differential tests can tell which packets took distinct paths through the oracle's program.
 */
final class RawBpf implements PacketFilter {
    /** The most instructions one run may execute. */
    static final int STEP_LIMIT = 1 << 20;
    private static final Pattern LINE = Pattern.compile("\\((\\d+)\\) (\\S+)\\s*(.*?)\\s*$");
    private static final Pattern JUMP = Pattern.compile("(#0x[0-9a-f]+|x)\\s+jt (\\d+)\\s+jf (\\d+)");
    private final int[] code;
    private final int[] jt;
    private final int[] jf;
    private final int[] k;

    RawBpf(RawInsn[] raw) {
        int n = raw.length;
        code = new int[n];
        jt = new int[n];
        jf = new int[n];
        k = new int[n];
        for (int i = 0; i < n; i++) {
            code[i] = raw[i].code();
            jt[i] = raw[i].jt();
            jf[i] = raw[i].jf();
            k[i] = raw[i].k();
        }
    }

    /** The instruction count. */
    int size() { return code.length; }

    /**
     * Reads a {@code -d} listing (bpf_image text), backward {@code ja} included; null if it has a form this
     * reader does not know.
     */
    static RawBpf ofListing(String listing) {
        List<RawInsn> out = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (line.isBlank()) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) return null;
            int pc = Integer.parseInt(m.group(1));
            if (pc != out.size()) return null;
            RawInsn r;
            try {
                r = insn(pc, m.group(2), m.group(3));
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (r == null) return null;
            out.add(r);
        }
        return new RawBpf(out.toArray(RawInsn[]::new));
    }

    private static int num(String s) {
        s = s.startsWith("#") ? s.substring(1) : s;
        return s.startsWith("0x") ? Integer.parseUnsignedInt(s.substring(2), 16) : Integer.parseUnsignedInt(s);
    }

    private static int slot(String arg) { return Integer.parseInt(arg.substring(2, arg.length() - 1)); }

    private static RawInsn raw(Insn i) { return Codec.encode(i); }

    private static RawInsn insn(int pc, String op, String arg) {
        switch (op) {
            case "ld", "ldh", "ldb" -> {
                Size size = op.equals("ld") ? Size.W : op.equals("ldh") ? Size.H : Size.B;
                if (arg.equals("#pktlen")) return raw(new Insn.LoadLen(Reg.A));
                if (arg.startsWith("#")) return raw(new Insn.LoadImm(Reg.A, num(arg)));
                if (arg.startsWith("M[")) return raw(new Insn.LoadMem(Reg.A, slot(arg)));
                if (arg.startsWith("[x + ")) return raw(new Insn.LoadInd(size, num(arg.substring(5, arg.length() - 1))));
                String name = arg.substring(1, arg.length() - 1);
                for (Extension e : Extension.values()) {
                    if (e.listingName().equals(name)) return raw(new Insn.LoadAbs(size, e.k()));
                }
                return Character.isDigit(name.charAt(0)) ? raw(new Insn.LoadAbs(size, num(name))) : null;
            }
            case "ldx", "ldxb" -> {
                if (arg.startsWith("4*([")) return raw(new Insn.LoadMsh(num(arg.substring(4, arg.indexOf(']')))));
                if (arg.equals("#pktlen")) return raw(new Insn.LoadLen(Reg.X));
                if (arg.startsWith("#")) return raw(new Insn.LoadImm(Reg.X, num(arg)));
                return raw(new Insn.LoadMem(Reg.X, slot(arg)));
            }
            case "st" -> { return raw(new Insn.Store(Reg.A, slot(arg))); }
            case "stx" -> { return raw(new Insn.Store(Reg.X, slot(arg))); }
            case "neg" -> { return raw(new Insn.Neg()); }
            case "tax" -> { return raw(new Insn.Tax()); }
            case "txa" -> { return raw(new Insn.Txa()); }
            case "ja" -> { return new RawInsn(Codec.opcode(new Insn.Ja(0)), 0, 0, Integer.parseInt(arg) - pc - 1); }
            case "ret" -> { return raw(arg.isEmpty() || arg.equals("a") ? new Insn.RetA() : new Insn.RetK(num(arg))); }
            default -> { }
        }
        for (JmpOp j : JmpOp.values()) {
            if (j.mnemonic().equals(op)) {
                Matcher m = JUMP.matcher(arg);
                if (!m.matches()) return null;
                int t = Integer.parseInt(m.group(2)) - pc - 1;
                int f = Integer.parseInt(m.group(3)) - pc - 1;
                return raw(m.group(1).equals("x") ? new Insn.JmpX(j, t, f) : new Insn.JmpK(j, num(m.group(1)), t, f));
            }
        }
        for (AluOp a : AluOp.values()) {
            if (a.mnemonic().equals(op)) return raw(arg.equals("x") ? new Insn.AluX(a) : new Insn.AluK(a, num(arg)));
        }
        return null;
    }

    @Override
    public int apply(byte[] buf, int off, int caplen, int wirelen, AncillaryData aux) {
        return (int) run(buf, off, caplen, wirelen, false);
    }

    /**
     * Runs the program; returns the verdict in the low 32 bits and, if {@code path} is set, a hash of the pcs of
     * the conditional jumps taken and of where the program ended in the high 32 bits.
     */
    long run(byte[] buf, int off, int caplen, int wirelen, boolean path) {
        int a = 0, x = 0, h = 17;
        int[] mem = new int[Insn.MEMWORDS];
        int pc = 0;
        final int n = code.length;
        for (int steps = 0; Integer.compareUnsigned(pc, n) < 0; steps++) {
            if (steps >= STEP_LIMIT) throw new IllegalStateException("program ran " + STEP_LIMIT + " instructions (a loop)");
            int kk = k[pc];
            int c = code[pc];
            switch (c) {
                case 0x06, 0x16 -> {
                    int v = c == 0x06 ? kk : a;
                    return path ? (long) (h * 31 + pc) << 32 | (v & 0xffffffffL) : v & 0xffffffffL;
                }
                case 0x20, 0x28, 0x30, 0x40, 0x48, 0x50 -> {
                    long at = (kk & 0xffffffffL) + ((c & 0x40) != 0 ? x & 0xffffffffL : 0);
                    long v = load(buf, off, caplen, at, (c & 0x18) == 0 ? 4 : (c & 0x18) == 0x08 ? 2 : 1);
                    if (v < 0) return end(path, h, pc);
                    a = (int) v;
                }
                case 0xb1 -> {
                    long v = load(buf, off, caplen, kk & 0xffffffffL, 1);
                    if (v < 0) return end(path, h, pc);
                    x = ((int) v & 0xf) << 2;
                }
                case 0x00 -> a = kk;
                case 0x01 -> x = kk;
                case 0x60 -> a = mem[kk];
                case 0x61 -> x = mem[kk];
                case 0x80 -> a = wirelen;
                case 0x81 -> x = wirelen;
                case 0x02 -> mem[kk] = a;
                case 0x03 -> mem[kk] = x;
                case 0x07 -> x = a;
                case 0x87 -> a = x;
                case 0x05 -> pc += kk;
                default -> {
                    if ((c & 0x07) == 0x05) {
                        int operand = (c & 0x08) != 0 ? x : kk;
                        boolean taken = switch (c & 0xf0) {
                            case 0x10 -> a == operand;
                            case 0x20 -> Integer.compareUnsigned(a, operand) > 0;
                            case 0x30 -> Integer.compareUnsigned(a, operand) >= 0;
                            case 0x40 -> (a & operand) != 0;
                            default -> throw new IllegalStateException("bad jump opcode " + c);
                        };
                        if (path) h = h * 31 + (taken ? pc : ~pc);
                        pc += taken ? jt[pc] : jf[pc];
                    } else if ((c & 0x07) == 0x04) {
                        int operand = (c & 0x08) != 0 ? x : kk;
                        int op = c & 0xf0;
                        if ((op == 0x30 || op == 0x90) && operand == 0) return end(path, h, pc);
                        a = alu(op, a, operand);
                    } else {
                        throw new IllegalStateException("bad opcode " + c);
                    }
                }
            }
            pc++;
        }
        return end(path, h, pc);
    }

    /** A = A op operand, unsigned; shifts by 32 or more give 0 (undefined in libpcap's C, 0 in jdump). */
    private static int alu(int op, int a, int b) {
        return switch (op) {
            case 0x00 -> a + b;
            case 0x10 -> a - b;
            case 0x20 -> a * b;
            case 0x30 -> Integer.divideUnsigned(a, b);
            case 0x40 -> a | b;
            case 0x50 -> a & b;
            case 0x60 -> Integer.compareUnsigned(b, 32) >= 0 ? 0 : a << b;
            case 0x70 -> Integer.compareUnsigned(b, 32) >= 0 ? 0 : a >>> b;
            case 0x80 -> -a;
            case 0x90 -> Integer.remainderUnsigned(a, b);
            case 0xa0 -> a ^ b;
            default -> throw new IllegalStateException("bad ALU opcode " + op);
        };
    }

    private static long end(boolean path, int h, int pc) {
        return path ? (long) (h * 31 - pc) << 32 : 0;
    }

    private static long load(byte[] buf, int off, int caplen, long at, int size) {
        if (at + size > caplen) return -1;
        int i = off + (int) at;
        return switch (size) {
            case 1 -> buf[i] & 0xff;
            case 2 -> (buf[i] & 0xff) << 8 | (buf[i + 1] & 0xff);
            default -> ((long) (buf[i] & 0xff) << 24 | (buf[i + 1] & 0xff) << 16 | (buf[i + 2] & 0xff) << 8 | (buf[i + 3] & 0xff));
        };
    }
}
