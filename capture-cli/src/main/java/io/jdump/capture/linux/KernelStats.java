package io.jdump.capture.linux;

/**
 * The socket's counters from {@code PACKET_STATISTICS} ({@code struct tpacket_stats_v3}),
 * summed over every read since the socket was opened (each read resets the kernel's counters).
 *
 * @param packets packets that passed the kernel filter, including those then dropped
 *                (tcpdump's "received by filter")
 * @param drops   packets dropped because the buffer was full (tcpdump's "dropped by kernel")
 */
public record KernelStats(long packets, long drops) {
    /** No packets yet. */
    public static final KernelStats ZERO = new KernelStats(0, 0);

    KernelStats plus(long morePackets, long moreDrops) {
        return new KernelStats(packets + morePackets, drops + moreDrops);
    }
}
