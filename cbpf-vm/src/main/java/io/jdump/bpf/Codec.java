package io.jdump.bpf;

import io.jdump.bpf.Insn.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between {@link Insn} and the {@code struct sock_filter} form. Encoding is total;
 * decoding accepts exactly the opcodes of the 49 instruction forms that libpcap's
 * {@code bpf_validate} and the Linux classic-BPF checker know, and {@code decode(encode(p))}
 * equals p. Jump skips of non-jump instructions are written as 0 and ignored when read.
 */
public final class Codec {
    static final int LD = 0x00, LDX = 0x01, ST = 0x02, STX = 0x03, ALU = 0x04, JMP = 0x05, RET = 0x06, MISC = 0x07;
    static final int IMM = 0x00, ABS = 0x20, IND = 0x40, MEM = 0x60, LEN = 0x80, MSH = 0xa0;
    static final int SRC_X = 0x08;
    static final int RET_A = 0x10;
    static final int TXA = 0x80;
    static final int NEG = 0x80;

    private Codec() {}

    /** The opcode of an instruction. */
    public static int opcode(Insn insn) {
        return switch (insn) {
            case LoadAbs(var size, var k) -> LD | size.bits() | ABS;
            case LoadInd(var size, var k) -> LD | size.bits() | IND;
            case LoadMsh _ -> LDX | Size.B.bits() | MSH;
            case LoadImm(var dst, var k) -> dst.loadClass() | IMM;
            case LoadMem(var dst, var slot) -> dst.loadClass() | MEM;
            case LoadLen(var dst) -> dst.loadClass() | LEN;
            case Store(var src, var slot) -> src == Reg.A ? ST : STX;
            case AluK(var op, var k) -> ALU | op.bits();
            case AluX(var op) -> ALU | op.bits() | SRC_X;
            case Neg _ -> ALU | NEG;
            case Ja _ -> JMP;
            case JmpK(var op, var k, var jt, var jf) -> JMP | op.bits();
            case JmpX(var op, var jt, var jf) -> JMP | op.bits() | SRC_X;
            case RetK _ -> RET;
            case RetA _ -> RET | RET_A;
            case Tax _ -> MISC;
            case Txa _ -> MISC | TXA;
        };
    }

    /** Encodes one instruction. */
    public static RawInsn encode(Insn insn) {
        int code = opcode(insn);
        return switch (insn) {
            case LoadAbs(var size, var k) -> new RawInsn(code, 0, 0, k);
            case LoadInd(var size, var k) -> new RawInsn(code, 0, 0, k);
            case LoadMsh(var k) -> new RawInsn(code, 0, 0, k);
            case LoadImm(var dst, var k) -> new RawInsn(code, 0, 0, k);
            case LoadMem(var dst, var slot) -> new RawInsn(code, 0, 0, slot);
            case Store(var src, var slot) -> new RawInsn(code, 0, 0, slot);
            case AluK(var op, var k) -> new RawInsn(code, 0, 0, k);
            case Ja(var offset) -> new RawInsn(code, 0, 0, offset);
            case JmpK(var op, var k, var jt, var jf) -> new RawInsn(code, jt, jf, k);
            case JmpX(var op, var jt, var jf) -> new RawInsn(code, jt, jf, 0);
            case RetK(var k) -> new RawInsn(code, 0, 0, k);
            case LoadLen _, AluX _, Neg _, RetA _, Tax _, Txa _ -> new RawInsn(code, 0, 0, 0);
        };
    }

    /** Encodes a program. */
    public static RawInsn[] encode(Program program) {
        List<Insn> insns = program.insns();
        RawInsn[] raw = new RawInsn[insns.size()];
        for (int i = 0; i < raw.length; i++) raw[i] = encode(insns.get(i));
        return raw;
    }

    /** Encodes a program as consecutive 8-byte {@code struct sock_filter}s in the given byte order. */
    public static byte[] toBytes(Program program, ByteOrder order) {
        ByteBuffer buf = ByteBuffer.allocate(program.size() * 8).order(order);
        for (RawInsn r : encode(program)) {
            buf.putShort((short) r.code()).put((byte) r.jt()).put((byte) r.jf()).putInt(r.k());
        }
        return buf.array();
    }

    /** Decodes {@code struct sock_filter}s in the given byte order; the length must be a multiple of 8. */
    public static Program fromBytes(byte[] bytes, ByteOrder order) {
        if (bytes.length % 8 != 0) throw new ProgramException(-1, null, null, "length " + bytes.length + " is not a multiple of 8");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        RawInsn[] raw = new RawInsn[bytes.length / 8];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = new RawInsn(buf.getShort() & 0xffff, buf.get() & 0xff, buf.get() & 0xff, buf.getInt());
        }
        return decode(raw);
    }

    /** Decodes a program; throws {@link ProgramException} naming the pc of the first unknown opcode. */
    public static Program decode(RawInsn... raw) {
        List<Insn> insns = new ArrayList<>(raw.length);
        for (int pc = 0; pc < raw.length; pc++) insns.add(decode(pc, raw[pc]));
        return new Program(insns);
    }

    /** Decodes one instruction found at {@code pc} (used in the error message). */
    public static Insn decode(int pc, RawInsn r) {
        Insn insn = decodeOrNull(r);
        if (insn == null) {
            throw new ProgramException(pc, null, String.format("(%03d) code 0x%04x", pc, r.code()), "unknown opcode");
        }
        return insn;
    }

    private static Insn decodeOrNull(RawInsn r) {
        int code = r.code(), k = r.k();
        return switch (code & 0x07) {
            case LD -> decodeLoad(code, k);
            case LDX -> decodeLoadX(code, k);
            case ST -> code == ST && inSlot(k) ? new Store(Reg.A, k) : null;
            case STX -> code == STX && inSlot(k) ? new Store(Reg.X, k) : null;
            case ALU -> decodeAlu(code, k);
            case JMP -> decodeJump(code, r);
            case RET -> code == RET ? new RetK(k) : code == (RET | RET_A) ? new RetA() : null;
            default -> code == MISC ? new Tax() : code == (MISC | TXA) ? new Txa() : null;
        };
    }

    private static boolean inSlot(int k) {
        return k >= 0 && k < Insn.MEMWORDS;
    }

    private static Size sizeOf(int code) {
        for (Size s : Size.values()) {
            if (s.bits() == (code & 0x18)) return s;
        }
        return null;
    }

    private static Insn decodeLoad(int code, int k) {
        Size size = sizeOf(code);
        if (size == null || (code & ~0xff) != 0) return null;
        return switch (code & 0xe0) {
            case ABS -> new LoadAbs(size, k);
            case IND -> new LoadInd(size, k);
            case IMM -> size == Size.W ? new LoadImm(Reg.A, k) : null;
            case MEM -> size == Size.W && inSlot(k) ? new LoadMem(Reg.A, k) : null;
            case LEN -> size == Size.W ? new LoadLen(Reg.A) : null;
            default -> null;
        };
    }

    private static Insn decodeLoadX(int code, int k) {
        return switch (code) {
            case LDX | IMM -> new LoadImm(Reg.X, k);
            case LDX | MEM -> inSlot(k) ? new LoadMem(Reg.X, k) : null;
            case LDX | LEN -> new LoadLen(Reg.X);
            case LDX | 0x10 | MSH -> new LoadMsh(k);
            default -> null;
        };
    }

    private static Insn decodeAlu(int code, int k) {
        if (code == (ALU | NEG)) return new Neg();
        if ((code & ~0xff) != 0) return null;
        AluOp op = AluOp.ofBits(code & 0xf0);
        if (op == null) return null;
        return (code & SRC_X) != 0 ? new AluX(op) : new AluK(op, k);
    }

    private static Insn decodeJump(int code, RawInsn r) {
        if (code == JMP) return r.k() >= 0 ? new Ja(r.k()) : null;
        if ((code & ~0xff) != 0) return null;
        JmpOp op = JmpOp.ofBits(code & 0xf0);
        if (op == null) return null;
        return (code & SRC_X) != 0 ? new JmpX(op, r.jt(), r.jf()) : new JmpK(op, r.k(), r.jt(), r.jf());
    }
}
