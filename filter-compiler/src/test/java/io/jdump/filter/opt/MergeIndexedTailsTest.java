package io.jdump.filter.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Program;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.LinkType;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.CfgChecker;
import io.jdump.filter.sema.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MergeIndexedTails}: the rewrite on text IR (what merges, what must not), and whole
 * expressions whose IPv6 tail merges into the IPv4 one, run optimized and unoptimized on IPv4
 * (header lengths 20, 24, 60; fragments) and IPv6 frames carrying TCP, UDP and SCTP with matching
 * and other ports, each cut at every length.
 */
class MergeIndexedTailsTest {
    static Stream<Arguments> ir() {
        return Stream.of(
                row("the absolute tail becomes ldx #d on its predecessor, which jumps into the indexed one", """
                        b0: ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldb [20]; jeq #0x6 -> b2, b9
                        b2: ldh [54]; jeq #0x50 -> b8, b7
                        b7: ldh [56]; jeq #0x50 -> b8, b9
                        b3: ldxb 4*([14]&0xf); ja -> b4
                        b4: ldh [x + 14]; jeq #0x50 -> b8, b5
                        b5: ldh [x + 16]; jeq #0x50 -> b8, b9
                        b8: ret #262144
                        b9: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x86dd -> b1, b2
                        b1: ldb [20]; ldx #0x28; jeq #0x6 -> b3, b6
                        b2: ldxb 4*([14]&0xf); ja -> b3
                        b3: ldh [x + 14]; jeq #0x50 -> b5, b4
                        b4: ldh [x + 16]; jeq #0x50 -> b5, b6
                        b5: ret #262144
                        b6: ret #0
                        """),
                row("an indexed root inside its block splits the block", """
                        b0: ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldb [20]; jeq #0x6 -> b2, b9
                        b2: ldh [54]; jeq #0x50 -> b8, b7
                        b7: ldh [56]; jeq #0x50 -> b8, b9
                        b3: ldxb 4*([14]&0xf); ldh [x + 14]; jeq #0x50 -> b8, b5
                        b5: ldh [x + 16]; jeq #0x50 -> b8, b9
                        b8: ret #262144
                        b9: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x86dd -> b1, b2
                        b1: ldb [20]; ldx #0x28; jeq #0x6 -> b3, b6
                        b2: ldxb 4*([14]&0xf); ja -> b3
                        b3: ldh [x + 14]; jeq #0x50 -> b5, b4
                        b4: ldh [x + 16]; jeq #0x50 -> b5, b6
                        b5: ret #262144
                        b6: ret #0
                        """),
                row("offsets that differ by different amounts: only the tail with one d merges (d = 42)", """
                        b0: ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldb [20]; jeq #0x6 -> b2, b9
                        b2: ldh [54]; jeq #0x50 -> b8, b7
                        b7: ldh [58]; jeq #0x50 -> b8, b9
                        b3: ldxb 4*([14]&0xf); ja -> b4
                        b4: ldh [x + 14]; jeq #0x50 -> b8, b5
                        b5: ldh [x + 16]; jeq #0x50 -> b8, b9
                        b8: ret #262144
                        b9: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldb [20]; jeq #0x6 -> b2, b7
                        b2: ldh [54]; ldx #42; jeq #0x50 -> b6, b5
                        b3: ldxb 4*([14]&0xf); ja -> b4
                        b4: ldh [x + 14]; jeq #0x50 -> b6, b5
                        b5: ldh [x + 16]; jeq #0x50 -> b6, b7
                        b6: ret #262144
                        b7: ret #0
                        """),
                row("not when a shared block reads X", """
                        b0: ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldb [20]; jeq #0x6 -> b2, b9
                        b2: ldh [54]; jeq #0x50 -> b8, b7
                        b7: ldh [56]; jeq #0x50 -> b8, b9
                        b3: ldxb 4*([14]&0xf); ja -> b4
                        b4: ldh [x + 14]; jeq #0x50 -> b8, b5
                        b5: ldh [x + 16]; jeq #0x50 -> b8, b9
                        b8: txa; ret
                        b9: ret #0
                        """, null),
                row("in place when the predecessor's other way reads X: P becomes ldx #d and falls into Q", """
                        b0: ldxb 4*([14]&0xf); ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldb [20]; jeq #0x6 -> b2, b3
                        b2: ldh [54]; jeq #0x50 -> b8, b9
                        b3: ldh [x + 14]; jeq #0x50 -> b8, b9
                        b8: ret #262144
                        b9: ret #0
                        """, """
                        b0: ldxb 4*([14]&0xf); ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldb [20]; jeq #0x6 -> b2, b3
                        b2: ldx #40; ja -> b3
                        b3: ldh [x + 14]; jeq #0x50 -> b4, b5
                        b4: ret #262144
                        b5: ret #0
                        """),
                row("not when the merged part is no bigger than what replaces it", """
                        b0: ldxb 4*([14]&0xf); ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldb [20]; jeq #0x6 -> b4, b9
                        b4: ldb [21]; jeq #0x7 -> b2, b3
                        b2: ldh [54]; jeq #0x50 -> b8, b9
                        b3: ldb [22]; jeq #0x8 -> b5, b9
                        b5: ldh [x + 14]; jeq #0x50 -> b8, b9
                        b8: ret #262144
                        b9: ret #0
                        """, null),
                row("one ldx #d at the dominator of P's three predecessors (the ip6[6] tests of src port 7)", """
                        b0: ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldb [20]; jeq #0x6 -> b2, b10
                        b10: jeq #0x11 -> b2, b11
                        b11: jeq #0x84 -> b2, b9
                        b2: ldh [54]; jeq #0x7 -> b8, b9
                        b3: ldxb 4*([14]&0xf); ja -> b4
                        b4: ldh [x + 14]; jeq #0x7 -> b8, b9
                        b8: ret #262144
                        b9: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x86dd -> b1, b4
                        b1: ldb [20]; ldx #0x28; jeq #0x6 -> b5, b2
                        b2: jeq #0x11 -> b5, b3
                        b3: jeq #0x84 -> b5, b7
                        b4: ldxb 4*([14]&0xf); ja -> b5
                        b5: ldh [x + 14]; jeq #0x7 -> b6, b7
                        b6: ret #262144
                        b7: ret #0
                        """),
                row("not at a dominator whose region leaves for a block that reads X (and in place is no smaller)", """
                        b0: ldxb 4*([14]&0xf); ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldb [20]; jeq #0x6 -> b2, b10
                        b10: jeq #0x11 -> b2, b11
                        b11: jeq #0x84 -> b2, b3
                        b2: ldh [54]; jeq #0x7 -> b8, b9
                        b3: ldh [x + 16]; jeq #0x7 -> b8, b12
                        b12: ldh [x + 14]; jeq #0x7 -> b8, b9
                        b8: ret #262144
                        b9: ret #0
                        """, null),
                row("not for the block's own statements before an X write", """
                        b0: ldh [12]; jeq #0x86dd -> b1, b3
                        b1: ldh [54]; ldh [56]; jeq #0x50 -> b8, b9
                        b3: ldh [x + 14]; ldxb 4*([14]&0xf); ldh [x + 16]; jeq #0x50 -> b8, b9
                        b8: ret #262144
                        b9: ret #0
                        """, null));
    }

    private static Arguments row(String name, String in, String out) {
        return Arguments.of(name, in, out == null ? in : out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ir")
    void rewritesAsExpected(String name, String in, String out) {
        Cfg cfg = IrText.parse(in);
        new MergeIndexedTails().run(cfg);
        CfgChecker.check(cfg, name);
        assertEquals(IrText.print(IrText.parse(out)), IrText.print(cfg));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp port 80", "udp portrange 100-200", "port 80", "sctp dst port 9", "!tcp[13] & 2 != 0 or ip6[67] & 2 != 0",
            "tcp src port 80 and tcp dst port 22", "tcp dst portrange 1-1000", "udp src port 53 or udp dst port 67",
            "!(tcp port 80 or udp port 53) and not port 22", "!tcp[2:2] > 100 or ip6[9] = 7", "src port 22", "dst portrange 1-1023",
            "port 9 and not src port 80"})
    void mergedProgramsKeepEveryVerdict(String spec) {
        String expr = spec.replace("!", "");
        CompileOptions o = CompileOptions.of(LinkType.EN10MB).withResolver(Resolver.of(Map.of(), Map.of(), Map.of(), Map.of()));
        Program unopt = FilterCompiler.compile(expr, o.withOptimize(false));
        Program opt = FilterCompiler.compile(expr, o);
        if (!spec.startsWith("!")) {
            assertTrue(opt.insns().stream().anyMatch(i -> i instanceof Insn.LoadImm(var r, var k) && k == 40), "no merge in\n" + opt);
        }
        assertTrue(CutVerdicts.assertEqual(expr, unopt, opt, frames())[0] > 0, "nothing accepted");
    }

    private static List<byte[]> frames() {
        List<byte[]> out = new ArrayList<>();
        int[][] ports = {{80, 22}, {22, 80}, {150, 9}, {53, 1000}, {9, 53}, {1, 2}};
        for (int proto : new int[] {6, 17, 132, 1}) {
            for (int[] p : ports) {
                for (int ihl : new int[] {5, 6, 15}) {
                    for (int frag : new int[] {0, 0x2000, 1}) out.add(ipv4(proto, ihl, frag, p[0], p[1]));
                }
                out.add(ipv6(proto, p[0], p[1]));
            }
        }
        return out;
    }

    private static byte[] ipv4(int proto, int ihl, int frag, int sport, int dport) {
        byte[] f = new byte[14 + ihl * 4 + 20];
        put16(f, 12, 0x800);
        f[14] = (byte) (0x40 | ihl);
        put16(f, 20, frag);
        f[23] = (byte) proto;
        transport(f, 14 + ihl * 4, sport, dport);
        return f;
    }

    private static byte[] ipv6(int next, int sport, int dport) {
        byte[] f = new byte[14 + 40 + 20];
        put16(f, 12, 0x86dd);
        f[14] = 0x60;
        f[20] = (byte) next;
        transport(f, 54, sport, dport);
        return f;
    }

    private static void transport(byte[] f, int at, int sport, int dport) {
        put16(f, at, sport);
        put16(f, at + 2, dport);
        f[at + 8] = 1;
        f[at + 9] = 2;
        f[at + 10] = 3;
        f[at + 11] = 4;
        f[at + 13] = (byte) (sport == 80 ? 2 : 0);
    }

    private static void put16(byte[] f, int at, int v) {
        f[at] = (byte) (v >> 8);
        f[at + 1] = (byte) v;
    }
}
