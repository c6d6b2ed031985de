package io.jdump.cli;

import io.jdump.pcap.Frame;
import io.jdump.print.PacketPrinter;
import io.jdump.print.PrintOptions;

import java.io.PrintWriter;
import java.time.ZoneId;

/** Prints each kept packet as tcpdump does, numbering them from 1 for {@code -#}. */
@FunctionalInterface
interface FramePrinter {
    void print(Frame frame);

    /**
     * tcpdump's lines for each frame, made by the protocol printers ({@link PacketPrinter}, which
     * keeps the per-connection state for relative TCP sequence numbers and time deltas).
     *
     * @param flushEach flush after each packet ({@code -l})
     */
    static FramePrinter tcpdump(PrintWriter out, PrintOptions options, ZoneId zone, boolean flushEach) {
        PacketPrinter printer = new PacketPrinter(zone);
        StringBuilder line = new StringBuilder(256);
        long[] number = {0};
        char[][] chars = {new char[256]};
        return frame -> {
            line.setLength(0);
            printer.print(line, ++number[0], frame, options);
            // PrintWriter.append would copy the line into a new String first: copy it into a reused array.
            int n = line.length();
            if (chars[0].length < n) chars[0] = new char[Math.max(n, chars[0].length * 2)];
            line.getChars(0, n, chars[0], 0);
            out.write(chars[0], 0, n);
            if (flushEach) out.flush();
        };
    }
}
