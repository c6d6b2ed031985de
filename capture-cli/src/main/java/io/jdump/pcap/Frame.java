package io.jdump.pcap;

import io.jdump.filter.LinkType;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One captured packet: its link type (null when unnamed), time stamp (seconds and nanoseconds
 * since the epoch), the length it had on the wire and the captured bytes; {@code data.length == caplen}.
 * {@code nanos} is a long because a damaged file's fraction is kept as is: a microsecond file's
 * unsigned 32-bit fraction times 1000 can exceed an int (tcpdump prints such a fraction raw).
 * Equality and {@code toString} look at the bytes, not at the array's identity.
 */
public record Frame(LinkType linkType, long seconds, long nanos, int wirelen, byte[] data) {
    /** Number of bytes captured. */
    public int caplen() { return data.length; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && linkType == f.linkType && seconds == f.seconds && nanos == f.nanos
                && wirelen == f.wirelen && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(linkType, seconds, nanos, wirelen, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Frame[" + linkType + " " + seconds + "." + String.format("%09d", nanos) + " wirelen=" + Integer.toUnsignedString(wirelen)
                + " caplen=" + data.length + " " + HexFormat.of().formatHex(data) + "]";
    }
}
