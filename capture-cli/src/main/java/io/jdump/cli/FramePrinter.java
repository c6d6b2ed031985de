package io.jdump.cli;

import io.jdump.pcap.Frame;
import io.jdump.pcap.Precision;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Prints one kept packet as a line of text. Until the protocol printers ({@code io.jdump.print})
 * are wired in here, {@link #basic} prints only what every packet has: its time stamp and length.
 */
@FunctionalInterface
interface FramePrinter {
    void print(Frame frame);

    /**
     * The placeholder printer: {@code HH:MM:SS.ffffff length N} in the given zone (tcpdump's default
     * time-stamp form), with {@code , captured M} when the packet was cut.
     */
    static FramePrinter basic(PrintWriter out, Precision precision, ZoneId zone) {
        return frame -> {
            out.print(timeOfDay(frame.seconds(), frame.nanos(), precision, zone));
            out.print(" length ");
            out.print(Integer.toUnsignedString(frame.wirelen()));
            if (Integer.toUnsignedLong(frame.caplen()) < Integer.toUnsignedLong(frame.wirelen())) {
                out.print(", captured ");
                out.print(frame.caplen());
            }
            out.println();
        };
    }

    /** {@code HH:MM:SS.ffffff} (or nine digits), as tcpdump prints a time stamp by default. */
    static String timeOfDay(long seconds, long nanos, Precision precision, ZoneId zone) {
        LocalTime t = LocalTime.ofInstant(Instant.ofEpochSecond(seconds), zone);
        String frac = Long.toString(precision.fromNanos(nanos));
        return String.format("%02d:%02d:%02d.%s", t.getHour(), t.getMinute(), t.getSecond(),
                "0".repeat(Math.max(0, precision.digits() - frac.length())) + frac);
    }
}
