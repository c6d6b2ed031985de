package io.jdump.bpf;

import io.jdump.bpf.Insn.*;

import java.util.HexFormat;
import java.util.List;

import static io.jdump.bpf.AluOp.*;
import static io.jdump.bpf.JmpOp.*;
import static io.jdump.bpf.Reg.A;
import static io.jdump.bpf.Reg.X;
import static io.jdump.bpf.Size.B;
import static io.jdump.bpf.Size.H;
import static io.jdump.bpf.Size.W;

/**
 * The semantics of every instruction form and of every edge case, as one table for all backends
 * (x/net/bpf {@code testVM}, cbpfc {@code checkBackends}): the interpreter test runs it, the libpcap
 * differential test checks every row marked {@code libpcap} against libpcap's {@code bpf_filter},
 * and other backends (the JIT) can run it too. Packets are hex; caplen is the number of bytes the
 * program may read (the buffer holds the whole packet), wirelen what {@code ld #pktlen} sees.
 */
public final class SemanticsCases {
    /**
     * One row.
     *
     * @param libpcap whether libpcap's {@code bpf_filter} defines the result (false for constant shifts
     *                by 32 or more and reads of never-written scratch, undefined in its C code)
     */
    public record Case(String name, Program program, byte[] packet, int caplen, int wirelen, int expected, boolean libpcap) {
        @Override
        public String toString() { return name; }
    }

    /** 32 bytes: 00..0f, 80..87, f0..f7. */
    static final String PKT = "000102030405060708090a0b0c0d0e0f8081828384858687f0f1f2f3f4f5f6f7";

    private SemanticsCases() {}

    private static Case c(String name, int expected, Insn... insns) {
        return at(name, PKT, 32, 32, expected, insns);
    }

    private static Case at(String name, String hex, int caplen, int wirelen, int expected, Insn... insns) {
        return new Case(name, Program.of(insns), HexFormat.of().parseHex(hex), caplen, wirelen, expected, true);
    }

    private static Case oursOnly(Case c) {
        return new Case(c.name(), c.program(), c.packet(), c.caplen(), c.wirelen(), c.expected(), false);
    }

    private static Insn[] alu(int a, Insn op) {
        return new Insn[] {new LoadImm(A, a), op, new RetA()};
    }

    private static Insn[] aluX(int a, int x, AluOp op) {
        return new Insn[] {new LoadImm(A, a), new LoadImm(X, x), new AluX(op), new RetA()};
    }

    /** A = a; compare; ret #1 when true, #2 when false. */
    private static Insn[] jump(int a, Insn cmp) {
        return new Insn[] {new LoadImm(A, a), cmp, new RetK(1), new RetK(2)};
    }

    private static Insn[] jumpX(int a, int x, JmpOp op) {
        return new Insn[] {new LoadImm(A, a), new LoadImm(X, x), new JmpX(op, 0, 1), new RetK(1), new RetK(2)};
    }

    /** Every row. */
    public static List<Case> all() {
        return List.of(
            // loads: big-endian, bounded by caplen, k + size computed without 32-bit overflow
            c("ld [0]", 0x00010203, new LoadAbs(W, 0), new RetA()),
            c("ldh [30]", 0xf6f7, new LoadAbs(H, 30), new RetA()),
            c("ldb [31]", 0xf7, new LoadAbs(B, 31), new RetA()),
            c("ld [28] is the last whole word", 0xf4f5f6f7, new LoadAbs(W, 28), new RetA()),
            c("ld [29] is one byte short", 0, new LoadAbs(W, 29), new RetK(7)),
            c("ldh [31] is one byte short", 0, new LoadAbs(H, 31), new RetK(7)),
            c("ldb [32] is past the end", 0, new LoadAbs(B, 32), new RetK(7)),
            c("ld [0xfffffffc]: k+4 wraps to 0 in 32 bits", 0, new LoadAbs(W, 0xfffffffc), new RetK(7)),
            c("ldh [0xffffffff]", 0, new LoadAbs(H, 0xffffffff), new RetK(7)),
            c("ldb [0x80000000]", 0, new LoadAbs(B, 0x80000000), new RetK(7)),
            at("ld [4] past caplen 6 though the buffer has it", PKT, 6, 32, 0, new LoadAbs(W, 4), new RetK(7)),
            at("ldh [4] within caplen 6", PKT, 6, 32, 0x0405, new LoadAbs(H, 4), new RetA()),
            at("empty packet: ldb [0]", "", 0, 0, 0, new LoadAbs(B, 0), new RetK(7)),
            c("ld [x + 4]", 0x08090a0b, new LoadImm(X, 4), new LoadInd(W, 4), new RetA()),
            c("ldh [x + 0] at the end", 0xf6f7, new LoadImm(X, 30), new LoadInd(H, 0), new RetA()),
            c("ldb [x + 1] one past the end", 0, new LoadImm(X, 31), new LoadInd(B, 1), new RetK(7)),
            c("ld [x + 1], x = 0xffffffff: the sum wraps to 0 but is refused", 0, new LoadImm(X, 0xffffffff), new LoadInd(W, 1), new RetK(7)),
            c("ldb [x + 0xffffffff], x = 2", 0, new LoadImm(X, 2), new LoadInd(B, 0xffffffff), new RetK(7)),
            c("ldh [x + 0xfffffffe], x = 0", 0, new LoadInd(H, 0xfffffffe), new RetK(7)),
            at("ldxb 4*([0]&0xf) of 0x45 is 20", "45000000", 4, 4, 20, new LoadMsh(0), new Txa(), new RetA()),
            at("ldxb 4*([1]&0xf) of 0xff is 60", "45ff", 2, 2, 60, new LoadMsh(1), new Txa(), new RetA()),
            c("ldxb 4*([32]&0xf) past the end", 0, new LoadMsh(32), new RetK(7)),
            c("ldxb 4*([-1]&0xf)", 0, new LoadMsh(0xffffffff), new RetK(7)),
            c("ld #k", 0xdeadbeef, new LoadImm(A, 0xdeadbeef), new RetA()),
            c("ldx #k; txa", 0xcafef00d, new LoadImm(X, 0xcafef00d), new Txa(), new RetA()),
            at("ld #pktlen is the wire length", PKT, 32, 1000, 1000, new LoadLen(A), new RetA()),
            at("ldx #pktlen is the wire length", PKT, 16, 1514, 1514, new LoadLen(X), new Txa(), new RetA()),
            at("ld #pktlen of a 0xffffffff wire length", PKT, 32, 0xffffffff, 0xffffffff, new LoadLen(A), new RetA()),
            c("st M[15]; ld M[15]", 0x1234, new LoadImm(A, 0x1234), new Store(A, 15), new LoadImm(A, 0), new LoadMem(A, 15), new RetA()),
            c("stx M[0]; ldx M[0]", 0x5678, new LoadImm(X, 0x5678), new Store(X, 0), new LoadImm(X, 0), new LoadMem(X, 0), new Txa(), new RetA()),
            oursOnly(c("scratch starts at zero", 0, new LoadMem(A, 5), new RetA())),
            // ALU: unsigned 32-bit
            c("add #k wraps", 1, alu(0xffffffff, new AluK(ADD, 2))),
            c("sub #k wraps", 0xffffffff, alu(0, new AluK(SUB, 1))),
            c("mul #k wraps", 0, alu(0x10000, new AluK(MUL, 0x10000))),
            c("div #k is unsigned", 0x7fffffff, alu(0xffffffff, new AluK(DIV, 2))),
            c("div #0x80000000", 1, alu(0xffffffff, new AluK(DIV, 0x80000000))),
            c("mod #k is unsigned", 5, alu(0xffffffff, new AluK(MOD, 10))),
            c("and #k", 0x0f00, alu(0xff00, new AluK(AND, 0x0ff0))),
            c("or #k", 0xfff0, alu(0xff00, new AluK(OR, 0x0ff0))),
            c("xor #k", 0xf0f0, alu(0xff00, new AluK(XOR, 0x0ff0))),
            c("lsh #31", 0x80000000, alu(3, new AluK(LSH, 31))),
            c("rsh #31 is logical", 1, alu(0x80000000, new AluK(RSH, 31))),
            c("rsh #1 is logical", 0x40000000, alu(0x80000000, new AluK(RSH, 1))),
            oursOnly(c("lsh #32 gives 0", 0, alu(0x12345678, new AluK(LSH, 32)))),
            oursOnly(c("lsh #33 gives 0", 0, alu(0x12345678, new AluK(LSH, 33)))),
            oursOnly(c("rsh #32 gives 0", 0, alu(0x92345678, new AluK(RSH, 32)))),
            oursOnly(c("rsh #33 gives 0", 0, alu(0x92345678, new AluK(RSH, 33)))),
            c("neg", 0xfffffffb, alu(5, new Neg())),
            c("neg 0x80000000", 0x80000000, alu(0x80000000, new Neg())),
            c("add x", 0x100, aluX(0xff, 1, ADD)),
            c("sub x", 0xfffffffe, aluX(1, 3, SUB)),
            c("mul x", 0xfffffffe, aluX(0x7fffffff, 2, MUL)),
            c("div x", 3, aluX(10, 3, DIV)),
            c("div x, x = 0, ends with 0", 0, new LoadImm(A, 7), new AluX(DIV), new RetK(5)),
            c("mod x", 1, aluX(10, 3, MOD)),
            c("mod x, x = 0, ends with 0", 0, new LoadImm(A, 7), new AluX(MOD), new RetK(5)),
            c("and x", 0x0f00, aluX(0xff00, 0x0ff0, AND)),
            c("or x", 0xfff0, aluX(0xff00, 0x0ff0, OR)),
            c("xor x", 0xf0f0, aluX(0xff00, 0x0ff0, XOR)),
            c("lsh x, x = 31", 0x80000000, aluX(0x12345679, 31, LSH)),
            c("lsh x, x = 32", 0, aluX(0x12345679, 32, LSH)),
            c("lsh x, x = 33", 0, aluX(0x12345679, 33, LSH)),
            c("lsh x, x = 0xffffffff", 0, aluX(0x12345679, 0xffffffff, LSH)),
            c("rsh x, x = 31", 1, aluX(0x92345678, 31, RSH)),
            c("rsh x, x = 32", 0, aluX(0x92345678, 32, RSH)),
            c("rsh x, x = 33", 0, aluX(0x92345678, 33, RSH)),
            c("tax; txa", 0x42, new LoadImm(A, 0x42), new Tax(), new LoadImm(A, 0), new Txa(), new RetA()),
            // jumps: unsigned compares
            c("jeq #k true", 1, jump(0x800, new JmpK(JEQ, 0x800, 0, 1))),
            c("jeq #k false", 2, jump(0x801, new JmpK(JEQ, 0x800, 0, 1))),
            c("jgt #0x7fffffff, A = 0x80000000", 1, jump(0x80000000, new JmpK(JGT, 0x7fffffff, 0, 1))),
            c("jgt #0x80000000, A = 0x7fffffff", 2, jump(0x7fffffff, new JmpK(JGT, 0x80000000, 0, 1))),
            c("jgt #0x80000000, A = 0x80000000", 2, jump(0x80000000, new JmpK(JGT, 0x80000000, 0, 1))),
            c("jge #0x80000000, A = 0x80000000", 1, jump(0x80000000, new JmpK(JGE, 0x80000000, 0, 1))),
            c("jge #0x80000001, A = 0x80000000", 2, jump(0x80000000, new JmpK(JGE, 0x80000001, 0, 1))),
            c("jgt #0, A = 0xffffffff", 1, jump(0xffffffff, new JmpK(JGT, 0, 0, 1))),
            c("jset #0x80000000", 1, jump(0x80000001, new JmpK(JSET, 0x80000000, 0, 1))),
            c("jset #0x7ffffffe", 2, jump(0x80000001, new JmpK(JSET, 0x7ffffffe, 0, 1))),
            c("jeq x", 1, jumpX(7, 7, JEQ)),
            c("jgt x, 0x80000000 > 0x7fffffff", 1, jumpX(0x80000000, 0x7fffffff, JGT)),
            c("jgt x, 0x7fffffff > 0x80000000", 2, jumpX(0x7fffffff, 0x80000000, JGT)),
            c("jge x, equal", 1, jumpX(0xffffffff, 0xffffffff, JGE)),
            c("jset x", 2, jumpX(0xf0, 0x0f, JSET)),
            c("jt and jf skip", 4, new LoadImm(A, 1), new JmpK(JEQ, 1, 2, 0), new RetK(3), new RetK(5), new RetK(4)),
            c("ja", 9, new Ja(1), new RetK(8), new RetK(9)),
            oursOnly(c("ja near 2^31, past the end", 0, new LoadImm(A, 1), new Ja(Integer.MAX_VALUE), new RetK(1))),
            // returns: unsigned, unclamped
            c("ret #0", 0, new RetK(0)),
            c("ret #k larger than caplen", 0xffffffff, new RetK(0xffffffff)),
            c("ret a larger than caplen", 0x80000000, new LoadImm(A, 0x80000000), new RetA()),
            // Linux ancillary and negative-base loads offline: plain loads far past the packet
            c("ldh [type] offline", 0, new LoadAbs(H, Extension.PKTTYPE.k()), new RetK(7)),
            c("ld [ifidx] offline", 0, new LoadAbs(W, Extension.IFINDEX.k()), new RetK(7)),
            c("ldb [vlanp] offline", 0, new LoadAbs(B, Extension.VLAN_TAG_PRESENT.k()), new RetK(7)),
            c("ld [xor_x] offline", 0, new LoadAbs(W, Extension.ALU_XOR_X.k()), new RetK(7)),
            c("ldb [SKF_NET_OFF] offline", 0, new LoadAbs(B, Extension.NET_OFF), new RetK(7)),
            c("ldb [SKF_LL_OFF] offline", 0, new LoadAbs(B, Extension.LL_OFF), new RetK(7))
        );
    }
}
