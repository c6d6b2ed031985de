package io.jdump.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Which filter to run and whether to print it instead: the expression (trailing words, or
 * {@code -F file}), a program from outside ({@code --bpf file}), and {@code -d}/{@code -dd}/{@code -ddd}.
 */
final class FilterOptions {
    @Option(names = "-d", description = "Print the filter program and exit: -d as a listing, -dd as a C array, -ddd as decimal numbers.")
    boolean[] dump = new boolean[0];

    @Option(names = "-O", description = "Do not run the filter optimizer.")
    boolean noOptimize;

    @Option(names = "-F", paramLabel = "file", description = "Read the filter expression from file ('#' starts a comment); words after the options are ignored.")
    String expressionFile;

    @Option(names = "--bpf", paramLabel = "file",
            description = "Run this classic BPF program instead of an expression: tcpdump -ddd or -dd output, or bpf_asm text ('-' for standard input).")
    String programFile;

    @Parameters(paramLabel = "expression", description = "A pcap-filter(7) expression; the words are joined with spaces.")
    List<String> words = new ArrayList<>();

    /** 0 when the program should run, else how many {@code d}s were given (at most 3 count). */
    int dumpLevel() {
        return Math.min(dump.length, 3);
    }
}
