package io.jdump.filter.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.FilterException;
import io.jdump.filter.LinkType;
import io.jdump.filter.emit.Linearizer;
import io.jdump.filter.gen.CodeGen;
import io.jdump.filter.ir.Cfg;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optimizer keeps every verdict: for each expression of the libpcap suite's accept cases, the
 * optimized and unoptimized programs agree on every corpus packet, on seeded mutants (bit flips,
 * truncations) and on path-covering packets (each compared constant written into the compared
 * field); optimizing again changes nothing; and the optimizer adds no disagreement with libpcap's
 * own optimized program on the corpus. Size against libpcap is printed (the benchmark owns the
 * figures). Scale: {@code -Djdump.fuzz.scale=N} multiplies the mutants.
 */
class OptimizerDifferentialTest {
    private static final int SCALE = Integer.getInteger("jdump.fuzz.scale", 1);
    private static final long SEED = 20261122L;

    @Test
    void optimizedAndUnoptimizedAgreeOnEveryPacket() throws IOException {
        Map<LinkType, List<Suite.Pkt>> packets = new HashMap<>();
        Map<String, Suite.Case> byExpr = new LinkedHashMap<>();
        Map<String, String> libpcapListing = new HashMap<>();
        for (Suite.Case c : Suite.acceptCases()) {
            String key = c.dlt() + " " + c.options().snaplen() + " " + c.expr();
            byExpr.putIfAbsent(key, c);
            if (c.optimize()) libpcapListing.putIfAbsent(key, c.expectedListing());
        }
        List<String> failures = new ArrayList<>();
        int checked = 0, libpcapWorse = 0;
        double logRatio = 0;
        int sized = 0, larger = 0;
        for (var entry : byExpr.entrySet()) {
            Suite.Case c = entry.getValue();
            List<Suite.Pkt> pkts = packets.computeIfAbsent(c.dlt(), d -> load(d));
            Program unopt, opt;
            try {
                unopt = FilterCompiler.compile(c.expr(), c.options().withOptimize(false));
                opt = FilterCompiler.compile(c.expr(), c.options().withOptimize(true));
            } catch (FilterException e) {
                continue;
            }
            checked++;
            String diff = firstDifference(unopt, opt, withPathCovering(unopt, pkts));
            if (diff != null) failures.add(c.dlt() + " '" + c.expr() + "': " + diff + "\nunopt:\n" + unopt + "optimized:\n" + opt);
            String again = reoptimized(c.expr(), c.options());
            if (!again.equals(opt.toString())) failures.add("not idempotent: '" + c.expr() + "'");
            if (libpcapListing.containsKey(entry.getKey())) {
                Program libpcap = Suite.listing(libpcapListing.get(entry.getKey()));
                if (libpcap == null) continue;
                if (mismatches(libpcap, opt, pkts) > mismatches(libpcap, unopt, pkts)) libpcapWorse++;
                logRatio += Math.log((double) opt.size() / libpcap.size());
                sized++;
                if (opt.size() > libpcap.size()) larger++;
            }
        }
        System.out.printf("optimizer: %d expressions checked, size vs libpcap over %d optimized cases: geomean %.3f, %d larger;"
                + " %d where the optimizer adds a disagreement with libpcap%n", checked, sized, Math.exp(logRatio / Math.max(1, sized)),
                larger, libpcapWorse);
        assertTrue(checked > 100, "too few suite expressions compiled: " + checked);
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures (seed " + SEED + "), first:\n" + String.join("\n", failures.subList(0, Math.min(3, failures.size()))));
        assertEquals(0, libpcapWorse, "the optimizer made programs disagree with libpcap's where the unoptimized agreed");
    }

    /**
     * Every suite expression of every link type (802.11 and PFLOG included, whose run-time header
     * prologues put {@code Goto} blocks in the CFG) optimizes to a fixed point that a second run
     * leaves alone, with the CFG invariants checked after every pass.
     */
    @Test
    void everyLinkTypeOptimizesToAFixedPoint() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Suite.Case c : Suite.acceptCases(true)) {
            if (!seen.add(c.dlt() + " " + c.options().snaplen() + " " + c.expr())) continue;
            Program opt;
            try {
                opt = FilterCompiler.compile(c.expr(), c.options().withOptimize(true));
            } catch (FilterException e) {
                continue;
            } catch (IllegalStateException e) {
                failures.add(c.dlt() + " '" + c.expr() + "': " + e.getMessage());
                continue;
            }
            checked++;
            if (!reoptimized(c.expr(), c.options()).equals(opt.toString())) failures.add("not idempotent: " + c.dlt() + " '" + c.expr() + "'");
        }
        assertTrue(checked > 1000, "too few suite expressions compiled: " + checked);
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.getFirst());
    }

    private static List<Suite.Pkt> load(LinkType d) {
        try {
            return Suite.packets(d, 300 * SCALE, SEED);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the standard pipeline on the CFG, then the whole pipeline again on its result, and emits that. */
    private static String reoptimized(String expr, CompileOptions o) {
        Cfg cfg = CodeGen.generate(FilterCompiler.parse(expr), o);
        PassManager.standard().run(cfg);
        PassManager.standard().run(cfg);
        return Linearizer.emit(cfg).toString();
    }

    private static String firstDifference(Program a, Program b, List<Suite.Pkt> pkts) {
        Interpreter ia = new Interpreter(a), ib = new Interpreter(b);
        for (int i = 0; i < pkts.size(); i++) {
            Suite.Pkt p = pkts.get(i);
            int va = ia.apply(p.data(), p.data().length, p.wirelen());
            int vb = ib.apply(p.data(), p.data().length, p.wirelen());
            if (va != vb) return "packet " + i + " (" + p.data().length + " bytes): unoptimized " + va + ", optimized " + vb;
        }
        return null;
    }

    private static int mismatches(Program a, Program b, List<Suite.Pkt> pkts) {
        Interpreter ia = new Interpreter(a), ib = new Interpreter(b);
        int n = 0;
        for (Suite.Pkt p : pkts) {
            if (ia.apply(p.data(), p.data().length, p.wirelen()) != ib.apply(p.data(), p.data().length, p.wirelen())) n++;
        }
        return n;
    }

    /** {@code pkts} plus, for each {@code ld [k]; (and #m;) jeq #c} of {@code p}, copies of a few packets with c written at k. */
    static List<Suite.Pkt> withPathCovering(Program p, List<Suite.Pkt> pkts) {
        List<Suite.Pkt> out = new ArrayList<>(pkts);
        List<Suite.Pkt> bases = pkts.subList(0, Math.min(pkts.size(), 12));
        List<Suite.Pkt> wave = new ArrayList<>(bases);
        for (int pc = 1; pc < p.size(); pc++) {
            int at = pc >= 2 && p.get(pc - 1) instanceof Insn.AluK(var op, var m) && op == io.jdump.bpf.AluOp.AND ? pc - 2 : pc - 1;
            if (!(p.get(at) instanceof Insn.LoadAbs(var size, var k)) || !(p.get(pc) instanceof Insn.JmpK j)) continue;
            List<Suite.Pkt> next = new ArrayList<>();
            for (Suite.Pkt b : wave) {
                if ((k & 0xffffffffL) + size.bytes() > b.data().length) continue;
                byte[] d = b.data().clone();
                for (int i = 0; i < size.bytes(); i++) d[k + i] = (byte) (j.k() >>> (8 * (size.bytes() - 1 - i)));
                next.add(new Suite.Pkt(d, b.wirelen()));
            }
            out.addAll(next);
            if (wave.size() < 48) wave.addAll(next);
        }
        return out;
    }
}
