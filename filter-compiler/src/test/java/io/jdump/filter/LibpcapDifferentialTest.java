package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdump.testing.Requirements;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the installed libpcap ({@code pcap_compile} via JNA, unoptimized so that both sides
 * keep every load): random expressions from {@link ExprGen}, libpcap's program run by the {@link RawBpf} oracle
 * (libpcap's semantics, protochain's backward jumps included; checked against {@code pcap_offline_filter} now and
 * then), jdump's unoptimized and optimized programs on every packet; verdicts must be equal,
 * and so must the answer to "does it compile". Packets: the shared corpus of each link type and seeded mutants.
 *
 * <p>Size: {@link Dlt#target} compared expressions per link type ({@code ≥ 10,000} for EN10MB, RAW, LINUX_SLL,
 * LINUX_SLL2 and NULL); expressions that are skipped (version-sensitive) or that both compilers refuse do not count.
 * {@code -Djdump.fuzz.scale=N} multiplies the targets, {@code -Djdump.fuzz.seed} changes the seed. jdump's programs
 * run on every packet; {@code -Djdump.fuzz.sample=true} runs them on {@link DiffRun}'s path-preserving sample instead
 * (about 420 of 3,200 packets, for long scaled runs). The link types run on two threads.
 */
@Tag("oracle")
class LibpcapDifferentialTest {
    private record Dlt(LinkType type, String corpus, int netOffset, int target) {}

    private static final List<Dlt> DLTS = List.of(new Dlt(LinkType.EN10MB, "en10mb", 14, 10_000),
            new Dlt(LinkType.RAW, "raw", 0, 10_000), new Dlt(LinkType.LINUX_SLL, "sll", 16, 10_000),
            new Dlt(LinkType.LINUX_SLL2, "sll2", 20, 10_000), new Dlt(LinkType.NULL, "null", 4, 10_000),
            new Dlt(LinkType.FDDI, "en10mb", 21, 500), new Dlt(LinkType.IEEE802, "en10mb", 22, 500),
            new Dlt(LinkType.PPP, "en10mb", 4, 500), new Dlt(LinkType.PFLOG, "en10mb", 64, 500),
            new Dlt(LinkType.IEEE802_11, "en10mb", 32, 500));

    /** Every mismatch found so far, run on every packet before the random expressions. */
    private record Regression(LinkType type, String expr, String found) {}

    private static final List<Regression> REGRESSIONS = List.of(
            new Regression(LinkType.EN10MB, "ip[0] & 0xf > 5 and tcp[13] & 2 != 0", "baseline: a variable-offset TCP load"),
            new Regression(LinkType.LINUX_SLL2, "port ssh", "a TCP-only service name tested TCP, UDP and SCTP"),
            new Regression(LinkType.FDDI, "src port http", "a TCP-only service name tested TCP, UDP and SCTP"),
            new Regression(LinkType.RAW, "udp port ssh or ip", "jdump accepted a UDP port named by a TCP-only service"),
            new Regression(LinkType.NULL, "sctp port http", "jdump accepted an SCTP port named by a TCP-only service"),
            new Regression(LinkType.EN10MB, "tcp port ntp", "jdump said 'unknown port', libpcap 'port 'ntp' is udp'"),
            new Regression(LinkType.EN10MB, "sctp port domain", "jdump looked the name up for SCTP only"),
            new Regression(LinkType.RAW, "ip[0] % 0 - 3 = 1", "libpcap refuses a divisor whose first instruction is ld #0"),
            new Regression(LinkType.RAW, "ip[0] % (ip[1] & 3) = 1", "jdump's modulus by a computed 0 ends the program with 0"),
            new Regression(LinkType.LINUX_SLL, "ip[0] / (ether[0] & 3) = 1", "libpcap refuses it: the index load is ld #0"),
            new Regression(LinkType.EN10MB, "ip[0] >> (181 & 31) = 1", "libpcap refuses a shift count starting ld #181"),
            new Regression(LinkType.NULL, "66 % 0 * ip[2] = 1", "'%' takes the rest of the arithmetic; its first instruction is ld #0"),
            new Regression(LinkType.RAW, "iso proto \\isis", "both optimizers refuse a program that rejects every packet"),
            new Regression(LinkType.RAW, "ip6 protochain 6 or ip protochain 17", "libpcap's protochain loop jumps backwards"));

    /**
     * Why an expression means different things in libpcap 1.10.3 (the oracle here) and libpcap 1.11 (the filter
     * suite, which jdump follows), or null if it does not: {@code ip multicast} (1.10.3 tests {@code >= 224}, 1.11
     * the class-D nibble), IPv6 prefixes shorter than 97 bits (1.11 skips the all-zero mask words, so short packets
     * pass that 1.10.3 drops; likewise an IPv4 net with a zero mask), {@code ether proto} 256..1500 (an error in 1.11),
     * encapsulations, and protocols a link type cannot carry (1.11 folds {@code x and arp}
     * to false on RAW without loading anything for x; 1.10.3 still runs x's loads, which reject truncated packets).
     */
    static String versionSensitive(LinkType t, String expr) {
        boolean noArp = t == LinkType.RAW || t == LinkType.NULL || t == LinkType.PFLOG;
        if (t != LinkType.EN10MB && (expr.contains("llc") || expr.contains("ether proto"))) return "llc/ether proto off Ethernet";
        if (noArp && (expr.contains("arp") || expr.contains("link proto"))) return "arp on a link without ARP";
        if (noArp && NON_IP.matcher(expr).find()) return "non-IP protocol on a link without it";
        if (ZERO_MASK.matcher(expr).find()) return "IPv4 net with a zero mask";
        java.util.regex.Matcher m = LINK_PROTO.matcher(expr);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n > 255 && n <= 1500) return "ether proto 256..1500 (1.11: LLC DSAP greater than maximum 255)";
        }
        if (expr.contains("vlan") || expr.contains("mpls") || expr.contains("pppoe")) return "vlan/mpls/pppoe";
        if (expr.contains("ip multicast")) return "ip multicast";
        if (expr.matches(".*ip6 [a-z ]*net [0-9a-f:]*/([0-9]|[1-8][0-9]|9[0-6])\\b.*")) return "ip6 net shorter than /97";
        return null;
    }

    /** Protocols that RAW, NULL and PFLOG cannot carry (1.11 folds them to false, as {@code arp}). */
    private static final Pattern NON_IP = Pattern.compile("\\b(iso|isis|clnp|esis|l1|l2|iih|lsp|snp|csnp|psnp|stp|ipx|netbeui"
            + "|atalk|aarp|decnet|lat|sca|moprc|mopdl)\\b");
    /** A numeric Ethertype: 1.11 refuses 256..1500 (neither a SAP nor an Ethertype), 1.10.3 compiles it. */
    private static final Pattern LINK_PROTO = Pattern.compile("(?:ether|link) proto ([0-9]+)\\b");
    /** {@code net 0.0.0.0/0} or {@code mask 0.0.0.0}: 1.11 loads nothing for an all-zero mask, 1.10.3 loads the address. */
    private static final Pattern ZERO_MASK = Pattern.compile("net [0-9.]+/0\\b|mask 0\\.0\\.0\\.0");

    @Test
    void verdictsEqualLibpcap() throws Exception {
        Requirements.require(Libpcap.available(), "libpcap (libpcap.so via JNA)");
        int scale = Integer.getInteger("jdump.fuzz.scale", 1);
        long seed = Long.getLong("jdump.fuzz.seed", 20261122L);
        boolean all = !Boolean.getBoolean("jdump.fuzz.sample");
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, Runtime.getRuntime().availableProcessors()));
        List<Future<DiffRun>> runs = new ArrayList<>();
        try {
            for (Dlt d : DLTS) runs.add(pool.submit(() -> run(d, d.target() * scale, seed, all)));
            StringBuilder report = new StringBuilder("libpcap oracle: " + Libpcap.version() + ", seed " + seed + ", scale " + scale
                    + (all ? ", every packet" : ", sampled packets") + "\n");
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                DiffRun r = runs.get(i).get();
                report.append(r.summary()).append('\n');
                report.append("    both refused, mostly: ").append(r.refusals()).append('\n');
                r.oneSided.stream().limit(5).forEach(s -> report.append("    one-sided: ").append(s).append('\n'));
                r.mismatches.stream().limit(20).forEach(s -> report.append("    MISMATCH ").append(s).append('\n'));
                failures.addAll(r.mismatches);
                if (r.compared < DLTS.get(i).target() * scale) failures.add(r.type + ": only " + r.compared + " expressions compared");
            }
            report.append(String.format("%d regression cases; %.1f s%n", REGRESSIONS.size(), (System.nanoTime() - start) / 1e9));
            System.out.print(report);
            assertEquals(List.of(), failures, report::toString);
        } finally {
            pool.shutdownNow();
        }
    }

    private static DiffRun run(Dlt d, int target, long seed, boolean all) throws IOException {
        List<Packets.Pkt> base = Packets.read(Requirements.sharedFile("corpus/" + d.corpus() + ".pcap"));
        if (d.netOffset() != 14 && d.corpus().equals("en10mb")) base = Packets.reframe(base, d.type().name());
        List<Packets.Pkt> pkts = new ArrayList<>(base);
        pkts.addAll(Packets.mutate(base, 200, seed));
        DiffRun run = new DiffRun(d.type(), pkts, all);
        int regressions = 0;
        for (Regression g : REGRESSIONS) {
            if (g.type() != d.type()) continue;
            regressions++;
            run.compare(g.expr(), 0, true, "regression (" + g.found() + "): ");
        }
        ExprGen gen = new ExprGen(seed ^ d.type().dlt(), base, d.netOffset(), d.type(), e -> versionSensitive(d.type(), e) != null);
        String tag = "seed " + seed + ": ";
        run.regressions = regressions;
        run.compared = 0;
        run.optimizedRefused = 0;
        run.bothRefused = 0;
        run.packetRuns = 0;
        run.refusedWhy.clear();
        for (int i = 0; run.compared < target && i < 2 * target + 1000; i++) {
            String expr = gen.expr(3);
            String why = versionSensitive(d.type(), expr);
            if (why != null) run.skip(why);
            else run.compare(expr, i, false, tag);
        }
        return run;
    }
}
