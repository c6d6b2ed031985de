package io.jdump.pcap;

/**
 * Time-stamp precision of a classic pcap file, and of what jdump prints and writes
 * ({@code --micro}, {@code --nano}). Readers keep time stamps in nanoseconds; writing or
 * printing in microseconds truncates, as libpcap does.
 */
public enum Precision {
    MICRO(0xa1b2c3d4, 1000, 6),
    NANO(0xa1b23c4d, 1, 9);

    private final int magic;
    private final int nanosPerUnit;
    private final int digits;

    Precision(int magic, int nanosPerUnit, int digits) {
        this.magic = magic;
        this.nanosPerUnit = nanosPerUnit;
        this.digits = digits;
    }

    /** The pcap file magic number for this precision. */
    public int magic() { return magic; }

    /** Number of fraction digits tcpdump prints: 6 or 9. */
    public int digits() { return digits; }

    /** A time-stamp fraction in this precision's units, from nanoseconds (truncating). */
    public long fromNanos(long nanos) { return nanos / nanosPerUnit; }

    /** Nanoseconds from a fraction in this precision's units. */
    public long toNanos(long fraction) { return fraction * nanosPerUnit; }

    /** The precision {@code --time-stamp-precision} names ({@code micro}, {@code nano}), or null. */
    public static Precision byName(String name) {
        return switch (name) {
            case "micro" -> MICRO;
            case "nano" -> NANO;
            default -> null;
        };
    }
}
