package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import io.jdump.testing.Requirements;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code protochain}, which jdump unrolls, against libpcap's looping program run by libpcap itself
 * ({@code pcap_offline_filter}, libpcap 1.10.3 through JNA): verdicts must be equal on the corpus, on the suite's
 * savefiles with IPv4/IPv6 extension and AH headers, and on seeded mutants of them.
 */
@Tag("oracle")
class ProtochainTest {
    private static final List<String> EXPRS = List.of("ip6 protochain 6", "ip6 protochain 17", "ip6 protochain 58",
            "ip6 protochain 44", "ip6 protochain 51", "ip6 protochain 59", "ip protochain 6", "ip protochain 17", "ip protochain 51",
            "ip protochain 4", "protochain 17", "protochain 51", "protochain 108", "protochain 41");
    private static final List<String> SAVEFILES = List.of("ipv6_ext_headers", "ipv6_ah_modes", "AH-IPcomp-IPv6", "AH-IPcomp-IPv4",
            "ah-ipip-ping");

    @Test
    void verdictsEqualLibpcapsLoop() throws IOException {
        Requirements.require(Libpcap.available(), "libpcap (libpcap.so via JNA)");
        long seed = Long.getLong("jdump.fuzz.seed", 20261122L);
        int scale = Integer.getInteger("jdump.fuzz.scale", 1);
        List<Packets.Pkt> ether = new ArrayList<>(Packets.read(Requirements.sharedFile("corpus/en10mb.pcap")));
        for (String f : SAVEFILES) ether.addAll(Packets.read(Requirements.sharedFile("libpcap-filter-suite/savefiles/filter/" + f + ".pcap")));
        ether.addAll(Packets.mutate(ether, 300 * scale, seed));
        List<Packets.Pkt> raw = new ArrayList<>(Packets.read(Requirements.sharedFile("corpus/raw.pcap")));
        raw.addAll(Packets.mutate(raw, 100 * scale, seed));
        List<String> mismatches = new ArrayList<>();
        int matched = 0;
        for (String expr : EXPRS) {
            for (boolean opt : new boolean[] {false, true}) {
                matched += compare(LinkType.EN10MB, ether, expr, opt, seed, mismatches);
                matched += compare(LinkType.RAW, raw, expr, opt, seed, mismatches);
            }
        }
        System.out.println("protochain vs libpcap " + Libpcap.version() + ": " + matched + " accepted packets agreed, seed " + seed);
        assertEquals(List.of(), mismatches);
        assertTrue(matched > 0, "no packet matched any protochain expression: the check would prove nothing");
    }

    private static int compare(LinkType t, List<Packets.Pkt> pkts, String expr, boolean opt, long seed, List<String> mismatches) {
        int[] theirs = Libpcap.verdicts(t.dlt(), 262144, expr, opt, pkts);
        assertNotNull(theirs, expr);
        Program ours = FilterCompiler.compile(expr, CompileOptions.of(t).withOptimize(opt));
        assertTrue(ours.size() <= io.jdump.bpf.Validator.KERNEL_MAX_INSNS, expr + ": " + ours.size() + " instructions");
        Interpreter in = new Interpreter(ours);
        int matched = 0;
        for (int i = 0; i < pkts.size(); i++) {
            Packets.Pkt p = pkts.get(i);
            int v = in.apply(p.data(), p.data().length, p.wirelen());
            if (v != theirs[i] && mismatches.size() < 10) {
                mismatches.add(t + " " + expr + (opt ? " -O" : "") + " packet " + i + " seed " + seed + ": jdump " + v + ", libpcap " + theirs[i]);
            }
            if (v != 0) matched++;
        }
        return matched;
    }
}
