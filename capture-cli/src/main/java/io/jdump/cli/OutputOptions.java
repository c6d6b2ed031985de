package io.jdump.cli;

import io.jdump.pcap.Precision;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.ZoneId;

/**
 * What happens to the packets the filter keeps: written ({@code -w}, {@code --pcapng},
 * {@code -U}), printed ({@code --print}, {@code -n}), or only counted ({@code --count}); and the
 * time-stamp precision used for both; how they are printed is {@link PrintingOptions}.
 */
final class OutputOptions {
    @Option(names = "-w", paramLabel = "file", description = "Write the kept packets to a capture file ('-' for standard output).")
    String writeFile;

    @Option(names = "-C", paramLabel = "file_size", description = "Start a new -w file when the current one is larger than file_size millions of bytes.")
    String fileSize;

    @Option(names = "-W", paramLabel = "filecount", description = "With -C: a ring of filecount -w files, overwritten in turn.")
    String fileCount;

    @Option(names = "-G", paramLabel = "rotate_seconds", description = "Name the -w file by strftime(3) and start a new one every rotate_seconds seconds.")
    String rotateSeconds;

    @Option(names = "--pcapng", description = "Write pcapng instead of classic pcap.")
    boolean pcapng;

    @Option(names = "-U", description = "Flush the written file after each packet.")
    boolean packetBuffered;

    @Option(names = "--print", description = "Print the packets even when writing them with -w.")
    boolean print;

    @Option(names = "--count", description = "Print only the number of packets the filter kept.")
    boolean countOnly;

    @Option(names = "-n", description = "Do not convert addresses or ports to names.")
    boolean numeric;

    @Mixin PrintingOptions printing;

    private String precision = "micro";

    @Option(names = "--time-stamp-precision", paramLabel = "precision", description = "micro (the default) or nano: of printed time stamps and written files.")
    void precision(String name) { precision = name; }

    @Option(names = "--micro", description = "Same as --time-stamp-precision=micro.")
    void micro(boolean on) { precision = "micro"; }

    @Option(names = "--nano", description = "Same as --time-stamp-precision=nano.")
    void nano(boolean on) { precision = "nano"; }

    /** Checks -C and -W as tcpdump does while parsing its options. */
    void validate() {
        rotateAfter();
        ringSize();
        rotateSeconds();
    }

    /**
     * The -G interval, or 0 without -G. Read as C's atoi does, as tcpdump reads it: the leading
     * digits, so {@code 5x} is 5 and {@code abc} is 0 (no rotation); a negative number is an error.
     */
    long rotateSeconds() {
        if (rotateSeconds == null) return 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([+-]?\\d*)").matcher(rotateSeconds);
        m.lookingAt();
        String digits = m.group(1);
        long n;
        try {
            n = digits.isEmpty() || digits.equals("+") || digits.equals("-") ? 0 : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            n = digits.startsWith("-") ? -1 : Integer.MAX_VALUE;
        }
        if (n < 0) throw new CliException("invalid number of seconds " + digits);
        return Math.min(n, Integer.MAX_VALUE);
    }

    /** The -C size in bytes, or 0 without -C. */
    long rotateAfter() {
        if (fileSize == null) return 0;
        try {
            long n = Long.parseLong(fileSize);
            if (n > 0 && n <= Long.MAX_VALUE / 1_000_000) return n * 1_000_000;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException("invalid file size " + fileSize);
    }

    /** The -W count, or 0 without -W. */
    int ringSize() {
        if (fileCount == null) return 0;
        try {
            int n = Integer.parseInt(fileCount);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException("invalid number of output files " + fileCount);
    }

    /** The precision the last of --micro, --nano and --time-stamp-precision chose. */
    Precision timeStampPrecision() {
        Precision p = Precision.byName(precision);
        if (p == null) throw new CliException("unsupported time stamp precision");
        return p;
    }

    /** Whether kept packets are printed: unless counting, and with -w only when --print. */
    boolean printing() {
        return !countOnly && (writeFile == null || print);
    }

    /** The printer for kept packets, in the local time zone as tcpdump prints them. */
    FramePrinter printer(PrintWriter out, Precision precision) {
        return FramePrinter.tcpdump(out, printing.toPrintOptions(numeric, precision), ZoneId.systemDefault(), printing.lineBuffered);
    }
}
