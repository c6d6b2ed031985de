/**
 * The pcap-filter compiler. {@link io.jdump.filter.FilterCompiler#compile} takes an expression and
 * {@link io.jdump.filter.CompileOptions} and returns a classic BPF {@link io.jdump.bpf.Program};
 * the stages are the sub-packages: lex, parse, ast, sema, gen, ir, opt, emit. An optimized program
 * larger than the kernel takes (4,096 instructions) is compiled again with smaller, slower set
 * lookups when that makes it fit ({@code KernelFit}).
 */
package io.jdump.filter;
