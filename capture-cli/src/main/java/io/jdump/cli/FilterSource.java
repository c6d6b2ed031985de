package io.jdump.cli;

import io.jdump.bpf.Assembler;
import io.jdump.bpf.Insn;
import io.jdump.bpf.PacketFilter;
import io.jdump.bpf.Program;
import io.jdump.bpf.jit.Jit;
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

    /** Whether the program comes from outside ({@code --bpf}) rather than from an expression. */
    boolean isExternal() {
        return external != null;
    }

    /** The program to run on packets of {@code linkType} captured with {@code snaplen}. */
    Program program(int linkType, int snaplen) {
        if (external != null) return external;
        return compile(expression, linkType, snaplen);
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
     * The compiler seam: an expression to a program, as {@code pcap_compile} does for tcpdump.
     * An empty expression keeps every packet whole ({@code ret #snaplen}); libpcap refuses to
     * compile even that for a link type it does not know, and so do we.
     */
    private static Program compile(String expression, int linkType, int snaplen) {
        int type = linkType & 0xffff;
        if (!LinkTypes.isSupported(type)) {
            throw new CliException("unknown data link type " + type + " (min 104, max 289)");
        }
        if (!expression.isBlank()) {
            // TODO(#offline): FilterCompiler.compile(expression, CompileOptions for linkType/snaplen); report a
            // FilterException as "can't parse filter expression: " + its message.
            throw new CliException("filter expressions are not supported yet");
        }
        return Program.of(new Insn.RetK(snaplen));
    }
}
