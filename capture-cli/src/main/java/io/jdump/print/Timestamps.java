package io.jdump.print;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The time stamp prefix of a line, in tcpdump's formats: {@code hh:mm:ss.frac} in local time,
 * none ({@code -t}), seconds since the epoch ({@code -tt}), delta to the previous frame
 * ({@code -ttt}), date and time ({@code -tttt}), delta to the first frame ({@code -ttttt}).
 * Fractions are 6 digits, or 9 with {@code --nano}; an out-of-range fraction is printed as is.
 * As tcpdump 4.99 does, {@code -tt} prints the seconds as an unsigned 32-bit number.
 */
final class Timestamps {
    private final ZoneId zone;
    private boolean first = true;
    private long firstSec, firstNano, prevSec, prevNano;

    Timestamps(ZoneId zone) {
        this.zone = zone;
    }

    void append(StringBuilder out, PrintOptions opts, long sec, long nanos) {
        boolean nano = opts.nano();
        long frac = nano ? nanos : nanos / 1000;
        if (first) {
            first = false;
            firstSec = prevSec = sec;
            firstNano = prevNano = nanos;
        }
        switch (opts.time()) {
            case NONE -> { }
            case DEFAULT -> clock(out, sec, frac, nano, false);
            case DATE -> clock(out, sec, frac, nano, true);
            case EPOCH -> out.append(sec & 0xffffffffL).append('.').append(pad(frac, nano)).append(' ');
            case DELTA_PREVIOUS -> delta(out, sec, nanos, prevSec, prevNano, nano);
            case DELTA_FIRST -> delta(out, sec, nanos, firstSec, firstNano, nano);
        }
        prevSec = sec;
        prevNano = nanos;
    }

    private void clock(StringBuilder out, long sec, long frac, boolean nano, boolean date) {
        // libpcap reads a classic pcap's 32-bit seconds as signed, so tcpdump cannot convert
        // 2^31..2^32-1; pcapng's 64-bit stamps beyond that convert.
        if (sec > Integer.MAX_VALUE && sec <= 0xffffffffL) {
            out.append("[Error converting time] ");
            return;
        }
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(sec), zone);
        if (date) out.append(String.format("%04d-%02d-%02d ", t.getYear(), t.getMonthValue(), t.getDayOfMonth()));
        out.append(String.format("%02d:%02d:%02d.", t.getHour(), t.getMinute(), t.getSecond()))
                .append(pad(frac, nano)).append(' ');
    }

    private static void delta(StringBuilder out, long sec, long nanos, long baseSec, long baseNano, boolean nano) {
        long unit = nano ? 1_000_000_000L : 1_000_000L;
        long div = nano ? 1 : 1000;
        long d = (sec - baseSec) * unit + (nanos / div - baseNano / div);
        out.append(d < 0 ? '-' : ' ');
        d = Math.abs(d);
        long s = d / unit;
        long frac = d % unit;
        out.append(String.format("%02d:%02d:%02d.", s / 3600, s / 60 % 60, s % 60)).append(pad(frac, nano)).append(' ');
    }

    private static String pad(long frac, boolean nano) {
        return String.format(nano ? "%09d" : "%06d", frac);
    }
}
