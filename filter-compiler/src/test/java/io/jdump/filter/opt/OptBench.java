package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Program;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.LinkType;
import io.jdump.filter.sema.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark driver for bench/optimizer (a main, not a test): compiles generated expressions and
 * prints one tab-separated line each: label, instructions, {@code ja} count, longest executed
 * path, compile milliseconds of the first run (cold JVM: class loading, interpreter, JIT) and the
 * best of the runs (warm), the compiling thread's CPU milliseconds (best; robust on a busy
 * machine, but without GC and JIT threads), heap used after the compile in MiB.
 *
 * <pre>java -cp ... io.jdump.filter.opt.OptBench hosts 100 400 2000    |   OptBench expr 'tcp port 80'</pre>
 */
public final class OptBench {
    private OptBench() {}

    public static void main(String[] args) {
        boolean unopt = Boolean.getBoolean("bench.unopt");
        CompileOptions o = CompileOptions.of(LinkType.EN10MB).withResolver(Resolver.of(java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of(), java.util.Map.of())).withOptimize(!unopt);
        switch (args[0]) {
            case "expr" -> {
                for (int i = 1; i < args.length; i++) report(args[i], args[i], o, 1);
            }
            case "print" -> System.out.println(FilterCompiler.compile(args[1], o));
            case "suite" -> suite(args.length > 1 ? Integer.parseInt(args[1]) : 20, false);
            case "suite-all" -> suite(args.length > 1 ? Integer.parseInt(args[1]) : 20, true);
            case "case" -> sideBySide(args[1], args[2]);
            case "dump" -> dump();
            case "faults" -> faults(args[1]);
            case "gen" -> System.out.println(generate(args[1], Integer.parseInt(args[2])));
            case "file" -> report(args[1], read(args[2]).strip(), o, Integer.parseInt(args[3]));
            case "files" -> {
                // files FILE...: per file (one expression each) "name insns ja longest", or "name error"
                for (int i = 1; i < args.length; i++) {
                    String name = java.nio.file.Path.of(args[i]).getFileName().toString();
                    try {
                        Program p = FilterCompiler.compile(read(args[i]).strip(), o);
                        System.out.println(name + " " + p.size() + " " + jas(p) + " " + p.longestPath());
                    } catch (io.jdump.filter.FilterException e) {
                        System.out.println(name + " error");
                    }
                }
            }
            case "lines" -> {
                for (String line : read(args[1]).split("\n")) {
                    if (line.isBlank()) continue;
                    try {
                        System.out.println(FilterCompiler.compile(line, o).size());
                    } catch (io.jdump.filter.FilterException e) {
                        System.out.println("error");
                    }
                }
            }
            case "phases" -> {
                // phases FAMILY N [RUNS]: per-phase times of each run; the passes of the last run are traced
                String e = generate(args[1], Integer.parseInt(args[2]));
                int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
                // CPU time of this thread (robust on a busy machine; JIT and GC threads not included)
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                for (int run = 0; run < runs; run++) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    var ast = FilterCompiler.parse(e);
                    long t1 = threads.getCurrentThreadCpuTime();
                    var cfg = io.jdump.filter.gen.CodeGen.generate(ast, o);
                    long t2 = threads.getCurrentThreadCpuTime();
                    PassManager.standard(Boolean.getBoolean("bench.trace") || run == runs - 1).run(cfg);
                    long t3 = threads.getCurrentThreadCpuTime();
                    Program p = io.jdump.filter.emit.Linearizer.emit(cfg);
                    long t4 = threads.getCurrentThreadCpuTime();
                    String listing = io.jdump.bpf.Listing.image(p);
                    long t5 = threads.getCurrentThreadCpuTime();
                    System.out.printf("run %d (cpu): parse %.0f ms, gen %.0f ms, optimize %.0f ms, emit %.0f ms, listing %.0f ms, %d insns, %d chars%n", run,
                            (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6, p.size(), listing.length());
                }
            }
            default -> {
                for (int i = 1; i < args.length; i++) {
                    int n = Integer.parseInt(args[i]);
                    report(args[0] + " " + n, generate(args[0], n), o, n >= 10000 ? 1 : 3);
                }
            }
        }
    }

    private static String read(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Size of our optimized programs against libpcap's over the suite's optimized accept cases: geomean and the worst. */
    static void suite(int worst, boolean anyDlt) {
        List<String> rows = new ArrayList<>();
        double log = 0;
        int n = 0, larger = 0, smaller = 0, jaOurs = 0, jaLib = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        try {
            for (Suite.Case c : Suite.acceptCases(anyDlt)) {
                if (!c.optimize() || !seen.add(c.dlt() + " " + c.options().snaplen() + " " + c.expr())) continue;
                Program lib = Suite.listing(c.expectedListing());
                if (lib == null) continue;
                Program ours;
                try {
                    ours = FilterCompiler.compile(c.expr(), c.options());
                } catch (io.jdump.filter.FilterException e) {
                    continue;
                }
                jaOurs += jas(ours);
                jaLib += jas(lib);
                double r = (double) ours.size() / lib.size();
                log += Math.log(r);
                n++;
                if (ours.size() > lib.size()) larger++;
                if (ours.size() < lib.size()) smaller++;
                rows.add(String.format("%.3f\t%d\t%d\t%s\t%s", r, ours.size(), lib.size(), c.dlt(), c.expr()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        rows.sort(java.util.Comparator.reverseOrder());
        System.out.printf("suite optimized accept cases%s: %d, geomean jdump/libpcap %.3f, larger %d, smaller %d, equal %d%n",
                anyDlt ? " (every link type)" : "", n, Math.exp(log / n), larger, smaller, n - larger - smaller);
        System.out.printf("ja instructions: jdump %d, libpcap %d%n", jaOurs, jaLib);
        System.out.println("ratio\tjdump\tlibpcap\tdlt\texpr");
        rows.stream().limit(worst).forEach(System.out::println);
    }

    private static int jas(Program p) {
        int n = 0;
        for (Insn i : p.insns()) if (i instanceof Insn.Ja) n++;
        return n;
    }

    /** Prints libpcap's listing and ours, side by side, for the optimized suite case {@code dlt expr}. */
    static void sideBySide(String dlt, String expr) {
        try {
            for (Suite.Case c : Suite.acceptCases(true)) {
                if (!c.optimize() || !c.dlt().name().equals(dlt) || !c.expr().equals(expr)) continue;
                String[] lib = c.expectedListing().split("\n");
                String[] ours = FilterCompiler.compile(c.expr(), c.options()).toString().split("\n");
                for (int i = 0; i < Math.max(lib.length, ours.length); i++) {
                    String l = i < lib.length ? lib[i].replaceAll("\\s+", " ") : "";
                    System.out.printf("%-50s| %s%n", l, i < ours.length ? ours[i].replaceAll("\\s+", " ") : "");
                }
                return;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every optimized suite case (each link type), libpcap's listing beside ours under a header {@code == ours lib dlt expr}: for finding where we lose or tie. */
    static void dump() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        try {
            for (Suite.Case c : Suite.acceptCases(true)) {
                if (!c.optimize() || !seen.add(c.dlt() + " " + c.options().snaplen() + " " + c.expr()) || Suite.listing(c.expectedListing()) == null) continue;
                String[] lib = c.expectedListing().split("\n");
                String[] ours;
                try {
                    ours = FilterCompiler.compile(c.expr(), c.options()).toString().split("\n");
                } catch (io.jdump.filter.FilterException e) {
                    continue;
                } catch (IllegalStateException e) {
                    System.out.printf("== FAILED %s %s: %s%n", c.dlt(), c.expr().replace('\n', ' '), e.getMessage());
                    continue;
                }
                System.out.printf("== %d %d %s %s%n", ours.length, lib.length, c.dlt(), c.expr().replace('\n', ' '));
                for (int i = 0; i < Math.max(lib.length, ours.length); i++) {
                    String l = i < lib.length ? lib[i].replaceAll("\\s+", " ") : "";
                    System.out.printf("%-50s| %s%n", l, i < ours.length ? ours[i].replaceAll("\\s+", " ") : "");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * For each line {@code ratio TAB jdump TAB libpcap TAB expr} of {@code table} (size.sh's random.tsv)
     * where jdump is larger: whether libpcap's optimizer changed a verdict on EN10MB packets (corpus,
     * its mutants, path-covering packets, every truncation of a few), that is, whether its smaller
     * program got smaller by dropping or moving loads that can fault, which ours may not.
     */
    static void faults(String table) {
        List<Suite.Pkt> pkts;
        try {
            pkts = new ArrayList<>(Suite.packets(LinkType.EN10MB, 300, 7));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int larger = 0, unsafe = 0;
        for (String line : read(table).split("\n")) {
            String[] f = line.split("\t", 4);
            if (f.length < 4 || Integer.parseInt(f[1]) <= Integer.parseInt(f[2])) continue;
            larger++;
            Program opt = Suite.listing(tcpdump(f[3], "-d")), unopt = Suite.listing(tcpdump(f[3], "-Od"));
            List<Suite.Pkt> all = OptimizerDifferentialTest.withPathCovering(unopt, pkts);
            List<Suite.Pkt> cut = new ArrayList<>();
            for (Suite.Pkt p : all.subList(0, Math.min(all.size(), 40))) {
                for (int n = 0; n < Math.min(p.data().length, 80); n++) cut.add(new Suite.Pkt(java.util.Arrays.copyOf(p.data(), n), p.wirelen()));
            }
            all.addAll(cut);
            io.jdump.bpf.Interpreter a = new io.jdump.bpf.Interpreter(opt), b = new io.jdump.bpf.Interpreter(unopt);
            boolean differs = all.stream().anyMatch(p -> a.apply(p.data(), p.data().length, p.wirelen()) != b.apply(p.data(), p.data().length, p.wirelen()));
            if (differs) unsafe++;
            System.out.println((differs ? "libpcap-changes-verdicts\t" : "same-verdicts\t") + line);
        }
        System.out.printf("larger %d: libpcap's optimizer changes verdicts (drops/moves faulting loads) in %d, keeps them in %d%n", larger, unsafe, larger - unsafe);
    }

    private static String tcpdump(String expr, String flag) {
        try {
            Process p = new ProcessBuilder("tcpdump", "-y", "EN10MB", flag, expr).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same generators as bench/optimizer/run.sh feeds tcpdump. */
    public static String generate(String kind, int n) {
        Random r = new Random(n);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(switch (kind) {
                case "hosts" -> "host " + ip(r);
                case "ports" -> "port " + (1 + r.nextInt(65535));
                case "and-chain" -> "not host " + ip(r);
                case "not-host-port" -> "not (host " + ip(r) + " and port " + (1 + r.nextInt(65535)) + ")";
                case "vlan" -> "vlan";
                case "mpls" -> "mpls";
                default -> throw new IllegalArgumentException(kind);
            });
        }
        String sep = kind.equals("hosts") || kind.equals("ports") ? " or " : " and ";
        boolean encap = kind.equals("vlan") || kind.equals("mpls");
        return String.join(sep, parts) + (encap ? " and host 10.0.0.1" : "");
    }

    static String ip(Random r) {
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static void report(String label, String expr, CompileOptions o, int runs) {
        long best = Long.MAX_VALUE, first = 0, cpu = Long.MAX_VALUE;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Program p = null;
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            p = FilterCompiler.compile(expr, o);
            long t = System.nanoTime() - t0;
            cpu = Math.min(cpu, threads.getCurrentThreadCpuTime() - c0);
            if (i == 0) first = t;
            best = Math.min(best, t);
        }
        Runtime rt = Runtime.getRuntime();
        long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
        int ja = 0;
        for (Insn i : p.insns()) if (i instanceof Insn.Ja) ja++;
        System.out.printf("%s\t%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%d%n", label, p.size(), ja, p.longestPath(), first / 1e6, best / 1e6, cpu / 1e6, used);
    }
}
