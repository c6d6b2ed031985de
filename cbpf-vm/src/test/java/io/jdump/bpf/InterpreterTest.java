package io.jdump.bpf;

import io.jdump.bpf.Insn.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.jdump.bpf.Reg.A;
import static io.jdump.bpf.Reg.X;
import static io.jdump.bpf.Size.B;
import static io.jdump.bpf.Size.H;
import static io.jdump.bpf.Size.W;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The interpreter on the {@link SemanticsCases} table (whose libpcap rows the libpcap differential
 * test checks against libpcap itself), plus the Linux ancillary loads with a per-packet context.
 */
class InterpreterTest {
    static List<SemanticsCases.Case> cases() {
        return SemanticsCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void semantics(SemanticsCases.Case c) {
        int verdict = new Interpreter(c.program()).apply(c.packet(), 0, c.caplen(), c.wirelen(), AncillaryData.NONE);
        assertEquals(Integer.toUnsignedString(c.expected()), Integer.toUnsignedString(verdict), c.program()::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void packetAtAnOffsetInTheBufferGivesTheSameVerdict(SemanticsCases.Case c) {
        byte[] buf = new byte[c.packet().length + 13];
        java.util.Arrays.fill(buf, (byte) 0x5a);
        System.arraycopy(c.packet(), 0, buf, 7, c.packet().length);
        int verdict = new Interpreter(c.program()).apply(buf, 7, c.caplen(), c.wirelen(), AncillaryData.NONE);
        assertEquals(c.expected(), verdict, c.program()::toString);
    }

    @Test
    void tableCoversEveryOpcode() {
        Set<Integer> all = new TreeSet<>();
        for (int code = 0; code < 0x10000; code++) {
            try {
                Codec.decode(0, new RawInsn(code, 0, 0, 0));
                all.add(code);
            } catch (ProgramException e) {
                // not an instruction form
            }
        }
        Set<Integer> covered = cases().stream().flatMap(c -> c.program().insns().stream())
                .map(Codec::opcode).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(49, all.size());
        all.removeAll(covered);
        assertEquals(Set.of(), all, "opcodes no case runs");
    }

    @Test
    void jumpPastTheEndOfAnUncheckedProgramEndsWithZero() {
        assertEquals(0, Interpreter.run(Program.of(new Ja(5)), new byte[0], 0, 0));
        assertEquals(0, Interpreter.run(Program.of(new LoadImm(A, 1)), new byte[0], 0, 0));
    }

    /** A context answering {@code values}, with the network header at {@code networkOffset}. */
    record Context(Map<Extension, Integer> values, int networkOffset) implements AncillaryData {
        @Override public boolean has(Extension e) { return values.containsKey(e); }
        @Override public int get(Extension e) { return values.get(e); }
    }

    static Stream<Arguments> ancillary() {
        Map<Extension, Integer> v = new EnumMap<>(Extension.class);
        v.put(Extension.PROTOCOL, 0x86dd);
        v.put(Extension.PKTTYPE, 4);
        v.put(Extension.IFINDEX, 0x80000002);
        v.put(Extension.VLAN_TAG_PRESENT, 1);
        Context ctx = new Context(v, 4);
        Context noNet = new Context(v, -1);
        return Stream.of(
            Arguments.of("ldh [proto]", ctx, 0x86dd, Program.of(new LoadAbs(H, Extension.PROTOCOL.k()), new RetA())),
            Arguments.of("ldb [type] is the whole value, not a byte", ctx, 4, Program.of(new LoadAbs(B, Extension.PKTTYPE.k()), new RetA())),
            Arguments.of("ld [ifidx]", ctx, 0x80000002, Program.of(new LoadAbs(W, Extension.IFINDEX.k()), new RetA())),
            Arguments.of("ldb [vlanp]", ctx, 1, Program.of(new LoadAbs(B, Extension.VLAN_TAG_PRESENT.k()), new RetA())),
            Arguments.of("a value the context lacks ends with 0", ctx, 0, Program.of(new LoadAbs(W, Extension.MARK.k()), new RetK(7))),
            Arguments.of("ld [xor_x] is A ^ X", ctx, 0xff0f, Program.of(new LoadImm(A, 0xf0f0), new LoadImm(X, 0x0fff),
                    new LoadAbs(W, Extension.ALU_XOR_X.k()), new RetA())),
            Arguments.of("ldh [SKF_NET_OFF + 2] reads at network header + 2", ctx, 0x0607,
                    Program.of(new LoadAbs(H, Extension.NET_OFF + 2), new RetA())),
            Arguments.of("SKF_NET_OFF without a network offset ends with 0", noNet, 0,
                    Program.of(new LoadAbs(H, Extension.NET_OFF + 2), new RetK(7))),
            Arguments.of("SKF_NET_OFF past the packet ends with 0", ctx, 0, Program.of(new LoadAbs(W, Extension.NET_OFF + 6), new RetK(7))),
            Arguments.of("ld [SKF_LL_OFF + 1] reads at 1", ctx, 0x01020304, Program.of(new LoadAbs(W, Extension.LL_OFF + 1), new RetA())),
            Arguments.of("plain loads are unchanged", ctx, 0x0203, Program.of(new LoadAbs(H, 2), new RetA())),
            Arguments.of("indirect loads never reach the context", ctx, 0,
                    Program.of(new LoadImm(X, Extension.PROTOCOL.k()), new LoadInd(H, 0), new RetK(7))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ancillary")
    void ancillaryLoadsAnswerFromTheContext(String name, AncillaryData aux, int expected, Program p) {
        byte[] pkt = HexFormat.of().parseHex("00010203040506070809");
        assertEquals(expected, new Interpreter(p).apply(pkt, 0, pkt.length, pkt.length, aux), p::toString);
    }
}
