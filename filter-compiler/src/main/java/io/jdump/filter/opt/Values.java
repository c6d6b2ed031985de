package io.jdump.filter.opt;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.Reg;
import java.util.Arrays;

/**
 * Value numbers for one optimizer run (global value numbering by hash-consing, as in libpcap's
 * {@code optimize.c} {@code F()}, written our own way): equal numbers mean equal values on every
 * path where both are defined. A packet load's number depends only on its offset (and X's number
 * for an indirect load), because packet bytes never change while a filter runs; constants fold.
 * A machine state is an {@code int[18]}: A, X, M[0..15].
 */
final class Values {
    static final int A = 0, X = 1, MEM = 2, ATOMS = 18;

    private static final int CONST = 0, ABS = 1, IND = 2, MSH = 3, LEN = 4, ALUK = 5, ALUX = 6, NEG = 7, OPAQUE = 8;

    // Number n's key is (tag, a, b, c)[n - 1]; table is an open-addressing hash set of numbers
    // (0: empty slot), so that numbering hashes four ints instead of allocating a key record.
    private int[] tags = new int[256], as = new int[256], bs = new int[256], cs = new int[256];
    private int count;
    private int[] table = new int[512];

    int number(int tag, int a, int b, int c) {
        int mask = table.length - 1;
        for (int i = hash(tag, a, b, c) & mask; ; i = (i + 1) & mask) {
            int n = table[i];
            if (n == 0) {
                table[i] = add(tag, a, b, c);
                if (2 * count > table.length) rehash();
                return count;
            }
            int j = n - 1;
            if (as[j] == a && bs[j] == b && cs[j] == c && tags[j] == tag) return n;
        }
    }

    private static int hash(int tag, int a, int b, int c) {
        int h = tag * 0x9E3779B9 + a;
        h = h * 0x9E3779B9 + b;
        h = h * 0x9E3779B9 + c;
        return h ^ (h >>> 15);
    }

    private int add(int tag, int a, int b, int c) {
        if (count == tags.length) {
            int n = 2 * count;
            tags = Arrays.copyOf(tags, n);
            as = Arrays.copyOf(as, n);
            bs = Arrays.copyOf(bs, n);
            cs = Arrays.copyOf(cs, n);
        }
        tags[count] = tag;
        as[count] = a;
        bs[count] = b;
        cs[count] = c;
        return ++count;
    }

    private void rehash() {
        table = new int[2 * table.length];
        int mask = table.length - 1;
        for (int n = 1; n <= count; n++) {
            int i = hash(tags[n - 1], as[n - 1], bs[n - 1], cs[n - 1]) & mask;
            while (table[i] != 0) i = (i + 1) & mask;
            table[i] = n;
        }
    }

    /** For {@code v = w + c} or {@code c + w} with c a known constant: {@code {w, c}}; else null. */
    int[] plusConstant(int v) {
        int j = v - 1;
        if (tags[j] != ALUX || as[j] != AluOp.ADD.ordinal()) return null;
        if (constOf(cs[j]) != null) return new int[] {bs[j], constOf(cs[j])};
        if (constOf(bs[j]) != null) return new int[] {cs[j], constOf(bs[j])};
        return null;
    }

    /** An upper bound of value {@code v} as an unsigned number (2^32 - 1 when nothing better is known). */
    long upperBound(int v) {
        return bound(v, 8);
    }

    private long bound(int v, int depth) {
        final long top = 0xffffffffL;
        if (constOf(v) != null) return constOf(v) & top;
        int j = v - 1;
        if (depth == 0) return top;
        return switch (tags[j]) {
            case ABS, IND -> (1L << (8 * as[j])) - 1;
            case MSH -> 60;
            case ALUX -> {
                long l = bound(bs[j], depth - 1), r = bound(cs[j], depth - 1);
                Integer rc = constOf(cs[j]);
                yield switch (AluOp.values()[as[j]]) {
                    case ADD -> Math.min(top, l + r);
                    case AND -> Math.min(l, r);
                    case OR, XOR -> l == top || r == top ? top : Math.min(top, (Long.highestOneBit(Math.max(l, r)) << 1) - 1);
                    case LSH -> rc != null && (rc & top) < 32 ? Math.min(top, l << rc) : top;
                    case RSH, DIV -> l;
                    case MOD -> Math.min(l, r);
                    case MUL, SUB -> top;
                };
            }
            default -> top;
        };
    }

    int constant(int k) {
        return number(CONST, k, 0, 0);
    }

    /** The constant value of number {@code v}, or null. */
    Integer constOf(int v) {
        return v >= 1 && v <= count && tags[v - 1] == CONST ? Integer.valueOf(as[v - 1]) : null;
    }

    /** A number that equals nothing else: the value of {@code atom} where paths with different values meet at {@code block}. */
    int opaque(int block, int atom) {
        return number(OPAQUE, block, atom, 0);
    }

    /** The entry state: unknown but fixed values. */
    int[] entryState() {
        int[] s = new int[ATOMS];
        for (int i = 0; i < ATOMS; i++) s[i] = opaque(-1, i);
        return s;
    }

    /** The number of a packet load, used for "this load already succeeded on every path"; -1 for a non-load. */
    int loadKey(Insn insn, int[] s) {
        return switch (insn) {
            case Insn.LoadAbs(var size, var k) -> number(ABS, size.bytes(), k, 0);
            case Insn.LoadInd(var size, var k) -> number(IND, size.bytes(), k, s[X]);
            case Insn.LoadMsh(var k) -> number(MSH, k, 0, 0);
            default -> -1;
        };
    }

    /** Whether {@code insn} can end the program (an out-of-range load, a division by zero). */
    static boolean canFault(Insn insn) {
        return switch (insn) {
            case Insn.LoadAbs _, Insn.LoadInd _, Insn.LoadMsh _ -> true;
            case Insn.AluX(var op) -> op == AluOp.DIV || op == AluOp.MOD;
            case Insn.AluK(var op, var k) -> (op == AluOp.DIV || op == AluOp.MOD) && k == 0;
            default -> false;
        };
    }

    /** Executes {@code insn} symbolically on {@code s} (in place). */
    void step(Insn insn, int[] s) {
        switch (insn) {
            case Insn.LoadAbs _, Insn.LoadInd _ -> s[A] = loadKey(insn, s);
            case Insn.LoadMsh _ -> s[X] = loadKey(insn, s);
            case Insn.LoadImm(var r, var k) -> s[reg(r)] = constant(k);
            case Insn.LoadMem(var r, var slot) -> s[reg(r)] = s[MEM + slot];
            case Insn.LoadLen(var r) -> s[reg(r)] = number(LEN, 0, 0, 0);
            case Insn.Store(var r, var slot) -> s[MEM + slot] = s[reg(r)];
            case Insn.AluK(var op, var k) -> s[A] = alu(op, s[A], constant(k), k == 0 && divides(op));
            case Insn.AluX(var op) -> s[A] = alu(op, s[A], s[X], divides(op));
            case Insn.Neg() -> s[A] = constOf(s[A]) != null ? constant(-constOf(s[A])) : number(NEG, s[A], 0, 0);
            case Insn.Tax() -> s[X] = s[A];
            case Insn.Txa() -> s[A] = s[X];
            case Insn.Ja _, Insn.JmpK _, Insn.JmpX _, Insn.RetK _, Insn.RetA _ ->
                    throw new IllegalArgumentException("not a block statement: " + insn);
        }
    }

    private static boolean divides(AluOp op) {
        return op == AluOp.DIV || op == AluOp.MOD;
    }

    private int alu(AluOp op, int a, int b, boolean mayTrap) {
        Integer ca = constOf(a), cb = constOf(b);
        if (ca != null && cb != null && !(mayTrap && cb == 0)) return constant(op.apply(ca, cb));
        if (cb != null && identity(op, cb)) return a;
        if (cb != null && cb == 0 && (op == AluOp.AND || op == AluOp.MUL)) return constant(0);
        return number(ALUX, op.ordinal(), a, b);
    }

    /** Whether {@code a op k == a} for every a: such a statement leaves A as it was. */
    private static boolean identity(AluOp op, int k) {
        return switch (op) {
            case ADD, SUB, OR, XOR, LSH, RSH -> k == 0;
            case AND -> k == -1;
            case MUL, DIV -> k == 1;
            case MOD -> false;
        };
    }

    private static int reg(Reg r) {
        return r == Reg.A ? A : X;
    }

    static int[] copy(int[] s) {
        return Arrays.copyOf(s, s.length);
    }
}
