package io.jdump.cli;

import io.jdump.pcap.Precision;
import io.jdump.print.PrintOptions;
import picocli.CommandLine.Option;

/**
 * How kept packets are printed, with tcpdump's letters: {@code -e -q -v -x -X -A -t -# -S -l}.
 * Repeated letters count ({@code -vvv}, {@code -tttt}, {@code -XX}), as in tcpdump.
 */
final class PrintingOptions {
    @Option(names = "-e", description = "Print the link-level header on each line.")
    boolean linkLevel;

    @Option(names = "-q", description = "Quick output: print less protocol information.")
    boolean quiet;

    @Option(names = "-v", description = "Verbose output; -vv and -vvv print more.")
    boolean[] verbose = new boolean[0];

    @Option(names = "-x", description = "Print each packet's data in hex (-xx: with the link-level header).")
    boolean[] hex = new boolean[0];

    @Option(names = "-X", description = "Print each packet's data in hex and ASCII (-XX: with the link-level header).")
    boolean[] hexAscii = new boolean[0];

    @Option(names = "-A", description = "Print each packet's data in ASCII (-AA: with the link-level header).")
    boolean[] ascii = new boolean[0];

    @Option(names = "-t", description = "No time stamp; -tt seconds since the epoch, -ttt delta to the previous packet, -tttt date and time, -ttttt delta to the first packet.")
    boolean[] time = new boolean[0];

    @Option(names = "-#", description = "Print a packet number at the start of each line.")
    boolean numbers;

    @Option(names = "-S", description = "Print absolute, not relative, TCP sequence numbers.")
    boolean absoluteSequence;

    @Option(names = "-l", description = "Line-buffer standard output (jdump flushes after each packet when set).")
    boolean lineBuffered;

    /** The printer's options, given {@code -n} and the time-stamp precision. */
    PrintOptions toPrintOptions(boolean numeric, Precision precision) {
        return new PrintOptions(numeric, linkLevel, verbose.length, quiet,
                PrintOptions.HexMode.of(hex.length, hexAscii.length, ascii.length),
                PrintOptions.TimeFormat.of(time.length), numbers, precision == Precision.NANO, absoluteSequence);
    }
}
