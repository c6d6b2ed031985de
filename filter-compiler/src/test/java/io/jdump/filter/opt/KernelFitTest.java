package io.jdump.filter.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Program;
import io.jdump.bpf.Validator;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.LinkType;
import io.jdump.filter.emit.Linearizer;
import io.jdump.filter.gen.CodeGen;
import io.jdump.filter.sema.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Host lists too large for the kernel with the default set lookups and small enough with longer
 * leaves (io.jdump.filter.KernelFit): the compiled program has at most 4,096 instructions, passes
 * the kernel's validator, and gives every packet the unoptimized program's verdict: each host as
 * the IPv4 source and destination, every eighth as the ARP and RARP sender and target and with
 * its neighbours (mostly non-members) in either field, other ether types; every 25th frame cut at
 * every length. Lists that fit already, and lists for which no program fits, keep the default
 * program.
 */
class KernelFitTest {
    private static final CompileOptions OPTIONS = CompileOptions.of(LinkType.EN10MB)
            .withResolver(Resolver.of(Map.of(), Map.of(), Map.of(), Map.of()));

    @ParameterizedTest(name = "{0} hosts")
    @ValueSource(ints = {1600, 2000, 2030})
    void largeHostListFitsTheKernelWithTheSameVerdicts(int n) {
        List<Integer> hosts = hosts(n);
        String expr = expr(hosts);
        Program opt = FilterCompiler.compile(expr, OPTIONS);
        assertTrue(opt.size() <= Validator.KERNEL_MAX_INSNS, () -> opt.size() + " instructions");
        assertEquals(List.of(), Validator.problems(opt, Validator.Mode.KERNEL));
        assertTrue(withDefaultLookups(expr).size() > Validator.KERNEL_MAX_INSNS, "the default program fits already");
        Program unopt = FilterCompiler.compile(expr, OPTIONS.withOptimize(false));
        List<byte[]> frames = frames(hosts);
        var full = new io.jdump.bpf.Interpreter(unopt);
        var fitted = new io.jdump.bpf.Interpreter(opt);
        int accepted = 0;
        for (byte[] f : frames) {
            int v = full.apply(f, f.length, f.length);
            assertEquals(v, fitted.apply(f, f.length, f.length), () -> n + " hosts, frame of " + f.length + " bytes");
            if (v != 0) accepted++;
        }
        assertTrue(accepted >= 2 * n && accepted < frames.size(), accepted + " of " + frames.size() + " accepted");
        List<byte[]> some = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += 25) some.add(frames.get(i));
        int[] cut = CutVerdicts.assertEqual(n + " hosts", unopt, opt, some);
        assertTrue(cut[0] > 0 && cut[1] > 0);
    }

    @ParameterizedTest(name = "{0} hosts")
    @ValueSource(ints = {1500, 3000})
    void programThatFitsOrCanNotFitIsTheDefaultOne(int n) {
        String expr = expr(hosts(n));
        Program p = FilterCompiler.compile(expr, OPTIONS);
        assertEquals(withDefaultLookups(expr), p);
        assertEquals(n > 2040, p.size() > Validator.KERNEL_MAX_INSNS, () -> p.size() + " instructions");
    }

    @Test
    void shortestFittingProgramIsKept() {
        // 1,800 hosts fit with leaves of about ten jeq: far from a linear chain of 3,600.
        Program p = FilterCompiler.compile(expr(hosts(1800)), OPTIONS);
        assertTrue(p.size() <= Validator.KERNEL_MAX_INSNS);
        assertTrue(p.longestPath() < 80, () -> "longest path " + p.longestPath());
    }

    private static Program withDefaultLookups(String expr) {
        var cfg = CodeGen.generate(FilterCompiler.parse(expr), OPTIONS);
        PassManager.standard().run(cfg);
        return Linearizer.emit(cfg);
    }

    /** {@code n} distinct hosts in 10.0.0.0/8, none at .0, from a seed of its own per size. */
    private static List<Integer> hosts(int n) {
        Random r = new Random(4096 + n);
        TreeSet<Integer> hosts = new TreeSet<>();
        while (hosts.size() < n) hosts.add((10 << 24) | r.nextInt(1 << 18) << 6 | 1 + r.nextInt(62));
        List<Integer> shuffled = new ArrayList<>(hosts);
        java.util.Collections.shuffle(shuffled, r);
        return shuffled;
    }

    private static String expr(List<Integer> hosts) {
        return String.join(" or ", hosts.stream().map(h -> "host " + SetLookupBoundaryTest.dotted(h)).toList());
    }

    private static List<byte[]> frames(List<Integer> hosts) {
        List<byte[]> out = new ArrayList<>();
        int outside = 0x7f000001;
        for (int i = 0; i < hosts.size(); i++) {
            int h = hosts.get(i);
            out.add(SetLookupBoundaryTest.ipv4(6, h, outside, 1, 2));
            out.add(SetLookupBoundaryTest.ipv4(17, outside, h, 1, 2));
            if (i % 8 != 0) continue;
            for (int type : new int[] {0x0806, 0x8035}) {
                out.add(SetLookupBoundaryTest.arp(type, h, outside));
                out.add(SetLookupBoundaryTest.arp(type, outside, h));
            }
            for (int near : new int[] {h - 1, h + 1}) {
                out.add(SetLookupBoundaryTest.ipv4(6, near, outside, 1, 2));
                out.add(SetLookupBoundaryTest.ipv4(6, outside, near, 1, 2));
            }
            byte[] other = SetLookupBoundaryTest.ipv4(6, h, h, 1, 2);
            other[12] = (byte) 0x86;
            other[13] = (byte) 0xdd;
            out.add(other);
        }
        return out;
    }
}
