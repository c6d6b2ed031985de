package io.jdump.bpf.jit;

import io.jdump.bpf.AncillaryData;
import io.jdump.bpf.Assembler;
import io.jdump.bpf.Extension;
import io.jdump.bpf.Insn.*;
import io.jdump.bpf.Interpreter;
import io.jdump.bpf.PacketFilter;
import io.jdump.bpf.Program;
import io.jdump.bpf.Size;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The JIT against the interpreter. Every case runs on both backends (and on the JIT split into
 * tiny chunks) and all must give the expected verdict; then random programs on random packets must
 * agree. {@code -Djdump.fuzz.scale=N} multiplies the random part, {@code -Djdump.fuzz.seed=S} changes it.
 */
class JitDifferentialTest {
    private static final long SEED = Long.getLong("jdump.fuzz.seed", 0x6a64756d70L);
    private static final int SCALE = Integer.getInteger("jdump.fuzz.scale", 1);

    /** The backends every case runs on. */
    enum Backend {
        INTERPRETER(Interpreter::new),
        JIT(Jit::compile),
        JIT_CHUNKS_OF_2(p -> Jit.compile(p, 2));

        private final Function<Program, PacketFilter> prepare;

        Backend(Function<Program, PacketFilter> prepare) {
            this.prepare = prepare;
        }

        PacketFilter prepare(Program p) {
            return prepare.apply(p);
        }
    }

    /** One hand-written case: a program (any text form), the captured bytes, the wire length and the expected verdict. */
    record Case(String name, String program, String hex, int wirelen, int expected, AncillaryData aux) {
        Case(String name, String program, String hex, int wirelen, int expected) {
            this(name, program, hex, wirelen, expected, AncillaryData.NONE);
        }
    }

    private static final String IPV4_TCP = "ffffffffffff0200000000010800" + "4500003c000040004006" + "0000" + "0a000001" + "0a000002"
            + "d43100500000000100000000a0027210" + "00000000";

    static List<Case> cases() {
        return List.of(
            new Case("ldb in bounds", "ldb [3]\nret a", "01020304", 4, 4),
            new Case("ldb one past caplen", "ldb [4]\nret a", "01020304", 100, 0),
            new Case("ldh straddles caplen", "ldh [3]\nret a", "01020304", 100, 0),
            new Case("ld last word", "ld [0]\nret a", "80000001", 4, 0x80000001),
            new Case("ld k near 2^32", "ld [0xfffffffc]\nret #1", "01020304", 4, 0),
            new Case("ldb k = 2^32-1", "ldb [0xffffffff]\nret #1", "01020304", 4, 0),
            new Case("ldh k = 2^31-1", "ldh [0x7fffffff]\nret #1", "01020304", 4, 0),
            new Case("ldb [x+k] sum past 2^32", "ldx #0xffffffff\nldb [x + 1]\nret #1", "01020304", 4, 0),
            new Case("ldb [x+k] k = 2^32-1", "ldx #1\nldb [x + 0xffffffff]\nret #1", "01020304", 4, 0),
            new Case("ldh [x+k] in bounds", "ldx #1\nldh [x + 1]\nret a", "01020304", 4, 0x0304),
            new Case("ld [x+k] one short", "ldx #1\nld [x + 0]\nret a", "01020304", 4, 0),
            new Case("empty packet", "ldb [0]\nret #1", "", 0, 0),
            new Case("div x by zero", "ld #10\nldx #0\ndiv x\nret #7", "", 0, 0),
            new Case("mod x by zero", "ld #10\nldx #0\nmod x\nret #7", "", 0, 0),
            new Case("div #0", "ld #10\ndiv #0\nret #7", "", 0, 0),
            new Case("mod #0", "ld #10\nmod #0\nret #7", "", 0, 0),
            new Case("div unsigned", "ld #0xffffffff\ndiv #2\nret a", "", 0, 0x7fffffff),
            new Case("mod unsigned", "ld #0xffffffff\nldx #10\nmod x\nret a", "", 0, 5),
            new Case("mul wraps", "ld #0x10000\nmul #0x10000\nret a", "", 0, 0),
            new Case("lsh 31", "ld #1\nlsh #31\nret a", "", 0, 0x80000000),
            new Case("lsh 32", "ld #1\nlsh #32\nret a", "", 0, 0),
            new Case("lsh 33", "ld #1\nlsh #33\nret a", "", 0, 0),
            new Case("rsh 31", "ld #0x80000000\nrsh #31\nret a", "", 0, 1),
            new Case("rsh 32", "ld #0x80000000\nrsh #32\nret a", "", 0, 0),
            new Case("lsh x 31", "ld #1\nldx #31\nlsh x\nret a", "", 0, 0x80000000),
            new Case("lsh x 32", "ld #1\nldx #32\nlsh x\nret a", "", 0, 0),
            new Case("rsh x 33", "ld #0xffffffff\nldx #33\nrsh x\nret a", "", 0, 0),
            new Case("rsh x 2^32-1", "ld #0xffffffff\nldx #0xffffffff\nrsh x\nret a", "", 0, 0),
            new Case("neg", "ld #1\nneg\nret a", "", 0, -1),
            new Case("jgt 0x80000000 > 0x7fffffff", "ld #0x80000000\njgt #0x7fffffff, yes, no\nno: ret #0\nyes: ret #1", "", 0, 1),
            new Case("jgt 0x7fffffff > 0x80000000", "ld #0x7fffffff\njgt #0x80000000, yes, no\nno: ret #0\nyes: ret #1", "", 0, 0),
            new Case("jge equal at sign bit", "ld #0x80000000\njge #0x80000000, yes, no\nno: ret #0\nyes: ret #1", "", 0, 1),
            new Case("jlt sugar unsigned", "ld #0x7fffffff\njlt #0x80000000, yes, no\nno: ret #0\nyes: ret #1", "", 0, 1),
            new Case("jgt x 0xffffffff > 0", "ld #0xffffffff\nldx #0\njgt x, yes, no\nno: ret #0\nyes: ret #1", "", 0, 1),
            new Case("jge x 0 >= 0x80000000", "ld #0\nldx #0x80000000\njge x, yes, no\nno: ret #0\nyes: ret #1", "", 0, 0),
            new Case("jset sign bit", "ld #0x80000000\njset #0x80000000, yes, no\nno: ret #0\nyes: ret #1", "", 0, 1),
            new Case("jset x none", "ld #0x0f\nldx #0xf0\njset x, yes, no\nno: ret #0\nyes: ret #1", "", 0, 0),
            new Case("jeq x", "ld #5\nldx #5\njeq x, yes\nret #0\nyes: ret #1", "", 0, 1),
            new Case("ldxb 4*([14]&0xf)", "ldxb 4*([14]&0xf)\ntxa\nret a", IPV4_TCP, 74, 20),
            new Case("ldxb past caplen", "ldxb 4*([14]&0xf)\nret #1", "ffffffffffff020000000001080045", 15, 1),
            new Case("ldxb one past caplen", "ldxb 4*([15]&0xf)\nret #1", "ffffffffffff020000000001080045", 15, 0),
            new Case("tcp dst port via x", "ldxb 4*([14]&0xf)\nldh [x + 16]\nret a", IPV4_TCP, 74, 80),
            new Case("verdict above caplen", "ret #262144", "0102", 2, 262144),
            new Case("verdict 2^32-1", "ret #-1", "0102", 2, -1),
            new Case("ret a above caplen", "ld #1000\nret a", "0102", 2, 1000),
            new Case("pktlen is wirelen", "ld #pktlen\nret a", "0102", 1500, 1500),
            new Case("ldx len is wirelen", "ldx #len\ntxa\nret a", "0102", 60, 60),
            new Case("scratch starts at zero", "ld #7\nld M[5]\nret a", "", 0, 0),
            new Case("scratch round trip", "ld #7\nst M[3]\nldx M[3]\ntxa\nadd #1\nstx M[15]\nld M[15]\nret a", "", 0, 7),
            new Case("fall off the end", "ld #1", "", 0, 0),
            new Case("jump past the end", "(000) ja       9", "", 0, 0),
            new Case("cond jump past the end", "(000) jeq      #0x0             jt 5\tjf 1\n(001) ret      #1", "", 0, 0),
            new Case("ancillary without data", "ld #proto\nret a", "0102", 2, 0),
            new Case("ancillary protocol", "ld #proto\nret a", "0102", 2, 0x800,
                    aux(Map.of(Extension.PROTOCOL, 0x800), -1)),
            new Case("ancillary missing", "ld #mark\nret a", "0102", 2, 0, aux(Map.of(Extension.PROTOCOL, 0x800), -1)),
            new Case("net offset load", "ldb [0xfff00001]\nret a", "00112233", 4, 0x33, aux(Map.of(), 2)),
            new Case("net offset unknown", "ldb [0xfff00001]\nret #1", "00112233", 4, 0, aux(Map.of(), -1)),
            new Case("link-layer offset load", "ldh [0xffe00002]\nret a", "00112233", 4, 0x2233, aux(Map.of(), -1)),
            new Case("tcp port 80 and host 10.0.0.1", TCPDUMP_TCP80_HOST, IPV4_TCP, 74, 262144));
    }

    /** {@code tcpdump -y EN10MB -d 'tcp port 80 and host 10.0.0.1'} (tcpdump 4.99.3, libpcap 1.10.3). */
    static final String TCPDUMP_TCP80_HOST = """
            (000) ldh      [12]
            (001) jeq      #0x86dd          jt 17	jf 2
            (002) jeq      #0x800           jt 3	jf 17
            (003) ldb      [23]
            (004) jeq      #0x6             jt 5	jf 17
            (005) ldh      [20]
            (006) jset     #0x1fff          jt 17	jf 7
            (007) ldxb     4*([14]&0xf)
            (008) ldh      [x + 14]
            (009) jeq      #0x50            jt 12	jf 10
            (010) ldh      [x + 16]
            (011) jeq      #0x50            jt 12	jf 17
            (012) ld       [26]
            (013) jeq      #0xa000001       jt 16	jf 14
            (014) ld       [30]
            (015) jeq      #0xa000001       jt 16	jf 17
            (016) ret      #262144
            (017) ret      #0
            """;

    static AncillaryData aux(Map<Extension, Integer> values, int networkOffset) {
        return new AncillaryData() {
            @Override public boolean has(Extension e) { return values.containsKey(e); }
            @Override public int get(Extension e) { return values.get(e); }
            @Override public int networkOffset() { return networkOffset; }
        };
    }

    @TestFactory
    Stream<DynamicTest> edgeCasesOnAllBackends() {
        return cases().stream().flatMap(c -> Stream.of(Backend.values()).map(b -> dynamicTest(c.name() + " [" + b + "]", () -> {
            Program p = Assembler.parse(c.program());
            byte[] pkt = HexFormat.of().parseHex(c.hex());
            int verdict = b.prepare(p).apply(pkt, 0, pkt.length, c.wirelen(), c.aux());
            assertEquals(c.expected(), verdict, () -> p.toString());
        })));
    }

    @Test
    void packetAtAnOffsetInTheBuffer() {
        Program p = Assembler.parse("ldh [0]\nret a");
        byte[] buf = HexFormat.of().parseHex("ffff1234ffff");
        for (Backend b : Backend.values()) {
            assertEquals(0x1234, b.prepare(p).apply(buf, 2, 2, 2, AncillaryData.NONE), b.name());
            assertEquals(0, b.prepare(p).apply(buf, 2, 1, 2, AncillaryData.NONE), b.name());
        }
    }

    @Test
    void largestProgramsCompileAndAgree() {
        Random r = new Random(SEED);
        for (int round = 0; round < 3; round++) {
            List<io.jdump.bpf.Insn> insns = new ArrayList<>();
            for (int pc = 0; pc < 4095; pc++) {
                insns.add(switch (pc % 3) {
                    case 0 -> new LoadInd(Size.W, r.nextInt(40));
                    case 1 -> new JmpX(io.jdump.bpf.JmpOp.JGE, 0, r.nextInt(Math.min(256, 4095 - pc)));
                    default -> new AluX(io.jdump.bpf.AluOp.LSH);
                });
            }
            insns.add(new RetA());
            Program p = new Program(insns);
            var single = assertThrows(IllegalArgumentException.class, () -> Jit.bytecode(p, 0), "needs more than one method");
            assertTrue(single.getMessage().startsWith("Code length"), single.getMessage());
            compareOn(p, Jit.compile(p), r, 200, "4096-insn program, seed " + SEED);
        }
    }

    @Test
    void randomProgramsAgreeWithTheInterpreter() {
        Random r = new Random(SEED);
        int programs = 2_000 * SCALE, packets = 50;
        long executions = 0;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < programs; i++) {
            long seed = r.nextLong();
            Random pr = new Random(seed);
            Program p = JitPrograms.program(pr, 1 + pr.nextInt(60), pr.nextInt(4) != 0);
            PacketFilter jit = i % 4 == 3 ? Jit.compile(p, 1 + pr.nextInt(7)) : Jit.compile(p);
            String where = "seed " + SEED + ", program #" + i + " (program seed " + seed + ")";
            executions += packets;
            mismatches.addAll(compare(p, jit, pr, packets, where));
        }
        System.out.printf("JIT differential: %d programs, %d executions, %d mismatches (seed %d, scale %d)%n",
                programs, executions, mismatches.size(), SEED, SCALE);
        assertTrue(executions >= 100_000 * SCALE);
        assertEquals(List.of(), mismatches.stream().limit(5).toList(), mismatches.size() + " mismatches, seed " + SEED);
    }

    private static void compareOn(Program p, PacketFilter jit, Random r, int packets, String where) {
        assertEquals(List.of(), compare(p, jit, r, packets, where));
    }

    private static List<String> compare(Program p, PacketFilter jit, Random r, int packets, String where) {
        Interpreter interpreter = new Interpreter(p);
        List<String> out = new ArrayList<>();
        for (int j = 0; j < packets; j++) {
            JitPrograms.Packet pkt = JitPrograms.packet(r);
            String want = run(interpreter, pkt), got = run(jit, pkt);
            if (!want.equals(got)) {
                out.add(where + ", packet " + pkt + ": interpreter " + want + ", jit " + got + "\n" + p);
            }
        }
        return out;
    }

    private static String run(PacketFilter f, JitPrograms.Packet pkt) {
        try {
            return Integer.toUnsignedString(f.apply(pkt.buf(), pkt.off(), pkt.caplen(), pkt.wirelen(), pkt.aux()));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
