package io.jdump.filter;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Program;
import io.jdump.filter.ast.Expr;
import io.jdump.filter.emit.Linearizer;
import io.jdump.filter.gen.CodeGen;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.CfgChecker;
import io.jdump.filter.opt.LookupShape;
import io.jdump.filter.opt.PassManager;
import io.jdump.filter.parse.Parser;

/**
 * Compiles pcap-filter expressions ({@code man 7 pcap-filter}) to classic BPF, like libpcap's
 * {@code pcap_compile}: lexer, parser, code generation into a CFG, optimization
 * ({@link PassManager}, off with {@code CompileOptions.optimize} false, tcpdump's {@code -O}), and emission. Errors are {@link FilterException}s with libpcap's message text.
 */
public final class FilterCompiler {
    private FilterCompiler() {}

    /**
     * Compiles {@code expr} for {@code opts}; the result passes the kernel's checks (jump ranges,
     * final return). An optimized program of more instructions than the kernel takes is compiled
     * again with smaller, slower set lookups when that makes it fit ({@link KernelFit}).
     */
    public static Program compile(String expr, CompileOptions opts) {
        Expr ast = parse(expr);
        Program p = compile(ast, opts, LookupShape.DEFAULT);
        if (opts.optimize()) p = KernelFit.fit(p, shape -> compile(ast, opts, shape));
        return p;
    }

    /** Code generation, optimization with set lookups of {@code shape} (when {@code opts} optimizes) and emission. */
    static Program compile(Expr ast, CompileOptions opts, LookupShape shape) {
        Cfg cfg = CodeGen.generate(ast, opts);
        if (CfgChecker.enabled()) CfgChecker.check(cfg, "code generation");
        if (opts.optimize()) cfg = PassManager.standard(shape).run(cfg);
        Program p = Linearizer.emit(cfg);
        check(p);
        return p;
    }

    /** Parses {@code expr} into its syntax tree (null for the empty expression). */
    public static Expr parse(String expr) {
        return Parser.parse(expr);
    }

    /** Verifies the jump ranges and the final return of our own output: a failure is a compiler bug. */
    private static void check(Program p) {
        int n = p.size();
        for (int pc = 0; pc < n; pc++) {
            Insn i = p.get(pc);
            int far = switch (i) {
                case Insn.JmpK j -> Math.max(j.jt(), j.jf());
                case Insn.JmpX j -> Math.max(j.jt(), j.jf());
                case Insn.Ja j -> j.offset();
                default -> -1;
            };
            if (pc + 1 + far >= n) throw new IllegalStateException("internal compiler error: jump past end at " + pc + "\n" + p);
        }
        if (n == 0 || !p.get(n - 1).isReturn()) throw new IllegalStateException("internal compiler error: no final return\n" + p);
    }
}
