package io.jdump.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;

/**
 * Reads classic pcap files: both byte orders, microsecond and nanosecond magic, any link type
 * and snapshot length.
 *
 * <p>The file header is 24 bytes (magic, version 2.4, two unused words, snaplen, link type);
 * each record is a 16-byte header (seconds, fraction, caplen, wirelen) and caplen bytes. As in
 * libpcap: a snaplen of 0 (or negative) means the link type's maximum; a record longer than the
 * link type's maximum is damage; a record longer than the snaplen but not than the maximum is
 * cut to the snaplen, keeping its wire length.
 *
 * <p>Open errors use the wording of the libpcap in the filter suite (HEAD), e.g.
 * {@code unsupported pcap savefile version 1.4}, {@code savefile linktype reserved field not zero (0x00300000)}.
 */
public final class PcapReader implements CaptureReader {
    static final int FILE_HEADER = 24;
    static final int RECORD_HEADER = 16;

    private final Input in;
    private final boolean bigEndian;
    private final Precision precision;
    private final int snaplen;
    private final int rawLinkType;
    private final int maxCaplen;

    private int offset;
    private int caplen;
    private int wirelen;
    private long seconds;
    private long nanos;

    private PcapReader(Input in, boolean bigEndian, Precision precision, int snaplen, int rawLinkType) {
        this.in = in;
        this.bigEndian = bigEndian;
        this.precision = precision;
        this.rawLinkType = rawLinkType;
        this.maxCaplen = LinkTypes.maxSnaplen(rawLinkType & 0xffff);
        this.snaplen = snaplen <= 0 ? maxCaplen : snaplen;
    }

    /** Opens a classic pcap file; use {@link CaptureReader#open} to accept pcapng too. */
    public static PcapReader open(InputStream stream) throws IOException {
        CaptureReader r = CaptureReader.open(stream);
        if (r instanceof PcapReader p) return p;
        r.close();
        throw new IOException("unknown file format");
    }

    /** Reads the file header; the magic has been checked and is at the window's start. */
    static PcapReader open(Input in) throws IOException {
        int got = in.ensure(FILE_HEADER);
        if (got < FILE_HEADER) {
            throw new IOException("truncated dump file; tried to read " + FILE_HEADER + " file header bytes, only got " + (got - 4));
        }
        byte[] h = in.buffer();
        int p = in.pos();
        int magic = Input.getInt(h, p, true);
        boolean be = magic == Precision.MICRO.magic() || magic == Precision.NANO.magic();
        Precision precision = (be ? magic : Integer.reverseBytes(magic)) == Precision.NANO.magic() ? Precision.NANO : Precision.MICRO;
        int major = Input.getShort(h, p + 4, be);
        int minor = Input.getShort(h, p + 6, be);
        if (major != 2 || minor > 4) throw new IOException("unsupported pcap savefile version " + major + "." + minor);
        int snaplen = Input.getInt(h, p + 16, be);
        int linkType = Input.getInt(h, p + 20, be);
        if ((linkType & LinkTypes.RESERVED_BITS) != 0) {
            throw new IOException(String.format("savefile linktype reserved field not zero (0x%08x)", linkType & LinkTypes.RESERVED_BITS));
        }
        in.skip(FILE_HEADER);
        return new PcapReader(in, be, precision, snaplen, linkType);
    }

    /** The byte order of the file. */
    public ByteOrder byteOrder() { return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN; }

    /** The time-stamp precision of the file's magic. */
    public Precision precision() { return precision; }

    @Override public int rawLinkType() { return rawLinkType; }
    @Override public int snaplen() { return snaplen; }
    @Override public byte[] buffer() { return in.buffer(); }
    @Override public int offset() { return offset; }
    @Override public int caplen() { return caplen; }
    @Override public int wirelen() { return wirelen; }
    @Override public long seconds() { return seconds; }
    @Override public long nanos() { return nanos; }
    @Override public int recordLinkType() { return rawLinkType; }
    @Override public int recordSnaplen() { return snaplen; }

    @Override
    public boolean advance() throws IOException {
        int got = in.ensure(RECORD_HEADER);
        if (got == 0) return false;
        if (got < RECORD_HEADER) {
            throw new IOException("truncated dump file; tried to read " + RECORD_HEADER + " header bytes, only got " + got);
        }
        byte[] b = in.buffer();
        int p = in.pos();
        seconds = Input.getInt(b, p, bigEndian) & 0xffffffffL;
        nanos = precision.toNanos(Input.getInt(b, p + 4, bigEndian) & 0xffffffffL);
        int cap = Input.getInt(b, p + 8, bigEndian);
        wirelen = Input.getInt(b, p + 12, bigEndian);
        checkCaplen(cap);
        in.skip(RECORD_HEADER);
        got = in.ensure(cap);
        if (got < cap) {
            // libpcap reads the first snaplen bytes, then the rest it drops: the message names the read that fell short
            int wanted = got < snaplen ? Math.min(cap, snaplen) : cap;
            throw new IOException("truncated dump file; tried to read " + wanted + " captured bytes, only got " + got);
        }
        offset = in.pos();
        in.skip(cap);
        caplen = Integer.compareUnsigned(cap, snaplen) > 0 ? snaplen : cap;
        return true;
    }

    private void checkCaplen(int cap) throws IOException {
        if (Integer.compareUnsigned(cap, maxCaplen) <= 0) return;
        String limit = Integer.compareUnsigned(snaplen, maxCaplen) > 0
                ? "maximum of " + maxCaplen
                : "snaplen of " + snaplen;
        throw new IOException("invalid packet capture length " + Integer.toUnsignedString(cap) + ", bigger than " + limit);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
