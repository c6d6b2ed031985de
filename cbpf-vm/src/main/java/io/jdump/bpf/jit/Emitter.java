package io.jdump.bpf.jit;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Extension;
import io.jdump.bpf.Insn;
import io.jdump.bpf.Insn.*;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Program;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;

/**
 * Emits the bytecode of one region of a program, instructions {@code [start, end)}: the whole
 * program as the body of {@code apply}, or one chunk as a static method. A, X and the scratch
 * words in use live in locals; in a chunk they are loaded from and spilled to the state array
 * {@code st} = {A, X, M[0..15]}, and a jump out of the chunk calls the dispatcher.
 */
final class Emitter {
    static final ClassDesc CD_SUPPORT = ClassDesc.of("io.jdump.bpf.jit.JitSupport");
    static final ClassDesc CD_AUX = ClassDesc.of("io.jdump.bpf.AncillaryData");
    static final ClassDesc CD_BYTES = ClassDesc.ofDescriptor("[B");
    static final ClassDesc CD_INTS = ClassDesc.ofDescriptor("[I");
    /** {@code (byte[] buf, int off, int caplen, int wirelen, AncillaryData aux, int[] st, int pc) int}. */
    static final MethodTypeDesc MTD_CHUNK = MethodTypeDesc.of(CD_int, CD_BYTES, CD_int, CD_int, CD_int, CD_AUX, CD_INTS, CD_int);
    private static final MethodTypeDesc MTD_READ = MethodTypeDesc.of(CD_int, CD_BYTES, CD_int);
    private static final MethodTypeDesc MTD_II_I = MethodTypeDesc.of(CD_int, CD_int, CD_int);
    private static final MethodTypeDesc MTD_I_J = MethodTypeDesc.of(CD_long, CD_int);
    private static final MethodTypeDesc MTD_SPECIAL = MethodTypeDesc.of(CD_long, CD_BYTES, CD_int, CD_int, CD_int, CD_int, CD_AUX);
    private static final ClassDesc CD_INTEGER = ClassDesc.of("java.lang.Integer");
    private static final int SIGN = Integer.MIN_VALUE;

    private final Program program;
    private final int start;
    private final int end;
    private final boolean chunk;
    private final boolean[] memUsed;
    private final ClassDesc owner;
    private final CodeBuilder cb;
    private final Label[] labels;
    private final Label fail;
    private final Map<Integer, Label> exits = new TreeMap<>();
    private final int buf, off, cap, wire, aux;
    private final int a, x;
    private final int[] mem = new int[Insn.MEMWORDS];
    private int tmpLong = -1;

    /** @param chunk whether this is a static chunk method (parameters as in {@link #MTD_CHUNK}) rather than {@code apply} */
    Emitter(CodeBuilder cb, Program program, int start, int end, boolean chunk, boolean[] memUsed, ClassDesc owner) {
        this.cb = cb;
        this.program = program;
        this.start = start;
        this.end = end;
        this.chunk = chunk;
        this.memUsed = memUsed;
        this.owner = owner;
        labels = new Label[end - start];
        for (int i = 0; i < labels.length; i++) labels[i] = cb.newLabel();
        fail = cb.newLabel();
        buf = cb.parameterSlot(0);
        off = cb.parameterSlot(1);
        cap = cb.parameterSlot(2);
        wire = cb.parameterSlot(3);
        aux = cb.parameterSlot(4);
        a = cb.allocateLocal(TypeKind.INT);
        x = cb.allocateLocal(TypeKind.INT);
        for (int i = 0; i < mem.length; i++) mem[i] = memUsed[i] ? cb.allocateLocal(TypeKind.INT) : -1;
    }

    /** Emits the region; {@code entries} are the pcs a chunk can be entered at (ignored for {@code apply}). */
    void emit(List<Integer> entries) {
        prologue(entries);
        for (int pc = start; pc < end; pc++) {
            cb.labelBinding(labels[pc - start]);
            insn(pc, program.get(pc));
        }
        if (end < program.size()) cb.goto_(target(end));
        cb.labelBinding(fail);
        cb.iconst_0().ireturn();
        if (!exits.isEmpty()) epilogue();
    }

    private void prologue(List<Integer> entries) {
        if (!chunk) {
            cb.iconst_0().istore(a).iconst_0().istore(x);
            for (int slot : mem) if (slot >= 0) cb.iconst_0().istore(slot);
            return;
        }
        int st = cb.parameterSlot(5);
        cb.aload(st).iconst_0().iaload().istore(a);
        cb.aload(st).iconst_1().iaload().istore(x);
        for (int i = 0; i < mem.length; i++) {
            if (mem[i] >= 0) cb.aload(st).loadConstant(2 + i).iaload().istore(mem[i]);
        }
        List<SwitchCase> cases = new ArrayList<>();
        for (int pc : entries) cases.add(SwitchCase.of(pc, labels[pc - start]));
        cb.iload(cb.parameterSlot(6)).lookupswitch(fail, cases);
    }

    /** The exit stubs (target pc into a local) and the spill block that calls the dispatcher. */
    private void epilogue() {
        int tgt = cb.allocateLocal(TypeKind.INT);
        Label spill = cb.newLabel();
        for (var e : exits.entrySet()) {
            cb.labelBinding(e.getValue());
            cb.loadConstant(e.getKey()).istore(tgt).goto_(spill);
        }
        cb.labelBinding(spill);
        int st = cb.parameterSlot(5);
        cb.aload(st).iconst_0().iload(a).iastore();
        cb.aload(st).iconst_1().iload(x).iastore();
        for (int i = 0; i < mem.length; i++) {
            if (mem[i] >= 0) cb.aload(st).loadConstant(2 + i).iload(mem[i]).iastore();
        }
        cb.aload(buf).iload(off).iload(cap).iload(wire).aload(aux).aload(st).iload(tgt);
        cb.invokestatic(owner, Jit.DISPATCH, MTD_CHUNK).ireturn();
    }

    /** The label of absolute pc {@code t}: in this region, an exit stub, or the verdict-0 exit past the end. */
    private Label target(long t) {
        if (t >= program.size()) return fail;
        int pc = (int) t;
        if (pc < end) return labels[pc - start];
        return exits.computeIfAbsent(pc, p -> cb.newLabel());
    }

    private void insn(int pc, Insn insn) {
        switch (insn) {
            case RetK(var k) -> cb.loadConstant(k).ireturn();
            case RetA _ -> cb.iload(a).ireturn();
            case LoadAbs(var size, var k) -> loadAbs(size, k);
            case LoadInd(var size, var k) -> loadInd(size, k);
            case LoadMsh(var k) -> loadMsh(k);
            case LoadImm(var dst, var k) -> cb.loadConstant(k).istore(reg(dst));
            case LoadMem(var dst, var slot) -> cb.iload(mem[slot]).istore(reg(dst));
            case LoadLen(var dst) -> cb.iload(wire).istore(reg(dst));
            case Store(var src, var slot) -> cb.iload(reg(src)).istore(mem[slot]);
            case AluK(var op, var k) -> aluK(op, k);
            case AluX(var op) -> aluX(op);
            case Neg _ -> cb.iload(a).ineg().istore(a);
            case Tax _ -> cb.iload(a).istore(x);
            case Txa _ -> cb.iload(x).istore(a);
            case Ja(var offset) -> cb.goto_(target(pc + 1L + offset));
            case JmpK(var op, var k, var jt, var jf) -> jump(pc, op, false, k, jt, jf);
            case JmpX(var op, var jt, var jf) -> jump(pc, op, true, 0, jt, jf);
        }
    }

    private int reg(Reg r) {
        return r == Reg.A ? a : x;
    }

    private void loadAbs(Size size, int k) {
        if (Integer.compareUnsigned(k, Extension.LL_OFF) >= 0) {
            int tmp = tmpLong();
            cb.aload(buf).iload(off).iload(cap).loadConstant(size.bytes()).loadConstant(k).aload(aux);
            cb.invokestatic(CD_SUPPORT, "loadSpecial", MTD_SPECIAL).lstore(tmp);
            cb.lload(tmp).lconst_0().lcmp().iflt(fail);
            cb.lload(tmp).l2i().istore(a);
            return;
        }
        if (!checkConstantOffset(k, size.bytes())) return;
        cb.aload(buf).iload(off).loadConstant(k).iadd();
        read(size);
        cb.istore(a);
    }

    /** Emits {@code if (caplen < k + bytes) return 0}; false (after a plain jump to the exit) when no capture can hold it. */
    private boolean checkConstantOffset(int k, int bytes) {
        long last = Integer.toUnsignedLong(k) + bytes;
        if (last > Integer.MAX_VALUE) {
            cb.goto_(fail);
            return false;
        }
        cb.iload(cap).loadConstant((int) last).if_icmplt(fail);
        return true;
    }

    private void loadInd(Size size, int k) {
        cb.iload(x).invokestatic(CD_INTEGER, "toUnsignedLong", MTD_I_J);
        cb.loadConstant(Integer.toUnsignedLong(k) + size.bytes()).ladd();
        cb.iload(cap).i2l().lcmp().ifgt(fail);
        cb.aload(buf).iload(off).iload(x).iadd().loadConstant(k).iadd();
        read(size);
        cb.istore(a);
    }

    private void loadMsh(int k) {
        if (!checkConstantOffset(k, 1)) return;
        cb.aload(buf).iload(off).loadConstant(k).iadd().baload();
        cb.bipush(0xf).iand().iconst_2().ishl().istore(x);
    }

    /** Replaces the index on the stack (with the array below it) by the unsigned value there. */
    private void read(Size size) {
        switch (size) {
            case B -> cb.baload().sipush(0xff).iand();
            case H -> cb.invokestatic(CD_SUPPORT, "u16", MTD_READ);
            case W -> cb.invokestatic(CD_SUPPORT, "u32", MTD_READ);
        }
    }

    private int tmpLong() {
        if (tmpLong < 0) tmpLong = cb.allocateLocal(TypeKind.LONG);
        return tmpLong;
    }

    private void aluK(AluOp op, int k) {
        switch (op) {
            case DIV, MOD -> {
                if (k == 0) {
                    cb.goto_(fail);
                    return;
                }
                cb.iload(a).loadConstant(k).invokestatic(CD_INTEGER, op == AluOp.DIV ? "divideUnsigned" : "remainderUnsigned", MTD_II_I);
            }
            case LSH, RSH -> {
                if (Integer.compareUnsigned(k, 32) >= 0) cb.iconst_0();
                else if (op == AluOp.LSH) cb.iload(a).loadConstant(k).ishl();
                else cb.iload(a).loadConstant(k).iushr();
            }
            default -> binary(op, () -> cb.loadConstant(k));
        }
        cb.istore(a);
    }

    private void aluX(AluOp op) {
        switch (op) {
            case DIV, MOD -> {
                cb.iload(x).ifeq(fail);
                cb.iload(a).iload(x).invokestatic(CD_INTEGER, op == AluOp.DIV ? "divideUnsigned" : "remainderUnsigned", MTD_II_I);
            }
            case LSH, RSH -> cb.iload(a).iload(x).invokestatic(CD_SUPPORT, op == AluOp.LSH ? "lsh" : "rsh", MTD_II_I);
            default -> binary(op, () -> cb.iload(x));
        }
        cb.istore(a);
    }

    private void binary(AluOp op, Runnable operand) {
        cb.iload(a);
        operand.run();
        switch (op) {
            case ADD -> cb.iadd();
            case SUB -> cb.isub();
            case MUL -> cb.imul();
            case OR -> cb.ior();
            case AND -> cb.iand();
            case XOR -> cb.ixor();
            case DIV, MOD, LSH, RSH -> throw new IllegalStateException("handled by the caller: " + op);
        }
    }

    /** A conditional jump; falls through to whichever target is the next instruction. */
    private void jump(int pc, JmpOp op, boolean isX, int k, int jt, int jf) {
        long t = pc + 1L + jt, f = pc + 1L + jf;
        if (t == f) {
            cb.goto_(target(t));
            return;
        }
        Opcode branch = compare(op, isX, k);
        boolean next = pc + 1 < end;
        if (f == pc + 1 && next) {
            cb.branch(branch, target(t));
        } else if (t == pc + 1 && next) {
            cb.branch(negate(branch), target(f));
        } else {
            cb.branch(branch, target(t));
            cb.goto_(target(f));
        }
    }

    /** Pushes the operands of the comparison; returns the branch opcode taken when it holds. */
    private Opcode compare(JmpOp op, boolean isX, int k) {
        switch (op) {
            case JEQ -> {
                cb.iload(a);
                operand(isX, k, false);
                return Opcode.IF_ICMPEQ;
            }
            case JGT, JGE -> {
                cb.iload(a).loadConstant(SIGN).ixor();
                operand(isX, k, true);
                return op == JmpOp.JGT ? Opcode.IF_ICMPGT : Opcode.IF_ICMPGE;
            }
            case JSET -> {
                cb.iload(a);
                operand(isX, k, false);
                cb.iand();
                return Opcode.IFNE;
            }
        }
        throw new AssertionError(op);
    }

    private void operand(boolean isX, int k, boolean flipSign) {
        if (!isX) cb.loadConstant(flipSign ? k ^ SIGN : k);
        else if (flipSign) cb.iload(x).loadConstant(SIGN).ixor();
        else cb.iload(x);
    }

    private static Opcode negate(Opcode op) {
        return switch (op) {
            case IF_ICMPEQ -> Opcode.IF_ICMPNE;
            case IF_ICMPGT -> Opcode.IF_ICMPLE;
            case IF_ICMPGE -> Opcode.IF_ICMPLT;
            case IFNE -> Opcode.IFEQ;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }
}
