package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import io.jdump.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs libpcap's filter-compiler suite ({@code libpcap-filter-suite/cases.jsonl}, Linux set) for the
 * link types jdump compiles. Accept cases: our program must give the same verdict as the expected
 * listing on every corpus packet and on seeded mutants ("verdict-equal"), and, for unoptimized
 * cases, the listing text is compared too ("exact"). Reject cases: we must refuse, ideally with
 * libpcap's message. Rates are printed per DLT and must not fall below the floors (a ratchet:
 * raise them as the compiler improves).
 */
class FilterSuiteTest {
    /** link type → corpus file under /work/shared/corpus. */
    private static final Map<String, String> CORPUS = Map.ofEntries(Map.entry("EN10MB", "en10mb"), Map.entry("RAW", "raw"),
            Map.entry("LINUX_SLL", "sll"), Map.entry("LINUX_SLL2", "sll2"), Map.entry("NULL", "null"), Map.entry("IPV4", "raw"),
            Map.entry("IPV6", "raw"), Map.entry("LOOP", "null"), Map.entry("FDDI", "en10mb"), Map.entry("IEEE802", "en10mb"),
            Map.entry("PPP", "en10mb"), Map.entry("IEEE802_11", "random"), Map.entry("PFLOG", "en10mb"),
            Map.entry("IP_OVER_FC", "en10mb"), Map.entry("C_HDLC", "en10mb"));
    /** Link types whose packets are Ethernet corpus frames re-framed ({@link Packets#reframe}). */
    private static final java.util.Set<String> REFRAMED = java.util.Set.of("FDDI", "IEEE802", "PPP", "PFLOG", "IP_OVER_FC", "C_HDLC");

    /**
     * Floors in per mille, measured on 2026-11-22 and rounded down: {verdict-equal accept cases, exact unoptimized
     * listings, refused reject cases, reject messages matched}. A drop below any of them fails the test.
     */
    private static final Map<String, int[]> FLOORS = Map.ofEntries(
            Map.entry("EN10MB", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("RAW", new int[] {994, 976, 1000, 1000}),
            Map.entry("LINUX_SLL", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("LINUX_SLL2", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("NULL", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("IPV4", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("IPV6", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("LOOP", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("FDDI", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("IEEE802", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("PPP", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("IEEE802_11", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("PFLOG", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("IP_OVER_FC", new int[] {1000, 1000, 1000, 1000}),
            Map.entry("C_HDLC", new int[] {1000, 1000, 1000, 1000}));

    static final class Stats {
        int accept, verdictEqual, unopt, exact, noOracle, compileFailed;
        int reject, refused, messageMatched;
        int apply, applyEqual, applyUnsupported;
        final List<String> samples = new ArrayList<>();

        int pct(int a, int b) { return b == 0 ? 100 : 100 * a / b; }

        static int permille(int a, int b) { return b == 0 ? 1000 : (int) (1000L * a / b); }

        int[] rates() {
            return new int[] {permille(verdictEqual, accept - noOracle), permille(exact, unopt), permille(refused, reject),
                    permille(messageMatched, reject)};
        }

        @Override
        public String toString() {
            return String.format("accept %d: verdict-equal %d (%d%%), unopt exact %d/%d, compile failed %d, no oracle %d;"
                            + " reject %d: refused %d (%d%%), message matched %d; apply %d: results equal %d, not compiled %d",
                    accept, verdictEqual, pct(verdictEqual, accept - noOracle), exact, unopt, compileFailed, noOracle, reject,
                    refused, pct(refused, reject), messageMatched, apply, applyEqual, applyUnsupported);
        }
    }

    @Test
    void suiteRatesStayAboveFloors() throws IOException {
        Path suite = Requirements.sharedFile("libpcap-filter-suite/cases.jsonl");
        Requirements.require(Files.exists(suite), "libpcap filter suite in shared data");
        Map<String, List<Packets.Pkt>> packets = new LinkedHashMap<>();
        for (var e : new java.util.TreeMap<>(CORPUS).entrySet()) {
            List<Packets.Pkt> base = e.getValue().equals("random") ? Packets.random(1000, 64, 42)
                    : Packets.read(Requirements.sharedFile("corpus/" + e.getValue() + ".pcap"));
            if (REFRAMED.contains(e.getKey())) base = Packets.reframe(base, e.getKey());
            List<Packets.Pkt> all = new ArrayList<>(base);
            all.addAll(Packets.mutate(base, 200, 42));
            packets.put(e.getKey(), all);
        }
        Map<String, Stats> stats = new LinkedHashMap<>();
        for (String line : Files.readAllLines(suite)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) Json.parse(line);
            String dlt = (String) c.get("dlt");
            if ("filter_apply".equals(c.get("kind")) && c.get("skip_reason_linux") == null) {
                String sdlt = (String) c.get("savefile_dlt");
                apply(c, stats.computeIfAbsent(sdlt, k -> new Stats()), suite.resolveSibling("savefiles"));
                continue;
            }
            if (dlt == null || !CORPUS.containsKey(dlt) || c.get("skip_reason_linux") != null) continue;
            if (c.get("generate_offline_filter") != null) continue;
            Stats s = stats.computeIfAbsent(dlt, k -> new Stats());
            switch ((String) c.get("kind")) {
                case "filter_accept" -> accept(c, s, packets.get(dlt));
                case "filter_reject" -> reject(c, s);
                default -> { }
            }
        }
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (var e : stats.entrySet()) {
            Stats s = e.getValue();
            report.append(String.format("%-10s %s%n", e.getKey(), s));
            for (String x : s.samples) report.append("    ").append(x.replace("\n", "\\n")).append('\n');
            if (s.apply > 0 && s.applyEqual < s.apply - s.applyUnsupported) failures.add(e.getKey() + " apply results differ");
            int[] floor = FLOORS.get(e.getKey());
            if (floor == null) continue;
            int[] got = s.rates();
            for (int i = 0; i < floor.length; i++) {
                if (got[i] < floor[i]) failures.add(e.getKey() + " rate " + i + ": " + got[i] + " < " + floor[i] + " per mille");
            }
        }
        System.out.println(report);
        assertTrue(failures.isEmpty(), () -> "rates below floor for " + failures + "\n" + report);
    }

    private static CompileOptions options(Map<String, Object> c) {
        LinkType lt = LinkType.valueOf((String) c.get("dlt"));
        Object snap = c.get("snaplen");
        Object mask = c.get("netmask");
        CompileOptions o = CompileOptions.of(lt).withResolver(Fixtures.resolver())
                .withOptimize(Boolean.TRUE.equals(c.get("optimize"))).withLinuxExtensions(Boolean.TRUE.equals(c.get("linuxext")));
        if (snap != null) o = o.withSnaplen(((Long) snap).intValue());
        if (mask != null) {
            int m = 0;
            for (String x : ((String) mask).split("\\.")) m = m << 8 | Integer.parseInt(x);
            o = o.withNetmask(m);
        }
        return o;
    }

    private static void accept(Map<String, Object> c, Stats s, List<Packets.Pkt> pkts) {
        String expr = (String) c.get("expr");
        String listing = (String) c.get("expected_listing");
        if (expr.equals("_enumerate_bpf_image") || listing == null) return;
        s.accept++;
        Program expected = ListingParser.parse(listing);
        io.jdump.bpf.PacketFilter oracle = expected != null ? new Interpreter(expected) : RawBpf.ofListing(listing);
        if (oracle == null) {
            s.noOracle++;
            return;
        }
        Program ours;
        try {
            ours = FilterCompiler.compile(expr, options(c));
        } catch (FilterException e) {
            s.compileFailed++;
            if (s.samples.size() < Integer.getInteger("jdump.suite.samples", 12)) s.samples.add("FAIL " + expr + ": " + e.getMessage());
            return;
        }
        if (!Boolean.TRUE.equals(c.get("optimize"))) {
            s.unopt++;
            if (ours.toString().equals(listing)) s.exact++;
            else if (s.samples.size() < Integer.getInteger("jdump.suite.samples", 12)) s.samples.add("LISTING " + expr);
        }
        io.jdump.bpf.PacketFilter a = oracle;
        Interpreter b = new Interpreter(ours);
        for (Packets.Pkt p : pkts) {
            int va = a.apply(p.data(), p.data().length, p.wirelen());
            int vb = b.apply(p.data(), p.data().length, p.wirelen());
            if (va != vb) {
                if (s.samples.size() < Integer.getInteger("jdump.suite.samples", 12)) s.samples.add("DIFF " + expr);
                return;
            }
        }
        s.verdictEqual++;
    }

    /** An apply case: compile for the savefile's link type and snaplen, run on every packet, compare the results. */
    private static void apply(Map<String, Object> c, Stats s, Path savefiles) throws IOException {
        s.apply++;
        Path file = savefiles.resolve((String) c.get("savefile"));
        int snaplen = Packets.snaplen(file);
        LinkType lt;
        try {
            lt = LinkType.valueOf((String) c.get("savefile_dlt"));
        } catch (IllegalArgumentException e) {
            s.applyUnsupported++;
            return;
        }
        if (snaplen < 0) {
            s.applyUnsupported++;
            return;
        }
        CompileOptions o = CompileOptions.of(lt).withResolver(Fixtures.resolver()).withSnaplen(snaplen)
                .withOptimize(Boolean.TRUE.equals(c.get("optimize")));
        Object mask = c.get("netmask");
        if (mask != null) {
            int m = 0;
            for (String x : ((String) mask).split("\\.")) m = m << 8 | Integer.parseInt(x);
            o = o.withNetmask(m);
        }
        Program p;
        try {
            p = FilterCompiler.compile((String) c.get("expr"), o);
        } catch (FilterException e) {
            s.applyUnsupported++;
            if (s.samples.size() < Integer.getInteger("jdump.suite.samples", 12)) s.samples.add("APPLY-FAIL " + c.get("expr") + ": " + e.getMessage());
            return;
        }
        List<Long> got = new ArrayList<>();
        Interpreter in = new Interpreter(p);
        for (Packets.Pkt pk : Packets.read(file)) got.add(Integer.toUnsignedLong(in.apply(pk.data(), pk.data().length, pk.wirelen())));
        @SuppressWarnings("unchecked")
        List<Long> want = (List<Long>) (List<?>) c.get("expected_results");
        if (got.equals(want)) s.applyEqual++;
        else if (s.samples.size() < Integer.getInteger("jdump.suite.samples", 12)) s.samples.add("APPLY " + c.get("expr") + " " + got + " want " + want);
    }

    private static void reject(Map<String, Object> c, Stats s) {
        s.reject++;
        String want = (String) c.get("expected_error");
        try {
            FilterCompiler.compile((String) c.get("expr"), options(c));
            if (s.samples.size() < Integer.getInteger("jdump.suite.samples", 12)) s.samples.add("ACCEPTED " + c.get("expr") + " want " + want);
        } catch (FilterException e) {
            s.refused++;
            if (want == null || ("can't parse filter expression: " + e.getMessage()).contains(want)) s.messageMatched++;
            else if (s.samples.size() < Integer.getInteger("jdump.suite.samples", 12)) {
                s.samples.add("MESSAGE " + c.get("expr") + " | got " + e.getMessage() + " | want " + want);
            }
        } catch (RuntimeException e) {
            if (s.samples.size() < Integer.getInteger("jdump.suite.samples", 12)) s.samples.add("CRASH " + c.get("expr") + ": " + e);
        }
    }
}
