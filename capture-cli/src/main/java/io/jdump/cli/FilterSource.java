package io.jdump.cli;

import io.jdump.bpf.Assembler;
import io.jdump.bpf.Insn;
import io.jdump.bpf.PacketFilter;
import io.jdump.bpf.Program;
import io.jdump.bpf.jit.Jit;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.FilterException;
import io.jdump.filter.FilterSyntaxException;
import io.jdump.filter.LinkType;
import io.jdump.pcap.LinkTypes;

import java.util.HashMap;
import java.util.Map;

/**
 * The filter the command line asks for, as a program for a given link type and snapshot
 * length: a program read from {@code --bpf} (the same whatever the link type), or the
 * expression (words or {@code -F}) compiled for it. This is the only place where an expression
 * becomes a {@link Program}.
 */
final class FilterSource {
    private final Program external;
    private final String expression;
    private boolean optimize = true;
    private boolean linuxExtensions;
    private final Map<Long, PacketFilter> filters = new HashMap<>();

    private FilterSource(Program external, String expression) {
        this.external = external;
        this.expression = expression;
    }

    /** A filter running {@code program}, whatever the link type. */
    static FilterSource external(Program program) {
        return new FilterSource(program, "");
    }

    /** A filter compiling {@code expression} (blank: keep every packet). */
    static FilterSource expression(String expression) {
        return new FilterSource(null, expression);
    }

    /**
     * Parses a program given with {@code --bpf}; {@code name} names its origin in messages.
     * Every failure of the assembler is reported as one line.
     */
    static FilterSource parseProgram(String text, String name) {
        try {
            return external(Assembler.parse(text));
        } catch (RuntimeException e) {
            throw new CliException("can't parse BPF program " + name + ": " + e.getMessage(), e);
        }
    }

    /** This source with the optimizer on or off ({@code -O}). */
    FilterSource optimize(boolean on) {
        optimize = on;
        return this;
    }

    /**
     * This source compiling for a live Linux socket or not: with Linux extensions, {@code vlan},
     * {@code inbound} and the like read the socket's metadata (the kernel strips VLAN tags before
     * the filter runs), as libpcap does for live captures.
     */
    FilterSource linuxExtensions(boolean on) {
        linuxExtensions = on;
        return this;
    }

    /** Whether the program comes from outside ({@code --bpf}) rather than from an expression. */
    boolean isExternal() {
        return external != null;
    }

    /** The program to run on packets of {@code linkType} captured with {@code snaplen}. */
    Program program(int linkType, int snaplen) {
        if (external != null) return external;
        return compile(expression, linkType, snaplen, optimize, linuxExtensions);
    }

    /**
     * {@link #program} ready to run, made once per link type and snapshot length: JIT-compiled to
     * bytecode, which the differential tests hold to the interpreter's verdicts.
     */
    PacketFilter filter(int linkType, int snaplen) {
        return filters.computeIfAbsent(((long) linkType << 32) | (snaplen & 0xffffffffL),
                k -> Jit.compile(program(linkType, snaplen)));
    }

    /**
     * An expression to a program, as {@code pcap_compile} does for tcpdump: for the link type, with
     * {@code ret #snaplen} for kept packets and netmask 0 ({@code ip broadcast} as tcpdump reads
     * files). An empty expression keeps every packet whole; libpcap refuses to compile even that
     * for a link type it does not know, and so do we.
     */
    private static Program compile(String expression, int linkType, int snaplen, boolean optimize, boolean linuxExtensions) {
        int type = linkType & 0xffff;
        LinkType named = LinkTypes.lookup(type);
        if (!LinkTypes.isSupported(type) || named == null) {
            throw new CliException("unknown data link type " + type + " (min 104, max 289)");
        }
        if (expression.isBlank()) return Program.of(new Insn.RetK(snaplen));
        CompileOptions options = CompileOptions.of(named).withSnaplen(snaplen).withOptimize(optimize).withNetmask(0)
                .withLinuxExtensions(linuxExtensions);
        try {
            return FilterCompiler.compile(expression, options);
        } catch (FilterException e) {
            throw new CliException(message(expression, e), e);
        }
    }

    /**
     * The error line as tcpdump prints it: libpcap prefixes only grammar errors with
     * {@code can't parse filter expression: } ({@code syntax error}); other errors are their own
     * message ({@code illegal port number 70000 > 65535}). Syntax errors also say where.
     */
    static String message(String expression, FilterException e) {
        if (e instanceof FilterSyntaxException && e.getMessage().startsWith("syntax error")) {
            return "can't parse filter expression: " + e.getMessage() + where(expression, e);
        }
        return e.getMessage() + where(expression, e);
    }

    /** For a syntax error, where it happened: {@code  (at character 9: "and")}; empty otherwise. */
    static String where(String expression, FilterException e) {
        if (!(e instanceof FilterSyntaxException syntax)) return "";
        int at = Math.clamp(syntax.position(), 0, expression.length());
        String rest = expression.substring(at).strip();
        String token = rest.isEmpty() ? "end of expression" : "\"" + rest.split("\\s+", 2)[0] + "\"";
        return " (at character " + (at + 1) + ": " + token + ")";
    }
}
