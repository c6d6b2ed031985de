package io.jdump.filter.opt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.FilterException;
import io.jdump.filter.LinkType;
import io.jdump.filter.sema.Resolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random expressions (and/or/not over common primitives, as bench/optimizer/random_exprs.py),
 * optimized and unoptimized, must agree on the corpus, its mutants and path-covering packets.
 * {@code -Djdump.fuzz.scale=N} runs N times more; {@code -Djdump.fuzz.seed} picks the seed.
 */
class RandomExpressionTest {
    private static final String[] PRIMS = {"tcp", "udp", "icmp", "ip", "ip6", "arp", "port %p", "host %h", "net 10.%b.0.0/16",
        "src port %p", "dst host %h", "tcp port %p", "udp dst port %p", "ether host 00:11:22:33:44:55", "less %l", "greater %l",
        "ip[9] = 6", "tcp[13] & 2 != 0", "portrange %p-%q", "ip proto %b", "icmp[0] = 8", "src net 192.168.%b.0/24",
        "ether broadcast", "ip multicast", "vlan", "vlan %v", "mpls", "ip[2:2] > %l", "len >= %l", "ip[0] & 0xf > 5"};

    @Test
    void randomExpressionsKeepTheirVerdicts() throws IOException {
        long seed = Long.getLong("jdump.fuzz.seed", 99L);
        Random r = new Random(seed);
        CompileOptions o = CompileOptions.of(LinkType.EN10MB).withResolver(Resolver.of(Map.of(), Map.of(), Map.of(), Map.of()));
        List<Suite.Pkt> base = Suite.packets(LinkType.EN10MB, 150, seed);
        List<String> failures = new ArrayList<>();
        int n = 250 * Integer.getInteger("jdump.fuzz.scale", 1);
        for (int i = 0; i < n; i++) {
            String e = expr(r, 1 + r.nextInt(4));
            Program unopt, opt;
            try {
                unopt = FilterCompiler.compile(e, o.withOptimize(false));
                opt = FilterCompiler.compile(e, o);
            } catch (FilterException ex) {
                continue;
            }
            Interpreter a = new Interpreter(unopt), b = new Interpreter(opt);
            for (Suite.Pkt p : OptimizerDifferentialTest.withPathCovering(unopt, base)) {
                if (a.apply(p.data(), p.data().length, p.wirelen()) != b.apply(p.data(), p.data().length, p.wirelen())) {
                    failures.add("'" + e + "' on a " + p.data().length + "-byte packet\n" + opt);
                    break;
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + n + " differ (seed " + seed + "), first: " + failures.getFirst());
    }

    private static String expr(Random r, int depth) {
        if (depth == 0 || r.nextInt(10) < 3) {
            String p = prim(r);
            return r.nextInt(7) == 0 ? "not " + p : p;
        }
        String e = "(" + expr(r, depth - 1) + (r.nextBoolean() ? " and " : " or ") + expr(r, depth - 1) + ")";
        return r.nextInt(10) == 0 ? "not " + e : e;
    }

    private static String prim(Random r) {
        int port = r.nextBoolean() ? new int[] {22, 53, 80, 443}[r.nextInt(4)] : 1 + r.nextInt(65535);
        return PRIMS[r.nextInt(PRIMS.length)].replace("%p", Integer.toString(port)).replace("%q", Integer.toString(Math.min(65535, port + r.nextInt(100))))
                .replace("%h", "10." + r.nextInt(4) + "." + r.nextInt(4) + "." + (1 + r.nextInt(254)))
                .replace("%b", Integer.toString(r.nextInt(256))).replace("%l", Integer.toString(40 + r.nextInt(1500)))
                .replace("%v", Integer.toString(r.nextInt(4095)));
    }
}
