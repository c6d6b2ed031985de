package io.jdump.print;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The time stamp prefix of a line, in tcpdump's formats: {@code hh:mm:ss.frac} in local time,
 * none ({@code -t}), seconds since the epoch ({@code -tt}), delta to the previous frame
 * ({@code -ttt}), date and time ({@code -tttt}), delta to the first frame ({@code -ttttt}).
 * Fractions are 6 digits, or 9 with {@code --nano}; an out-of-range fraction is printed as is.
 * As tcpdump 4.99 does, {@code -tt} prints the seconds as an unsigned 32-bit number.
 *
 * <p>Printing runs once per packet, so the wall clock is computed without java.time objects:
 * the zone's offset is looked up only when a stamp leaves the span between the zone's
 * transitions around the last looked-up one (correct across DST changes), and the date only
 * when the local day changes.
 */
final class Timestamps {
    private final ZoneRules rules;
    private boolean first = true;
    private long firstSec, firstNano, prevSec, prevNano;
    /** The cached offset (seconds) is valid for stamps in [validFrom, validTo). */
    private long validFrom = 1, validTo = 0;
    private int offset;
    /** The cached local day (days since the epoch) and its {@code yyyy-mm-dd } text. */
    private long day = Long.MIN_VALUE;
    private String dayText = "";

    Timestamps(ZoneId zone) {
        this.rules = zone.getRules();
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
            case EPOCH -> pad(out.append(sec & 0xffffffffL).append('.'), frac, nano ? 9 : 6).append(' ');
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
        if (sec < validFrom || sec >= validTo) lookUpOffset(sec);
        long local = sec + offset;
        long secOfDay = Math.floorMod(local, 86_400L);
        if (date) {
            long d = Math.floorDiv(local, 86_400L);
            if (d != day) {
                LocalDate t = LocalDate.ofEpochDay(d);
                dayText = String.format("%04d-%02d-%02d ", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
                day = d;
            }
            out.append(dayText);
        }
        two(out, secOfDay / 3600).append(':');
        two(out, secOfDay / 60 % 60).append(':');
        pad(two(out, secOfDay % 60).append('.'), frac, nano ? 9 : 6).append(' ');
    }

    /** Caches the zone's offset at {@code sec} and the span of stamps it holds for. */
    private void lookUpOffset(long sec) {
        Instant at = Instant.ofEpochSecond(sec);
        LocalDateTime.ofInstant(at, rules.getOffset(at)); // fails as the java.time conversion does
        offset = rules.getOffset(at).getTotalSeconds();
        if (rules.isFixedOffset()) {
            validFrom = Long.MIN_VALUE;
            validTo = Long.MAX_VALUE;
            return;
        }
        try {
            ZoneOffsetTransition next = rules.nextTransition(at);
            ZoneOffsetTransition prev = rules.previousTransition(at.plusSeconds(1));
            validFrom = prev == null ? Long.MIN_VALUE : Math.min(prev.toEpochSecond(), sec);
            validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        } catch (RuntimeException e) { // at the ends of java.time's range: cache this second only
            validTo = sec;
        }
        if (validTo <= sec) { // never cache a span not holding sec
            validFrom = sec;
            validTo = sec + 1;
        }
    }

    private static void delta(StringBuilder out, long sec, long nanos, long baseSec, long baseNano, boolean nano) {
        long unit = nano ? 1_000_000_000L : 1_000_000L;
        long div = nano ? 1 : 1000;
        long d = (sec - baseSec) * unit + (nanos / div - baseNano / div);
        out.append(d < 0 ? '-' : ' ');
        d = Math.abs(d);
        long s = d / unit;
        long frac = d % unit;
        two(out, s / 3600).append(':');
        two(out, s / 60 % 60).append(':');
        pad(two(out, s % 60).append('.'), frac, nano ? 9 : 6).append(' ');
    }

    private static StringBuilder two(StringBuilder out, long v) {
        return pad(out, v, 2);
    }

    /** Appends {@code v} as {@code %0<width>d} does. */
    static StringBuilder pad(StringBuilder out, long v, int width) {
        if (v < 0) return out.append(String.format("%0" + width + "d", v));
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) digits++;
        for (int i = digits; i < width; i++) out.append('0');
        return out.append(v);
    }
}
