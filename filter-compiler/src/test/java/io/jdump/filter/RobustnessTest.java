package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdump.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every expression of the filter suite, on three link types jdump supports (seeded choice),
 * either compiles or fails with a {@link FilterException}; so do seeded mutations of them (tokens
 * dropped, swapped or duplicated). Anything else (an unchecked exception, a stack overflow) fails.
 */
class RobustnessTest {
    private static final List<LinkType> SUPPORTED = List.of(LinkType.EN10MB, LinkType.RAW, LinkType.LINUX_SLL,
            LinkType.LINUX_SLL2, LinkType.NULL, LinkType.LOOP, LinkType.IPV4, LinkType.IPV6, LinkType.FDDI, LinkType.IEEE802,
            LinkType.PPP, LinkType.IEEE802_11, LinkType.PFLOG, LinkType.IP_OVER_FC, LinkType.C_HDLC);

    @Test
    void everySuiteExpressionCompilesOrFailsCleanly() throws IOException {
        Path suite = Requirements.sharedFile("libpcap-filter-suite/cases.jsonl");
        List<String> exprs = new ArrayList<>();
        for (String line : Files.readAllLines(suite)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) Json.parse(line);
            Object e = c.get("expr");
            if (e instanceof String s && !exprs.contains(s)) exprs.add(s);
        }
        Random r = new Random(Long.getLong("jdump.fuzz.seed", 7L));
        int n = exprs.size();
        for (int i = 0; i < n * Integer.getInteger("jdump.fuzz.scale", 1); i++) exprs.add(mutate(exprs.get(r.nextInt(n)), r));
        List<String> crashes = new ArrayList<>();
        int compiled = 0;
        var resolver = Fixtures.resolver();
        for (String e : exprs) {
            for (int j = 0; j < 3; j++) {
                LinkType t = SUPPORTED.get(r.nextInt(SUPPORTED.size()));
                try {
                    FilterCompiler.compile(e, CompileOptions.of(t).withOptimize(r.nextBoolean()).withResolver(resolver));
                    compiled++;
                } catch (FilterException ok) {
                    // a clean refusal
                } catch (RuntimeException | StackOverflowError x) {
                    if (crashes.size() < 20) crashes.add(t + " " + e + ": " + x);
                }
            }
        }
        System.out.printf("robustness: %d expressions x 3 link types, %d compiled%n", exprs.size(), compiled);
        assertEquals(List.of(), crashes);
    }

    private static String mutate(String e, Random r) {
        List<String> t = new ArrayList<>(List.of(e.split(" ")));
        int k = r.nextInt(t.size());
        switch (r.nextInt(4)) {
            case 0 -> t.remove(k);
            case 1 -> t.add(k, t.get(r.nextInt(t.size())));
            case 2 -> java.util.Collections.swap(t, k, r.nextInt(t.size()));
            default -> t.set(k, List.of("(", ")", "and", "or", "not", "[", "]", ":", "-", "/", "\\", "0x", "$", "::")
                    .get(r.nextInt(14)));
        }
        return String.join(" ", t);
    }
}
