package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Program;
import io.jdump.bpf.Validator;
import io.jdump.filter.ast.Expr;
import io.jdump.filter.opt.LookupShape;
import io.jdump.filter.opt.OptBench;
import io.jdump.filter.sema.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How many compiles the kernel fit ({@link KernelFit}) spends, each a whole compile: the first
 * candidate's leaves come from the room the default program leaves, and each candidate predicts
 * the next, so a host list that fits costs one or two compiles beyond the default program, and its
 * paths are as short as a search over many more compiles found (the figures of the bisection that
 * came before, in the comments).
 */
class KernelFitPolicyTest {
    private static final CompileOptions OPTIONS = CompileOptions.of(LinkType.EN10MB)
            .withResolver(Resolver.of(Map.of(), Map.of(), Map.of(), Map.of()));

    @ParameterizedTest(name = "{0} hosts: at most {1} compiles, longest path at most {2}")
    @CsvSource({
        "1700, 2, 50",     // bisection: 3 compiles, path 50
        "1800, 2, 55",     // 4 compiles, path 55
        "1900, 2, 67",     // 4 compiles, path 69
        "2000, 1, 224",    // 4 compiles, path 224
        "2030, 1, 4069",   // 4 compiles, path 4069
    })
    void fitsInOneOrTwoCompiles(int n, int compiles, int path) {
        Expr ast = FilterCompiler.parse(OptBench.generate("hosts", n));   // the lists whose figures the comments give
        Program first = FilterCompiler.compile(ast, OPTIONS, LookupShape.DEFAULT);
        assertTrue(first.size() > Validator.KERNEL_MAX_INSNS);
        List<Program> tried = new ArrayList<>();
        Program p = KernelFit.fit(first, shape -> {
            Program q = FilterCompiler.compile(ast, OPTIONS, shape);
            tried.add(q);
            return q;
        });
        assertTrue(p.size() <= Validator.KERNEL_MAX_INSNS, () -> p.size() + " instructions");
        assertTrue(tried.contains(p));
        for (Program q : tried) if (q.size() <= Validator.KERNEL_MAX_INSNS) assertTrue(p.longestPath() <= q.longestPath());
        assertTrue(tried.size() <= compiles, () -> tried.size() + " compiles");
        assertTrue(p.longestPath() <= path, () -> "longest path " + p.longestPath());
    }
}
