package io.jdump.filter;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import io.jdump.filter.sema.Resolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One link type's share of {@link LibpcapDifferentialTest}: compiles expressions with jdump (unoptimized and
 * optimized) and with libpcap (unoptimized, through JNA), runs libpcap's program with the {@link RawBpf} oracle on
 * every packet, and jdump's two programs on every packet too, or (for long runs) on a sample that keeps every
 * distinct path through libpcap's program.
 *
 * <p>The sample, per expression: the first {@link #PER_PATH} packets of each distinct path (the pcs of the jumps
 * libpcap's program took, and where it ended), plus every {@link #STRIDE}-th packet with a start that rotates with
 * the expression, so every packet is run by jdump's programs for one expression in {@code STRIDE} at least.
 * With {@code all} set (the default of the test) every packet is run. Every {@link #ORACLE_CHECK_EVERY}-th compared expression also has the
 * {@link RawBpf} verdicts checked against libpcap's own interpreter ({@code pcap_offline_filter}).
 */
final class DiffRun {
    static final int SNAPLEN = 262144;
    /** The netmask given to both compilers (255.255.255.0), so that {@code ip broadcast} compiles. */
    static final int NETMASK = 0xffffff00;
    static final int PER_PATH = 2;
    static final int STRIDE = 8;
    static final int ORACLE_CHECK_EVERY = 50;
    /**
     * The suite's fixtures for names, but the system's services and protocols databases, which libpcap reads too
     * (a port name known only for TCP narrows {@code port NAME} to TCP).
     */
    private static final Resolver RESOLVER = new Resolver() {
        private final Resolver names = Fixtures.resolver();

        @Override public List<Integer> ipv4(String host) { return names.ipv4(host); }

        @Override public List<byte[]> ipv6(String host) { return names.ipv6(host); }

        @Override public byte[] mac(String host) { return names.mac(host); }

        @Override public Integer network(String name) { return names.network(name); }

        @Override public int port(String name, String proto) { return Resolver.system().port(name, proto); }

        @Override public int protocol(String name) { return Resolver.system().protocol(name); }
    };

    final LinkType type;
    private final List<Packets.Pkt> pkts;
    private final boolean all;
    /** Regression cases run (not counted in {@code compared}). */
    int regressions;
    int compared, optimizedRefused, bothRefused, onlyUs, onlyThem, packetRuns, oracleChecks;
    final Map<String, Integer> skipped = new TreeMap<>();
    /** libpcap's messages for expressions both compilers refuse (quoted names and numbers folded). */
    final Map<String, Integer> refusedWhy = new HashMap<>();
    final List<String> mismatches = new ArrayList<>();
    final List<String> oneSided = new ArrayList<>();

    DiffRun(LinkType type, List<Packets.Pkt> pkts, boolean all) {
        this.type = type;
        this.pkts = pkts;
        this.all = all;
    }

    void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    private CompileOptions options(boolean optimize) {
        return CompileOptions.of(type).withSnaplen(SNAPLEN).withNetmask(NETMASK).withResolver(RESOLVER).withOptimize(optimize);
    }

    /**
     * Compares one expression; {@code index} rotates the packet sample, {@code tag} prefixes mismatch lines.
     * @return whether both compiled and verdicts were compared
     */
    boolean compare(String expr, int index, boolean allPackets, String tag) {
        Program ours = null;
        String ourError = null;
        try {
            ours = FilterCompiler.compile(expr, options(false));
        } catch (FilterException e) {
            ourError = e.getMessage();
        } catch (RuntimeException e) {
            mismatches.add(tag + expr + " -> jdump crashed: " + e);
            return false;
        }
        Libpcap.RawResult theirs = Libpcap.compileRaw(type.dlt(), SNAPLEN, expr, false, NETMASK);
        if (ours == null && theirs.insns() == null) {
            bothRefused++;
            refusedWhy.merge(theirs.error().replaceAll("'[^']*'", "'…'").replaceAll("[0-9]+", "N"), 1, Integer::sum);
            return false;
        }
        if (ours == null || theirs.insns() == null) {
            if (ours == null) onlyThem++;
            else onlyUs++;
            String line = tag + expr + " | jdump: " + (ourError == null ? "ok" : ourError) + " | libpcap: "
                    + (theirs.error() == null ? "ok" : theirs.error());
            oneSided.add(line);
            mismatches.add("one-sided compile: " + line);
            return false;
        }
        Program optimized;
        try {
            optimized = FilterCompiler.compile(expr, options(true));
        } catch (FilterException e) {
            // libpcap's optimizer refuses programs that reject every packet too; it must agree
            if (Libpcap.compileRaw(type.dlt(), SNAPLEN, expr, true, NETMASK).insns() != null) {
                mismatches.add(tag + expr + " -> jdump refuses it optimized (" + e.getMessage() + "), libpcap -O compiles it");
                return false;
            }
            optimizedRefused++;
            optimized = ours;
        } catch (RuntimeException e) {
            mismatches.add(tag + expr + " -> jdump crashed optimizing: " + e);
            return false;
        }
        compared++;
        run(expr, index, allPackets || all, tag, new RawBpf(theirs.insns()), new Interpreter(ours), new Interpreter(optimized));
        return true;
    }

    private void run(String expr, int index, boolean every, String tag, RawBpf oracle, Interpreter a, Interpreter o) {
        Map<Integer, Integer> paths = new HashMap<>();
        List<Packets.Pkt> sample = new ArrayList<>();
        List<Integer> want = new ArrayList<>();
        for (int i = 0; i < pkts.size(); i++) {
            Packets.Pkt p = pkts.get(i);
            long rv = oracle.run(p.data(), 0, p.data().length, p.wirelen(), true);
            int seen = paths.merge((int) (rv >>> 32), 1, Integer::sum);
            if (!every && seen > PER_PATH && (i + index) % STRIDE != 0) continue;
            int vb = (int) rv;
            int va = a.apply(p.data(), p.data().length, p.wirelen());
            int vo = o.apply(p.data(), p.data().length, p.wirelen());
            packetRuns++;
            if (va != vb || vo != vb) {
                mismatches.add(tag + type + ": " + expr + " -> jdump " + va + ", jdump optimized " + vo + ", libpcap " + vb
                        + " on packet " + i + " (" + p.data().length + "/" + p.wirelen() + " bytes)");
                return;
            }
            sample.add(p);
            want.add(vb);
        }
        if (compared % ORACLE_CHECK_EVERY == 0) checkOracle(expr, tag, sample, want);
    }

    /** The {@link RawBpf} verdicts must be libpcap's own ({@code pcap_offline_filter}). */
    private void checkOracle(String expr, String tag, List<Packets.Pkt> sample, List<Integer> want) {
        oracleChecks++;
        int[] got = Libpcap.verdicts(type.dlt(), SNAPLEN, expr, false, NETMASK, sample);
        for (int i = 0; i < sample.size(); i++) {
            if (got == null || got[i] != want.get(i)) {
                mismatches.add(tag + type + ": " + expr + " -> oracle interpreter " + want.get(i) + ", pcap_offline_filter "
                        + (got == null ? "refused" : got[i]));
                return;
            }
        }
    }

    /** The most common reasons both compilers refused an expression. */
    String refusals() {
        return refusedWhy.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(4)
                .map(e -> e.getValue() + " × " + e.getKey()).collect(java.util.stream.Collectors.joining("; "));
    }

    String summary() {
        return String.format("%-10s regression cases %d, compared %d (of which both optimizers refuse %d), both refused %d, only jdump compiles %d, only libpcap compiles %d, skipped %s,"
                        + " jdump packet runs %d (%.0f per expression), oracle self-checks %d",
                type, regressions, compared, optimizedRefused, bothRefused, onlyUs, onlyThem, skipped, packetRuns, compared == 0 ? 0.0 : (double) packetRuns / compared,
                oracleChecks);
    }
}
