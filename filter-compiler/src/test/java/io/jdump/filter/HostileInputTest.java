package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Program;
import org.junit.jupiter.api.Test;

/**
 * Hostile expressions end with a clear error or a program, never a StackOverflowError or a hang.
 * The cases are sized like the issue's (1 MB, 10,000 levels); the harness's timeout guards the
 * near-linear claim only coarsely, the real figures come from the benchmark-free timing printed here.
 */
class HostileInputTest {
    private static final CompileOptions EN10MB = CompileOptions.of(LinkType.EN10MB).withOptimize(false)
            .withResolver(Fixtures.resolver());

    @Test
    void tenThousandNestedParenthesesGiveAClearError() {
        String e = "(".repeat(10_000) + "tcp" + ")".repeat(10_000);
        FilterSyntaxException x = assertThrows(FilterSyntaxException.class, () -> FilterCompiler.compile(e, EN10MB));
        assertTrue(x.getMessage().contains("nested too deeply"), x.getMessage());
    }

    @Test
    void nestingWithinTheLimitCompiles() {
        String e = "(".repeat(500) + "tcp" + ")".repeat(500);
        assertEquals(FilterCompiler.compile("tcp", EN10MB), FilterCompiler.compile(e, EN10MB));
    }

    @Test
    void tenThousandNotsGiveAClearError() {
        String e = "not ".repeat(10_000) + "tcp";
        assertThrows(FilterSyntaxException.class, () -> FilterCompiler.compile(e, EN10MB));
    }

    @Test
    void deepArithmeticGivesAClearError() {
        String e = "len = " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
        assertThrows(FilterSyntaxException.class, () -> FilterCompiler.compile(e, EN10MB));
        String neg = "len = " + "-".repeat(10_000) + "1";
        assertThrows(FilterSyntaxException.class, () -> FilterCompiler.compile(neg, EN10MB));
    }

    @Test
    void oneMegabyteOfOrsCompilesWithLongJumps() {
        StringBuilder sb = new StringBuilder("ether[0] = 1");
        int n = 0;
        while (sb.length() < 1_000_000) sb.append(" or ether[0] = ").append(n++ & 0xff);
        long t0 = System.nanoTime();
        Program p = FilterCompiler.compile(sb.toString(), EN10MB);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("1 MB expression (%d primitives): %d instructions in %d ms%n", n + 1, p.size(), ms);
        assertTrue(p.toString().contains("ja "), "long jumps expected in a program this size");
    }

    @Test
    void oneMegabyteOfGarbageIsASyntaxError() {
        String e = "tcp and " + "@".repeat(1_000_000);
        FilterSyntaxException x = assertThrows(FilterSyntaxException.class, () -> FilterCompiler.compile(e, EN10MB));
        assertEquals(8, x.position());
    }

    @Test
    void oneMegabyteNameIsAnUnknownHost() {
        String e = "host " + "a".repeat(1_000_000);
        FilterException x = assertThrows(FilterException.class, () -> FilterCompiler.compile(e, EN10MB));
        assertTrue(x.getMessage().startsWith("unknown host"), x.getMessage().substring(0, 40));
    }
}
