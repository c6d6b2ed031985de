package io.jdump.bpf;

import io.jdump.bpf.Insn.*;
import io.jdump.bpf.Validator.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static io.jdump.bpf.AluOp.*;
import static io.jdump.bpf.JmpOp.JEQ;
import static io.jdump.bpf.Reg.A;
import static io.jdump.bpf.Reg.X;
import static io.jdump.bpf.Size.B;
import static io.jdump.bpf.Size.H;
import static io.jdump.bpf.Size.W;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The validator's rules as a table: one row per rule of libpcap's {@code bpf_validate} and of the
 * kernel's {@code bpf_check_classic}, with the expected message in each mode ({@code null}: accepted).
 * The verdicts of every row were taken from libpcap.so and the kernel; the agreement tests keep
 * checking them on random programs.
 */
class ValidatorTest {
    private static Arguments row(String name, String libpcap, String kernel, Insn... insns) {
        return Arguments.of(name, Program.of(insns), libpcap, kernel);
    }

    private static Arguments both(String name, String message, Insn... insns) {
        return row(name, message, message, insns);
    }

    private static Arguments kernelOnly(String name, String message, Insn... insns) {
        return row(name, null, message, insns);
    }

    static Stream<Arguments> programs() {
        return Stream.of(
            both("a lone return", null, new RetK(0)),
            both("empty program", "empty program"),
            both("ja past the end", "(001) ja       3: jump past end of program", new LoadImm(A, 0), new Ja(1), new RetA()),
            both("ja to the last instruction", null, new Ja(1), new RetK(0), new RetK(1)),
            both("jt past the end", "(000) jeq      #0x0             jt 3\tjf 1: jump past end of program",
                    new JmpK(JEQ, 0, 2, 0), new RetK(0), new RetK(1)),
            both("jf past the end", "(000) jeq      x                jt 1\tjf 2: jump past end of program",
                    new JmpX(JEQ, 0, 1), new RetK(1)),
            both("last instruction is not a return", "(001) ld       #0x0: last instruction is not a return",
                    new RetK(1), new LoadImm(A, 0)),
            both("div #0", "(001) div      #0: division by constant 0", new LoadImm(A, 1), new AluK(DIV, 0), new RetA()),
            both("mod #0", "(001) mod      #0: modulo by constant 0", new LoadImm(A, 1), new AluK(MOD, 0), new RetA()),
            both("div x is checked at run time", null, new AluX(DIV), new AluX(MOD), new RetA()),
            both("lsh #31", null, new AluK(LSH, 31), new RetA()),
            kernelOnly("lsh #32", "(000) lsh      #32: shift by constant 32 or more", new AluK(LSH, 32), new RetA()),
            kernelOnly("rsh #-1", "(000) rsh      #-1: shift by constant 32 or more", new AluK(RSH, 0xffffffff), new RetA()),
            both("known ancillary load", null, new LoadAbs(H, Extension.PROTOCOL.k()), new LoadAbs(B, Extension.ALU_XOR_X.k()),
                    new LoadAbs(W, Extension.VLAN_TPID.k()), new RetA()),
            kernelOnly("unknown ancillary load", "(000) ld       [-4032]: unknown ancillary load", new LoadAbs(W, Extension.AD_OFF + 64), new RetA()),
            kernelOnly("misaligned ancillary load", "(000) ldb      [-4095]: unknown ancillary load", new LoadAbs(B, Extension.AD_OFF + 1), new RetA()),
            both("ancillary offsets of indirect and msh loads are not checked", null,
                    new LoadInd(W, Extension.AD_OFF + 64), new LoadMsh(0xffffffff), new RetA()),
            both("SKF_NET_OFF and SKF_LL_OFF loads", null, new LoadAbs(W, Extension.NET_OFF), new LoadAbs(B, Extension.LL_OFF), new RetA()),
            kernelOnly("scratch read before any write", "(000) ld       M[3]: M[3] may be read before it is written",
                    new LoadMem(A, 3), new RetA()),
            kernelOnly("scratch written on one path only", "(003) ldx      M[0]: M[0] may be read before it is written",
                    new JmpK(JEQ, 0, 0, 1), new Store(A, 0), new LoadImm(A, 1), new LoadMem(X, 0), new RetA()),
            both("scratch written on every path", null,
                    new JmpK(JEQ, 0, 0, 2), new Store(A, 0), new Ja(1), new Store(X, 0), new LoadMem(A, 0), new RetA()),
            both("unreachable code after ja is not checked (kernel quirk)", null, new Ja(1), new LoadMem(A, 3), new RetA()),
            kernelOnly("a return does not end the path (kernel quirk)", "(004) ld       M[3]: M[3] may be read before it is written",
                    new JmpK(JEQ, 0, 0, 2), new Store(A, 3), new Ja(1), new RetK(0), new LoadMem(A, 3), new RetA()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void libpcapMode(String name, Program p, String libpcap, String kernel) {
        assertEquals(libpcap, firstProblem(p, Mode.LIBPCAP), p::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void kernelMode(String name, Program p, String libpcap, String kernel) {
        assertEquals(kernel, firstProblem(p, Mode.KERNEL), p::toString);
    }

    private static String firstProblem(Program p, Mode mode) {
        try {
            assertEquals(p, Validator.check(p, mode));
            return null;
        } catch (ProgramException e) {
            return e.getMessage();
        }
    }

    static Stream<Arguments> rawPrograms() {
        return Stream.of(
            Arguments.of("st M[16]", "1\n2 0 0 16", "(000) st       M[16]: scratch index 16 out of range 0..15"),
            Arguments.of("ldx M[-1]", "1\n97 0 0 4294967295", "(000) ldx      M[-1]: scratch index 4294967295 out of range 0..15"),
            Arguments.of("ld #k with a size (libpcap accepts it)", "2\n8 0 0 0\n6 0 0 0", "(000) code 0x0008: unknown opcode"),
            Arguments.of("ret x (libpcap accepts it)", "1\n14 0 0 0", "(000) code 0x000e: unknown opcode"),
            Arguments.of("a 16-bit opcode", "2\n256 0 0 0\n6 0 0 0", "(000) code 0x0100: unknown opcode"),
            Arguments.of("ja offset wrapping around 2^32 (libpcap accepts it)", "2\n5 0 0 4294967295\n6 0 0 0",
                    "(000) ja       0: jump past end of program"),
            Arguments.of("a valid program", "2\n40 0 0 12\n22 0 0 0", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawPrograms")
    void rawPrograms(String name, String ddd, String message) {
        RawInsn[] raw = raw(ddd);
        for (Mode mode : Mode.values()) {
            String actual;
            try {
                Validator.decode(raw, mode);
                actual = null;
            } catch (ProgramException e) {
                actual = e.getMessage();
            }
            assertEquals(message, actual, mode.name());
        }
    }

    /** The {@code -ddd} form without decoding it, so invalid instructions survive. */
    static RawInsn[] raw(String ddd) {
        String[] lines = ddd.split("\n");
        RawInsn[] raw = new RawInsn[Integer.parseInt(lines[0])];
        for (int i = 0; i < raw.length; i++) {
            String[] f = lines[i + 1].split(" ");
            raw[i] = new RawInsn(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseUnsignedInt(f[3]));
        }
        return raw;
    }

    @Test
    void kernelLimitIs4096Instructions() {
        List<Insn> insns = new ArrayList<>(Collections.nCopies(Validator.KERNEL_MAX_INSNS - 1, new LoadImm(A, 0)));
        insns.add(new RetA());
        Program max = new Program(insns);
        insns.addFirst(new LoadImm(X, 0));
        Program over = new Program(insns);
        assertEquals(null, firstProblem(max, Mode.KERNEL));
        assertEquals("program has 4097 instructions, more than the kernel's 4096", firstProblem(over, Mode.KERNEL));
        assertEquals(null, firstProblem(over, Mode.LIBPCAP), "libpcap has no limit");
    }

    @Test
    void problemsListsEveryRuleBrokenAndCheckThrowsTheFirst() {
        Program p = Program.of(new AluK(DIV, 0), new Ja(5), new LoadImm(A, 0));
        List<String> reasons = Validator.problems(p, Mode.LIBPCAP).stream().map(ProgramException::reason).toList();
        assertEquals(List.of("division by constant 0", "jump past end of program", "last instruction is not a return"), reasons);
        ProgramException e = assertThrows(ProgramException.class, () -> Validator.check(p, Mode.KERNEL));
        assertEquals(0, e.pc());
        assertEquals(new AluK(DIV, 0), e.insn());
        assertEquals("division by constant 0", e.reason());
    }
}
