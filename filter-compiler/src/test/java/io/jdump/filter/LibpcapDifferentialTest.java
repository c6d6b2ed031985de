package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import io.jdump.testing.Requirements;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the installed libpcap ({@code pcap_compile} via JNA, unoptimized so
 * that both sides keep every load): random expressions over the supported language, both programs
 * run by our interpreter on every corpus packet and seeded mutants; verdicts must be equal.
 * Each expression is compiled by us unoptimized and optimized; both must give libpcap's unoptimized verdicts.
 * Size: about 300 expressions per link type by default; {@code -Djdump.fuzz.scale=N} multiplies it.
 */
@Tag("oracle")
class LibpcapDifferentialTest {
    private record Dlt(LinkType type, String corpus, int netOffset) {}

    private static final List<Dlt> DLTS = List.of(new Dlt(LinkType.EN10MB, "en10mb", 14), new Dlt(LinkType.RAW, "raw", 0),
            new Dlt(LinkType.LINUX_SLL, "sll", 16), new Dlt(LinkType.LINUX_SLL2, "sll2", 20), new Dlt(LinkType.NULL, "null", 4),
            new Dlt(LinkType.FDDI, "en10mb", 21), new Dlt(LinkType.IEEE802, "en10mb", 22), new Dlt(LinkType.PPP, "en10mb", 4),
            new Dlt(LinkType.PFLOG, "en10mb", 64), new Dlt(LinkType.IEEE802_11, "en10mb", 32));

    /**
     * Expressions whose meaning differs between libpcap 1.10.3 (the oracle here) and libpcap 1.11 (the filter
     * suite, which jdump follows): {@code ip multicast} (1.10.3 tests {@code >= 224}, 1.11 the class-D nibble),
     * IPv6 prefixes (1.11 skips the all-zero mask words, so short packets pass that 1.10.3 drops), encapsulations,
     * and protocols a link type cannot carry (1.11 folds {@code x and arp} to false on RAW without loading
     * anything for {@code x}; 1.10.3 still runs x's loads, which reject truncated packets).
     */
    private static boolean versionSensitive(LinkType t, String expr) {
        boolean noArp = t == LinkType.RAW || t == LinkType.NULL || t == LinkType.PFLOG;
        if (t != LinkType.EN10MB && (expr.contains("llc") || expr.contains("ether proto"))) return true;
        return (noArp && (expr.contains("arp") || expr.contains("link proto"))) || expr.contains("vlan") || expr.contains("mpls") || expr.contains("pppoe") || expr.contains("ip multicast")
                || expr.matches(".*ip6 [a-z ]*net .*");
    }

    /** Our optimized program: the optimizer keeps every faulting load, so its verdicts equal the unoptimized ones. */
    private static Program optimized(String expr, LinkType type) {
        return FilterCompiler.compile(expr, CompileOptions.of(type).withResolver(Fixtures.resolver()));
    }

    @Test
    void verdictsEqualLibpcap() throws IOException {
        Requirements.require(Libpcap.available(), "libpcap (libpcap.so via JNA)");
        int scale = Integer.getInteger("jdump.fuzz.scale", 1);
        long seed = Long.getLong("jdump.fuzz.seed", 20261122L);
        StringBuilder report = new StringBuilder("libpcap oracle: " + Libpcap.version() + ", seed " + seed + "\n");
        List<String> mismatches = new ArrayList<>();
        for (Dlt d : DLTS) {
            List<Packets.Pkt> base = Packets.read(Requirements.sharedFile("corpus/" + d.corpus() + ".pcap"));
            if (d.netOffset() != 14 && d.corpus().equals("en10mb")) base = Packets.reframe(base, d.type().name());
            List<Packets.Pkt> pkts = new ArrayList<>(base);
            pkts.addAll(Packets.mutate(base, 100, seed));
            boolean macs = d.type() == LinkType.EN10MB || d.type() == LinkType.FDDI || d.type() == LinkType.IEEE802
                    || d.type() == LinkType.IEEE802_11;
            ExprGen gen = new ExprGen(seed ^ d.type().dlt(), base, d.netOffset(), macs, d.type() == LinkType.IEEE802_11);
            int compared = 0, bothRefused = 0, onlyUs = 0, onlyThem = 0, skipped = 0;
            List<String> disagreements = new ArrayList<>();
            for (int i = 0; i < 300 * scale; i++) {
                String expr = gen.expr(3);
                if (versionSensitive(d.type(), expr)) {
                    skipped++;
                    continue;
                }
                Program ours = null;
                String ourError = null;
                try {
                    ours = FilterCompiler.compile(expr, CompileOptions.of(d.type()).withOptimize(false)
                            .withResolver(Fixtures.resolver()));
                } catch (FilterException e) {
                    ourError = e.getMessage();
                }
                Libpcap.Result theirs = Libpcap.compile(d.type().dlt(), 262144, expr, false, 0xffffffff);
                if (ours == null && theirs.program() == null) {
                    bothRefused++;
                    continue;
                }
                if (ours == null || theirs.program() == null) {
                    if (ours == null) onlyThem++;
                    else onlyUs++;
                    if (disagreements.size() < 5) {
                        disagreements.add(expr + " | jdump: " + (ourError == null ? "ok" : ourError) + " | libpcap: "
                                + (theirs.error() == null ? "ok" : theirs.error()));
                    }
                    continue;
                }
                compared++;
                Interpreter a = new Interpreter(ours);
                Interpreter optimized = new Interpreter(optimized(expr, d.type()));
                Interpreter b = new Interpreter(theirs.program());
                for (Packets.Pkt p : pkts) {
                    int va = a.apply(p.data(), p.data().length, p.wirelen());
                    int vo = optimized.apply(p.data(), p.data().length, p.wirelen());
                    int vb = b.apply(p.data(), p.data().length, p.wirelen());
                    if (va != vb || vo != vb) {
                        mismatches.add(d.type() + " seed " + seed + ": " + expr + " -> jdump " + va + ", jdump optimized " + vo
                                + ", libpcap " + vb);
                        break;
                    }
                }
            }
            report.append(String.format("%-10s compared %d, both refused %d, only jdump compiles %d, only libpcap compiles %d,"
                    + " skipped (version-sensitive) %d%n", d.type(), compared, bothRefused, onlyUs, onlyThem, skipped));
            for (String s : disagreements) report.append("    ").append(s).append('\n');
        }
        System.out.print(report);
        assertEquals(List.of(), mismatches, report::toString);
    }
}
