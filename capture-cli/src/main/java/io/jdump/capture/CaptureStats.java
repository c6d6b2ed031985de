package io.jdump.capture;

import java.util.List;

/**
 * The counts tcpdump prints when a live capture ends.
 *
 * @param captured packets handed to the consumer (after the user-space filter and {@code -Q})
 * @param received packets that passed the kernel filter ({@code tpacket_stats_v3.tp_packets})
 * @param dropped  packets the kernel dropped for lack of buffer space ({@code tp_drops})
 */
public record CaptureStats(long captured, long received, long dropped) {
    /** tcpdump's three lines: {@code N packets captured}, {@code ... received by filter}, {@code ... dropped by kernel}. */
    public List<String> lines() {
        return List.of(count(captured) + " captured", count(received) + " received by filter",
                count(dropped) + " dropped by kernel");
    }

    private static String count(long n) {
        return n + (n == 1 ? " packet" : " packets");
    }
}
