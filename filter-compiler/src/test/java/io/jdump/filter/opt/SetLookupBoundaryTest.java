package io.jdump.filter.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.LinkType;
import io.jdump.filter.sema.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Set lookups at their edges: lists big enough for several groups of shared returns and for long
 * jumps, run optimized and unoptimized on packets whose compared field is every constant, and one
 * below and one above it (the search tree's pivots and leaf bounds), in the source and the
 * destination field, for IPv4, ARP and RARP frames (host lists) or TCP and UDP over IPv4 and IPv6
 * (port lists); each
 * such packet is also cut at every length around the compared fields, where the original chain's
 * order of loads decides whether a packet is rejected by a fault before a match.
 */
class SetLookupBoundaryTest {
    private static final int SCALE = Integer.getInteger("jdump.fuzz.scale", 1);

    record Case(String expr, List<Integer> constants, boolean ports) {
        @Override
        public String toString() { return (ports ? "ports " : "hosts ") + constants.size(); }
    }

    static Stream<Case> cases() {
        long seed = Long.getLong("jdump.fuzz.seed", 23L);
        Random r = new Random(seed);
        List<Case> out = new ArrayList<>();
        for (int n : new int[] {70, 300 * SCALE}) {
            TreeSet<Integer> hosts = new TreeSet<>();
            while (hosts.size() < n) hosts.add((10 << 24) | r.nextInt(1 << 18) << 2 | 1 + r.nextInt(3));
            out.add(new Case(String.join(" or ", hosts.stream().map(h -> "host " + dotted(h)).toList()), List.copyOf(hosts), false));
            TreeSet<Integer> ports = new TreeSet<>();
            while (ports.size() < n / 2) ports.add(1 + r.nextInt(65534));
            out.add(new Case(String.join(" or ", ports.stream().map(p -> "port " + p).toList()), List.copyOf(ports), true));
        }
        System.out.println("SetLookupBoundaryTest seed " + seed);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyConstantAndNeighbourKeepsItsVerdict(Case c) {
        CompileOptions o = options();
        Program opt = FilterCompiler.compile(c.expr(), o);
        if (!c.ports()) assertTrue(opt.longestPath() < 60, "no lookup built: longest path " + opt.longestPath());
        assertSameVerdicts(c, FilterCompiler.compile(c.expr(), o.withOptimize(false)), opt);
    }

    /**
     * The same with the long leaves and large return groups that make a lookup fit the kernel
     * (io.jdump.filter.KernelFit): leaves of 8 (several per group), of 100 (two per group) and
     * longer than any set (one run per field: the lookup is a chain again, and a second run of
     * the pass must leave it alone).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void longLeavesKeepEveryVerdict(Case c) {
        CompileOptions o = options();
        Program unopt = FilterCompiler.compile(c.expr(), o.withOptimize(false));
        for (LookupShape shape : new LookupShape[] {LookupShape.small(8, 240), LookupShape.small(100, 200), LookupShape.small(1000, 1000)}) {
            var cfg = io.jdump.filter.gen.CodeGen.generate(FilterCompiler.parse(c.expr()), o);
            PassManager.standard(shape).run(cfg);
            assertSameVerdicts(c, unopt, io.jdump.filter.emit.Linearizer.emit(cfg));
        }
    }

    private static CompileOptions options() {
        return CompileOptions.of(LinkType.EN10MB).withResolver(Resolver.of(Map.of(), Map.of(), Map.of(), Map.of()));
    }

    private static void assertSameVerdicts(Case c, Program unopt, Program opt) {
        Interpreter a = new Interpreter(unopt), b = new Interpreter(opt);
        int accepted = 0, checked = 0;
        for (int i = 0; i < c.constants().size(); i++) {
            int k = c.constants().get(i);
            for (int delta = -1; delta <= 1; delta++) {
                for (byte[] frame : frames(c.ports(), k + delta, c.constants().get((i * 7 + 3) % c.constants().size()))) {
                    boolean cut = i % 5 == 0;
                    for (int len = cut ? 12 : frame.length; len <= frame.length; len++) {
                        int va = a.apply(frame, len, frame.length);
                        int at = len;
                        assertEquals(va, b.apply(frame, len, frame.length),
                                () -> "value " + Integer.toHexString(k) + " caplen " + at + " of " + c + ": "
                                        + c.expr().substring(0, Math.min(300, c.expr().length())) + " ...");
                        if (va != 0) accepted++;
                        checked++;
                    }
                }
            }
        }
        assertTrue(accepted > checked / 20, "too few accepted: " + accepted + " of " + checked);
    }

    /** Frames with {@code v} in the source, then in the destination field (the other one {@code other} or unmatched). */
    private static List<byte[]> frames(boolean ports, int v, int other) {
        List<byte[]> out = new ArrayList<>();
        if (ports) {
            for (int proto : new int[] {6, 17}) {
                out.add(ipv4(proto, 0x0a000001, 0x0a000002, v & 0xffff, 0));
                out.add(ipv4(proto, 0x0a000001, 0x0a000002, 0, v & 0xffff));
                out.add(ipv4(proto, 0x0a000001, 0x0a000002, 0, other));
                out.add(ipv6(proto, v & 0xffff, 0));
                out.add(ipv6(proto, 0, v & 0xffff));
            }
            return out;
        }
        out.add(ipv4(6, v, 0x7f000001, 1, 2));
        out.add(ipv4(6, 0x7f000001, v, 1, 2));
        out.add(ipv4(17, v, other, 1, 2));
        for (int type : new int[] {0x0806, 0x8035}) {
            out.add(arp(type, v, 0x7f000001));
            out.add(arp(type, 0x7f000001, v));
        }
        return out;
    }

    static byte[] ipv4(int proto, int src, int dst, int sport, int dport) {
        byte[] f = new byte[14 + 20 + 8];
        put16(f, 12, 0x0800);
        f[14] = 0x45;
        put16(f, 16, 28);
        f[22] = 64;
        f[23] = (byte) proto;
        put32(f, 26, src);
        put32(f, 30, dst);
        put16(f, 34, sport);
        put16(f, 36, dport);
        return f;
    }

    static byte[] ipv6(int next, int sport, int dport) {
        byte[] f = new byte[14 + 40 + 8];
        put16(f, 12, 0x86dd);
        f[14] = 0x60;
        put16(f, 18, 8);
        f[20] = (byte) next;
        f[21] = 64;
        f[22 + 15] = 1;
        f[38 + 15] = 2;
        put16(f, 54, sport);
        put16(f, 56, dport);
        return f;
    }

    static byte[] arp(int type, int spa, int tpa) {
        byte[] f = new byte[14 + 28];
        put16(f, 12, type);
        put16(f, 14, 1);
        put16(f, 16, 0x0800);
        f[18] = 6;
        f[19] = 4;
        put16(f, 20, 1);
        put32(f, 28, spa);
        put32(f, 38, tpa);
        return f;
    }

    private static void put16(byte[] f, int at, int v) {
        f[at] = (byte) (v >>> 8);
        f[at + 1] = (byte) v;
    }

    private static void put32(byte[] f, int at, int v) {
        put16(f, at, v >>> 16);
        put16(f, at + 2, v);
    }

    static String dotted(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 255) + "." + (a >>> 8 & 255) + "." + (a & 255);
    }
}
