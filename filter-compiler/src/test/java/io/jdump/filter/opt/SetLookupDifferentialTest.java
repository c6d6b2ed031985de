package io.jdump.filter.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.LinkType;
import io.jdump.filter.sema.Resolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search-tree set lookups keep every verdict: seeded random lists of hosts, nets, ports and
 * protocol values, compiled with and without the optimizer, run on the corpus, on truncations of
 * path-covering packets (each compared constant written into its field, then cut at every length
 * around the compared fields, which checks the probes that keep faults exact). Also checks that
 * lookups are built at all: a packet runs O(log n) comparisons.
 */
class SetLookupDifferentialTest {
    private static final int SCALE = Integer.getInteger("jdump.fuzz.scale", 1);

    static Stream<String> expressions() {
        long seed = Long.getLong("jdump.fuzz.seed", 7L);
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(List.of(
                list(r, 40, "host %s", " or "), list(r, 12, "src host %s", " or "), list(r, 9, "dst host %s", " or "),
                list(r, 30, "port %p", " or "), list(r, 10, "tcp dst port %p", " or "), list(r, 8, "net %n", " or "),
                "ip and (" + list(r, 20, "ip[9] = %b", " or ") + ")", "not (" + list(r, 16, "host %s", " or ") + ")",
                list(r, 7, "host %s", " or ") + " or " + list(r, 7, "port %p", " or "),
                "tcp and (" + list(r, 25, "dst port %p", " or ") + ")",
                list(r, 12, "portrange %r", " or "), list(r, 20, "udp dst portrange %r", " or "),
                list(r, 8, "portrange %r", " or ") + " or " + list(r, 8, "port %p", " or "), list(r, 10, "tcp src portrange %r", " or ")));
        for (int i = 0; i < 6 * SCALE; i++) out.add(list(r, 6 + r.nextInt(60), r.nextBoolean() ? "host %s" : "src or dst host %s", " or "));
        return out.stream();
    }

    private static String list(Random r, int n, String form, String sep) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ip = (r.nextInt(3) == 0 ? "192.168.1." : "10.0." + r.nextInt(4) + ".") + (1 + r.nextInt(254));
            String term = form;
            if (form.contains("%r")) {   // drawn only for ranges: the other lists stay as they were
                int lo = 1 + r.nextInt(r.nextBoolean() ? 1024 : 65000);
                term = form.replace("%r", lo + "-" + (lo + r.nextInt(r.nextBoolean() ? 3 : 300)));
            }
            parts.add(term.replace("%s", ip).replace("%p", Integer.toString(1 + r.nextInt(r.nextBoolean() ? 1024 : 65535)))
                    .replace("%n", "10." + r.nextInt(256) + ".0.0/16").replace("%b", Integer.toString(r.nextInt(256))));
        }
        return String.join(sep, parts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void lookupKeepsVerdicts(String expr) throws IOException {
        CompileOptions o = options();
        Program unopt = FilterCompiler.compile(expr, o.withOptimize(false));
        Program opt = FilterCompiler.compile(expr, o);
        assertTrue(sameVerdicts(expr, unopt, opt, packets(unopt)) > 0, "no packet accepted: the path-covering packets miss the lookups");
        assertTrue(opt.longestPath() <= unopt.longestPath(), "optimized runs longer");
    }

    /**
     * The fixed lists (hosts, nets, ports, protocol values) with the long leaves that make a
     * lookup fit the kernel (io.jdump.filter.KernelFit): a few leaves per group of shared
     * returns, and leaves longer than any list (the lookup stays a chain).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixedExpressions")
    void longLeavesKeepVerdicts(String expr) throws IOException {
        CompileOptions o = options();
        Program unopt = FilterCompiler.compile(expr, o.withOptimize(false));
        List<Suite.Pkt> pkts = packets(unopt);
        for (LookupShape shape : new LookupShape[] {LookupShape.small(6, 30), LookupShape.small(1000, 1000)}) {
            var cfg = io.jdump.filter.gen.CodeGen.generate(FilterCompiler.parse(expr), o);
            PassManager.standard(shape).run(cfg);
            assertTrue(sameVerdicts(expr, unopt, io.jdump.filter.emit.Linearizer.emit(cfg), pkts) > 0, "no packet accepted");
        }
    }

    static Stream<String> fixedExpressions() {
        return expressions().limit(10);
    }

    private static CompileOptions options() {
        return CompileOptions.of(LinkType.EN10MB).withResolver(Resolver.of(Map.of(), Map.of(), Map.of(), Map.of()));
    }

    /** The corpus, packets covering {@code unopt}'s paths, and their cuts around the compared fields. */
    private static List<Suite.Pkt> packets(Program unopt) throws IOException {
        List<Suite.Pkt> pkts = new ArrayList<>();
        for (Suite.Pkt p : OptimizerDifferentialTest.withPathCovering(unopt, Suite.packets(LinkType.EN10MB, 200, 11))) {
            pkts.add(p);
            for (int cut = 22; cut < Math.min(60, p.data().length); cut++) pkts.add(new Suite.Pkt(java.util.Arrays.copyOf(p.data(), cut), p.wirelen()));
        }
        return pkts;
    }

    /** Asserts equal verdicts on {@code pkts}; returns how many were accepted. */
    private static int sameVerdicts(String expr, Program unopt, Program opt, List<Suite.Pkt> pkts) {
        Interpreter a = new Interpreter(unopt), b = new Interpreter(opt);
        int accepted = 0;
        for (int i = 0; i < pkts.size(); i++) {
            Suite.Pkt p = pkts.get(i);
            int va = a.apply(p.data(), p.data().length, p.wirelen());
            int at = i;
            assertEquals(va, b.apply(p.data(), p.data().length, p.wirelen()),
                    () -> "packet " + at + " (" + p.data().length + " bytes) of '" + expr + "'\n" + opt);
            if (va != 0) accepted++;
        }
        return accepted;
    }

    @ParameterizedTest(name = "{0} hosts")
    @MethodSource("sizes")
    void hostListsRunLogarithmicallyMany(int n) {
        CompileOptions o = CompileOptions.of(LinkType.EN10MB).withResolver(Resolver.of(Map.of(), Map.of(), Map.of(), Map.of()));
        Program p = FilterCompiler.compile(OptBench.generate("hosts", n), o);
        int longest = p.longestPath();
        int bound = 12 + 4 * (32 - Integer.numberOfLeadingZeros(n)) + 4 * BuildSetLookups.LEAF;
        assertTrue(longest <= bound, n + " hosts: longest path " + longest + " > " + bound);
        assertTrue(p.insns().stream().noneMatch(i -> i instanceof Insn.Ja) || p.size() > 255, "ja in a short program");
    }

    static Stream<Integer> sizes() {
        return Stream.of(16, 100, 500);
    }

    /**
     * Port and port range lists are one lookup per compared field, however many terms threading has to join first:
     * {@code udp dst port} one tree, {@code port} two (source and destination), each tried once, over
     * IPv4 and IPv6 alike. Before, threading joined the terms over several rounds and the lookups
     * built in between were several trees tried in turn (100 {@code udp dst port}: longest path 42),
     * or none (100 {@code port}: 98); range lists were chains (100 {@code portrange}: 607,
     * io.jdump.filter.opt.BuildRangeLookups). Verdicts as the unoptimized program's.
     */
    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"udp dst port %p, 100, 1", "tcp src port %p, 200, 1", "port %p, 100, 2", "udp port %p, 200, 2",
        "udp dst portrange %r, 100, 1", "portrange %r, 100, 2"})
    void portListsAreOneLookupPerField(String form, int n, int fields) throws IOException {
        String expr = list(new Random(n), n, form, " or ");
        CompileOptions o = options();
        Program unopt = FilterCompiler.compile(expr, o.withOptimize(false));
        Program opt = FilterCompiler.compile(expr, o);
        int tree = 32 - Integer.numberOfLeadingZeros(n) + BuildSetLookups.LEAF;
        int bound = 14 + fields * (tree + 1);
        assertTrue(opt.longestPath() <= bound, () -> "longest path " + opt.longestPath() + " > " + bound + "\n" + opt);
        assertTrue(sameVerdicts(expr, unopt, opt, packets(unopt)) > 0, "no packet accepted");
    }
}
