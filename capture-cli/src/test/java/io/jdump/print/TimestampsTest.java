package io.jdump.print;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cached-offset wall clock of {@link Timestamps} against java.time's conversion, for stamps
 * walking across DST transitions and jumping around, in zones with and without DST; and the
 * fast {@link Fmt} against {@code String.format}. Seeded; {@code -Djdump.fuzz.scale=N} runs longer.
 */
class TimestampsTest {
    private static final int SCALE = Integer.getInteger("jdump.fuzz.scale", 1);

    @ParameterizedTest
    @CsvSource({"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC", "America/St_Johns"})
    void wallClockMatchesJavaTime(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        long seed = zoneName.hashCode();
        SplittableRandom rnd = new SplittableRandom(seed);
        Timestamps ts = new Timestamps(zone);
        PrintOptions opts = PrintOptions.parse("-tttt");
        long sec = 1_700_000_000L;
        for (int i = 0; i < 20_000 * SCALE; i++) {
            sec = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextLong(0, Integer.MAX_VALUE);
                case 1 -> Math.max(0, Math.min(Integer.MAX_VALUE, sec + rnd.nextLong(-4000, 4000)));
                default -> Math.max(0, Math.min(Integer.MAX_VALUE, sec + rnd.nextLong(0, 3 * 86_400)));
            };
            long nanos = rnd.nextLong(0, 1_000_000_000L);
            StringBuilder out = new StringBuilder();
            ts.append(out, opts, sec, nanos);
            LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(sec), zone);
            String want = String.format("%04d-%02d-%02d %02d:%02d:%02d.%06d ", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), nanos / 1000);
            assertEquals(want, out.toString(), "seed " + seed + ", sec " + sec);
        }
    }

    @Test
    void fastFormatMatchesStringFormat() {
        Object[][] cases = {
            {"0x%04x, %d %s", 255, -7, "ab"}, {"%5d  ", 42L}, {"%5d  ", 1234567L}, {"%x %08x", -1, -2},
            {"%x", -1L}, {"%3s %-3s", "a", "b"}, {"%02x%%", 7}, {"%.2f", 1.5}, {"%05d", -3}, {"%4d", -3},
            {"%d", 99_999_999_999L}, {"%s|%s", null, true}, {"%x", (short) -1}, {"a%nb"}, {"%d"}, {"%d %d", 1},
        };
        for (Object[] c : cases) {
            String fmt = (String) c[0];
            Object[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            String want;
            try {
                want = String.format(fmt, args);
            } catch (RuntimeException e) {
                want = e.getClass().getName();
            }
            StringBuilder out = new StringBuilder("x");
            String got;
            try {
                Fmt.append(out, fmt, args);
                got = out.substring(1);
            } catch (RuntimeException e) {
                got = e.getClass().getName();
            }
            assertEquals(want, got, fmt);
        }
    }
}
