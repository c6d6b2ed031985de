/**
 * The pcap-filter compiler. {@link io.jdump.filter.FilterCompiler#compile} takes an expression and
 * {@link io.jdump.filter.CompileOptions} and returns a classic BPF {@link io.jdump.bpf.Program};
 * the stages are the sub-packages: lex, parse, ast, sema, gen, ir, opt, emit.
 */
package io.jdump.filter;
