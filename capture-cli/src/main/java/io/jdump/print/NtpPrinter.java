package io.jdump.print;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * NTP (RFC 5905): version and mode; with {@code -v} the time message fields or the control
 * message header (RFC 1305 appendix B).
 *
 * <pre>
 * |LI|VN |Mode| stratum | poll | precision | root delay | root dispersion | reference id |
 * | reference ts 8 | originate ts 8 | receive ts 8 | transmit ts 8 | [key id, MAC] |
 * </pre>
 */
final class NtpPrinter {
    private NtpPrinter() {}

    private static final String[] MODES = {"unspecified", "symmetric active", "symmetric passive", "Client", "Server",
        "Broadcast", "Control Message", "Reserved"};
    private static final String[] LEAP = {"", "+1s", "-1s", "clock unsynchronized"};
    private static final long NTP_TO_UNIX = 2208988800L;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    static void print(Ctx c, int off, int len) {
        c.proto = "ntp";
        int b = c.cur.u8(off);
        int mode = b & 7;
        c.p("NTPv").p((b >> 3) & 7).p(", ").p(MODES[mode]).p(", length ").p(len);
        if (c.v() == 0) return;
        c.p("\n\tLeap indicator: ").p(LEAP[b >> 6]).p(" (").p(b & 0xc0).p(")");
        if (mode == 6) control(c, off, len);
        else if (mode != 7) time(c, off, len);
    }

    private static void control(Ctx c, int off, int len) {
        if (len < 12) {
            c.p(" (invalid)");
            return;
        }
        int b1 = c.cur.u8(off + 1);
        c.p((b1 & 0x80) != 0 ? ", Response" : ", Request").p((b1 & 0x40) != 0 ? ", Error" : ", OK");
        c.p((b1 & 0x20) != 0 ? ", More" : ", Last").p(", OpCode=").p(b1 & 0x1f);
        int count = c.cur.u16(off + 10);
        c.p("\n\tSequence=").p(c.cur.u16(off + 2)).f(", Status=0x%04x", c.cur.u16(off + 4));
        c.p(", Assoc.=").p(c.cur.u16(off + 6)).p(", Offset=").p(c.cur.u16(off + 8)).p(", Count=").p(count);
        if (12 + count > len) c.p(" (invalid)");
    }

    private static void time(Ctx c, int off, int len) {
        if (len < 48) {
            c.p(" (invalid)");
            return;
        }
        int stratum = c.cur.u8(off + 1);
        int poll = (byte) c.cur.u8(off + 2);
        int precision = (byte) c.cur.u8(off + 3);
        c.p(", Stratum ").p(stratum).p(" (").p(stratumName(stratum)).p("), poll ").p(poll);
        if (poll > -32 && poll < 32) c.p(poll >= 0 ? " (" + (1L << poll) + "s)" : " (1/" + (1L << -poll) + "s)");
        c.p(", precision ").p(precision);
        c.p("\n\tRoot Delay: ").p(fixed(c.cur.u32(off + 4))).p(", Root dispersion: ").p(fixed(c.cur.u32(off + 8)));
        c.p(", Reference-ID: ").p(referenceId(c, stratum, off + 12));
        c.p("\n\t  Reference Timestamp:  ").p(timestamp(c, off + 16));
        c.p("\n\t  Originator Timestamp: ").p(timestamp(c, off + 24));
        c.p("\n\t  Receive Timestamp:    ").p(timestamp(c, off + 32));
        c.p("\n\t  Transmit Timestamp:   ").p(timestamp(c, off + 40));
        c.p("\n\t    Originator - Receive Timestamp:  ").p(delta(c, off + 24, off + 32));
        c.p("\n\t    Originator - Transmit Timestamp: ").p(delta(c, off + 24, off + 40));
        if (len == 68 || len == 72) {
            c.p("\n\tKey id: ").p(c.cur.u32(off + 48)).p("\n\tAuthentication: ");
            for (int i = 52; i < len; i += 4) c.f("%08x", c.cur.u32(off + i));
        } else if (len > 48) {
            c.p("\n\t(").p(len - 48).p(" more bytes after the header)");
        }
    }

    private static String stratumName(int s) {
        if (s == 0) return "unspecified";
        if (s == 1) return "primary reference";
        if (s <= 15) return "secondary reference";
        return "reserved";
    }

    private static String referenceId(Ctx c, int stratum, int off) {
        if (stratum == 0) return "(unspec)";
        if (stratum == 1) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                int ch = c.cur.u8(off + i);
                if (ch == 0) break;
                Escape.append(sb, ch);
            }
            return sb.toString();
        }
        return String.format("0x%08x", c.cur.u32(off));
    }

    /** A 16.16 fixed-point value as tcpdump's {@code p_sfix}. */
    private static String fixed(long v) {
        long i = v >>> 16;
        long f = ((v & 0xffff) * 1000000L) >>> 16;
        return String.format("%d.%06d", i, f);
    }

    private static String timestamp(Ctx c, int off) {
        long sec = c.cur.u32(off);
        long frac = c.cur.u32(off + 4);
        String s = String.format("%d.%09d", sec, nanos(frac));
        if (sec == 0 && frac == 0) return s;
        return s + " (" + DATE.format(Instant.ofEpochSecond(sec - NTP_TO_UNIX)) + ")";
    }

    private static long nanos(long frac) {
        return (long) (frac / 4294967296.0 * 1000000000.0);
    }

    private static String delta(Ctx c, int origin, int other) {
        long ou = c.cur.u32(origin), ouf = c.cur.u32(origin + 4);
        long u = c.cur.u32(other), uf = c.cur.u32(other + 4);
        long i = u - ou;
        long f;
        boolean negative;
        if (i > 0) {
            negative = false;
            f = (uf - ouf) & 0xffffffffL;
            if (ouf > uf) i -= 1;
        } else if (i < 0) {
            negative = true;
            f = (ouf - uf) & 0xffffffffL;
            if (uf > ouf) i += 1;
            i = -i;
        } else {
            negative = uf <= ouf;
            f = negative ? ouf - uf : uf - ouf;
        }
        return (negative ? "-" : "+") + String.format("%d.%09d", i, nanos(f));
    }
}
