package io.jdump.pcap;

/**
 * A pcapng interface's time-stamp unit ({@code if_tsresol}): 10^-exponent or 2^-exponent
 * seconds. Converts a 64-bit unsigned count of units into seconds and nanoseconds, truncating
 * finer units.
 */
record TimeResolution(boolean binary, int exponent) {
    /** The pcapng default: microseconds. */
    static final TimeResolution MICROS = new TimeResolution(false, 6);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    TimeResolution {
        if (exponent < 0 || exponent > (binary ? 63 : 19)) {
            throw new IllegalArgumentException("if_tsresol " + (binary ? "2^-" : "10^-") + exponent + " out of range");
        }
    }

    /** The resolution an {@code if_tsresol} byte gives, or null when it is finer than 64 bits of units can hold. */
    static TimeResolution of(int option) {
        boolean binary = (option & 0x80) != 0;
        int exponent = option & 0x7f;
        if (exponent > (binary ? 63 : 19)) return null;
        return new TimeResolution(binary, exponent);
    }

    /** Whole seconds in {@code units} (unsigned). */
    long seconds(long units) {
        return binary ? units >>> exponent : Long.divideUnsigned(units, pow10(exponent));
    }

    /** Nanoseconds within the second in {@code units} (unsigned), truncated. */
    long nanos(long units) {
        if (binary) {
            if (exponent == 0) return 0;
            long frac = units & ((1L << exponent) - 1);
            long lo = frac * NANOS_PER_SECOND;
            long hi = Math.unsignedMultiplyHigh(frac, NANOS_PER_SECOND);
            return (lo >>> exponent) | (hi << (64 - exponent));
        }
        long frac = Long.remainderUnsigned(units, pow10(exponent));
        return exponent <= 9 ? frac * pow10(9 - exponent) : Long.divideUnsigned(frac, pow10(exponent - 9));
    }

    private static long pow10(int e) {
        long v = 1;
        for (int i = 0; i < e; i++) v *= 10;
        return v;
    }
}
