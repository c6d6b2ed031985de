package io.jdump.pcap;

import io.jdump.filter.LinkType;

/**
 * One captured packet: its time stamp (seconds and nanoseconds since the epoch), captured
 * bytes and the length it had on the wire. {@code data.length == caplen}.
 */
public record Frame(LinkType linkType, long seconds, int nanos, int wirelen, byte[] data) {
    /** Number of bytes captured. */
    public int caplen() { return data.length; }
}
