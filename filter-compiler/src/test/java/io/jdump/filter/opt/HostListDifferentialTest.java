package io.jdump.filter.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.LinkType;
import io.jdump.filter.sema.Resolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Host lists that the code generator hoists when optimizing (gen.HostListGen), inside and/or
 * chains with other terms, directions and link types where it must not apply: optimized and
 * unoptimized programs give every packet the same verdict (corpus packets and mutants, packets
 * covering the unoptimized program's paths, every truncation of some).
 */
class HostListDifferentialTest {
    private static final String H = "host 10.0.0.1 or host 10.0.0.2 or host 192.168.1.1 or host 10.0.0.3 or host 1.2.3.4";

    @ParameterizedTest
    @ValueSource(strings = {H, "tcp and " + H, "tcp and host 10.0.0.9 or " + H, H + " and tcp", H + " and not udp or port 53",
            "src host 10.0.0.1 or src host 10.0.0.2 or src host 192.168.1.1 or src host 10.0.0.3 or dst host 10.0.0.4 or dst host 1.2.3.4",
            "dst host 10.0.0.1 or dst host 10.0.0.2 or dst host 192.168.1.1 or dst host 10.0.0.3 or dst host 10.0.0.4",
            "vlan and (" + H + ")", "not (" + H + ")", "ip and " + H, "(" + H + ") and (host 10.0.1.1 or host 10.0.1.2 or host 10.0.1.3 or host 10.0.1.4)",
            "host 10.0.0.1 or net 10.1.0.0/16 or host 10.0.0.2 or host 10.0.0.3 or host 10.0.0.4 or host 10.0.0.5 or ip host 1.1.1.1",
            "src and dst host 10.0.0.1 or src and dst host 10.0.0.2 or src and dst host 10.0.0.3 or src and dst host 10.0.0.4"})
    void hoistedListsKeepEveryVerdict(String expr) throws Exception {
        for (LinkType dlt : new LinkType[] {LinkType.EN10MB, LinkType.LINUX_SLL, LinkType.RAW}) {
            CompileOptions o = CompileOptions.of(dlt).withResolver(Resolver.of(Map.of(), Map.of(), Map.of(), Map.of()));
            Program unopt;
            try {
                unopt = FilterCompiler.compile(expr, o.withOptimize(false));
            } catch (io.jdump.filter.FilterException e) {
                continue;    // vlan on a link type without it
            }
            Program opt = FilterCompiler.compile(expr, o);
            List<Suite.Pkt> all = OptimizerDifferentialTest.withPathCovering(unopt, Suite.packets(dlt, 200, 11));
            List<Suite.Pkt> cut = new ArrayList<>();
            for (Suite.Pkt p : all.subList(0, Math.min(all.size(), 60))) {
                for (int n = 0; n < Math.min(p.data().length, 60); n++) cut.add(new Suite.Pkt(Arrays.copyOf(p.data(), n), p.wirelen()));
            }
            all.addAll(cut);
            Interpreter a = new Interpreter(unopt), b = new Interpreter(opt);
            for (Suite.Pkt p : all) {
                assertEquals(a.apply(p.data(), p.data().length, p.wirelen()), b.apply(p.data(), p.data().length, p.wirelen()),
                        () -> dlt + " " + expr + " on " + p.data().length + " bytes");
            }
        }
    }
}
