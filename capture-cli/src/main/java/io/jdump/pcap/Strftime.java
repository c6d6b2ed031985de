package io.jdump.pcap;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The part of strftime(3) (C locale) that tcpdump's {@code -G} file names use: {@code %Y %m %d
 * %H %M %S %y %j %a %A %b %B %e %p %s %z %Z %F %T %D %%}. Any other conversion is copied as it
 * is, as glibc does ({@code %Q} stays {@code %Q}), and so is a {@code %} at the end.
 */
public final class Strftime {
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private Strftime() {
    }

    /** {@code format} with each known conversion replaced by {@code time}'s field. */
    public static String format(String format, ZonedDateTime time) {
        StringBuilder sb = new StringBuilder(format.length() + 16);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                sb.append(c);
                continue;
            }
            char conv = format.charAt(++i);
            String field = field(conv, time);
            sb.append(field != null ? field : "%" + conv);
        }
        return sb.toString();
    }

    private static String field(char conv, ZonedDateTime t) {
        return switch (conv) {
            case 'Y' -> Integer.toString(t.getYear());
            case 'm' -> two(t.getMonthValue());
            case 'd' -> two(t.getDayOfMonth());
            case 'e' -> (t.getDayOfMonth() < 10 ? " " : "") + t.getDayOfMonth();
            case 'H' -> two(t.getHour());
            case 'M' -> two(t.getMinute());
            case 'S' -> two(t.getSecond());
            case 'y' -> two(Math.floorMod(t.getYear(), 100));
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
            case 'b' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 's' -> Long.toString(t.toEpochSecond());
            case 'z' -> offset(t.getOffset().getTotalSeconds());
            case 'Z' -> ZONE.format(t);
            case 'F' -> field('Y', t) + "-" + field('m', t) + "-" + field('d', t);
            case 'T' -> field('H', t) + ":" + field('M', t) + ":" + field('S', t);
            case 'D' -> field('m', t) + "/" + field('d', t) + "/" + field('y', t);
            case '%' -> "%";
            default -> null;
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String offset(int seconds) {
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + two(minutes / 60) + two(minutes % 60);
    }
}
