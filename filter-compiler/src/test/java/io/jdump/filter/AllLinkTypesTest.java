package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jdump.bpf.Program;
import io.jdump.bpf.Validator;
import io.jdump.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every link type libpcap names compiles or refuses cleanly: on each, a fixed set of probes (link-independent
 * primitives, link-specific ones, the ATM/SS7/pflog keywords) and a seeded sample of the suite's expressions
 * either compile to a program the libpcap-mode validator accepts or fail with a {@link FilterException};
 * an unchecked exception is a failure. Also: all 169 DLT names libpcap knows are {@link LinkType}s.
 */
class AllLinkTypesTest {
    private static final List<String> PROBES = List.of("", "len > 10", "greater 5", "link[0] = 1", "link[1:2] & 3 != 0",
            "ip", "ip6", "arp", "tcp port 80", "host 1.2.3.4", "net 10.0.0.0/8", "ip proto 6", "protochain 6", "iso", "isis",
            "clnp", "stp", "ipx", "netbeui", "atalk", "aarp", "decnet host 1.2", "link proto 5", "ether host 1:2:3:4:5:6",
            "broadcast", "multicast", "ip multicast", "ip6 multicast", "vlan", "vlan 5 and ip", "mpls", "mpls 3 and ip",
            "pppoed", "pppoes 3 and ip", "geneve", "vxlan 7", "llc", "llc i", "inbound", "outbound", "ifindex 1", "byte 3 = 1",
            "ip[0] & 0xf = 5", "tcp[tcpflags] & tcp-syn != 0", "type data", "dir fromds", "fisu", "lssu", "msu", "hmsu",
            "sio 3", "opc (1 or 2)", "dpc > 5", "hsls != 4", "vpi 1", "vci (1 or 2)", "lane", "lane and ip host 1.2.3.4",
            "lane and multicast", "lane and vlan", "oamf4", "metaconnect", "connectmsg", "reason congestion", "rnr 3",
            "link host $21", "gateway eth-ipv4-noipv6.host123.libpcap.test", "ip broadcast");

    @Test
    void everyLibpcapDltNameIsALinkType() throws IOException {
        Path features = Requirements.sharedFile("libpcap-filter-suite/dlt_features.json");
        Requirements.require(Files.exists(features), "libpcap filter suite in shared data");
        @SuppressWarnings("unchecked")
        Map<String, Object> dlts = (Map<String, Object>) ((Map<String, Object>) Json.parse(Files.readString(features))).get("DLTfeatures");
        assertEquals(169, dlts.size());
        for (String name : dlts.keySet()) assertNotNull(LinkType.byName(name), name);
    }

    @Test
    void everyLinkTypeCompilesOrRefusesCleanly() throws IOException {
        Path suite = Requirements.sharedFile("libpcap-filter-suite/cases.jsonl");
        Requirements.require(Files.exists(suite), "libpcap filter suite in shared data");
        Set<String> suiteExprs = new LinkedHashSet<>();
        for (String line : Files.readAllLines(suite)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) Json.parse(line);
            if (c.get("expr") instanceof String s) suiteExprs.add(s);
        }
        List<String> pool = new ArrayList<>(suiteExprs);
        long seed = Long.getLong("jdump.fuzz.seed", 11L);
        Random r = new Random(seed);
        int sample = 60 * Integer.getInteger("jdump.fuzz.scale", 1);
        var resolver = Fixtures.resolver();
        List<String> crashes = new ArrayList<>();
        int compiled = 0;
        for (LinkType t : LinkType.values()) {
            List<String> exprs = new ArrayList<>(PROBES);
            for (int i = 0; i < sample; i++) exprs.add(pool.get(r.nextInt(pool.size())));
            for (String e : exprs) {
                for (boolean opt : new boolean[] {false, true}) {
                    try {
                        Program p = FilterCompiler.compile(e, CompileOptions.of(t).withOptimize(opt).withResolver(resolver));
                        compiled++;
                        if (!Validator.accepts(p, Validator.Mode.LIBPCAP)) crashes.add(t + " " + e + ": invalid program\n" + p);
                    } catch (FilterException ok) {
                        // a clean refusal
                    } catch (RuntimeException | StackOverflowError x) {
                        crashes.add(t + " " + e + (opt ? " -O" : "") + ": " + x);
                    }
                }
            }
        }
        System.out.printf("all link types: %d link types, %d compiled (seed %d)%n", LinkType.values().length, compiled, seed);
        assertEquals(List.of(), crashes.subList(0, Math.min(20, crashes.size())), "seed " + seed);
    }
}
