package io.jdump.pcap;

import io.jdump.filter.LinkType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;

/**
 * Reads classic pcap files (both byte orders, microsecond and nanosecond magic).
 * A damaged record ends reading with an {@link IOException} carrying libpcap's message; every
 * whole record before it has been returned.
 */
public final class PcapReader implements AutoCloseable {
    static final int MAGIC_MICRO = 0xa1b2c3d4;
    static final int MAGIC_NANO = 0xa1b23c4d;

    private final InputStream in;
    private final ByteOrder order;
    private final boolean nano;
    private final int snaplen;
    private final int rawLinkType;
    private final LinkType linkType;
    private final byte[] header = new byte[16];

    private PcapReader(InputStream in, ByteOrder order, boolean nano, int snaplen, int rawLinkType) {
        this.in = in;
        this.order = order;
        this.nano = nano;
        this.snaplen = snaplen;
        this.rawLinkType = rawLinkType;
        this.linkType = LinkType.fromLinkType(rawLinkType & 0x03ffffff);
    }

    /** Reads the file header. */
    public static PcapReader open(InputStream in) throws IOException {
        byte[] h = new byte[24];
        int got = in.readNBytes(h, 0, 24);
        if (got < 4) throw new IOException("truncated dump file; tried to read 4 file header bytes, only got " + got);
        int be = getInt(h, 0, ByteOrder.BIG_ENDIAN);
        int le = getInt(h, 0, ByteOrder.LITTLE_ENDIAN);
        ByteOrder order;
        boolean nano;
        if (be == MAGIC_MICRO || be == MAGIC_NANO) {
            order = ByteOrder.BIG_ENDIAN;
            nano = be == MAGIC_NANO;
        } else if (le == MAGIC_MICRO || le == MAGIC_NANO) {
            order = ByteOrder.LITTLE_ENDIAN;
            nano = le == MAGIC_NANO;
        } else {
            throw new IOException("unknown file format");
        }
        if (got < 24) throw new IOException("truncated dump file; tried to read 24 file header bytes, only got " + got);
        return new PcapReader(in, order, nano, getInt(h, 16, order), getInt(h, 20, order));
    }

    public ByteOrder byteOrder() { return order; }

    public boolean nanosecond() { return nano; }

    public int snaplen() { return snaplen; }

    /** The link type, or null when the file's link-type number is unknown ({@link #rawLinkType()}). */
    public LinkType linkType() { return linkType; }

    public int rawLinkType() { return rawLinkType; }

    /** The next record, or null at the end of the file. */
    public Frame next() throws IOException {
        int got = in.readNBytes(header, 0, 16);
        if (got == 0) return null;
        if (got < 16) throw new IOException("truncated dump file; tried to read 16 header bytes, only got " + got);
        long sec = getInt(header, 0, order) & 0xffffffffL;
        int frac = getInt(header, 4, order);
        int caplen = getInt(header, 8, order);
        int wirelen = getInt(header, 12, order);
        if (caplen < 0 || caplen > Math.max(snaplen, 262144)) {
            throw new IOException("invalid packet capture length " + Integer.toUnsignedString(caplen)
                    + ", bigger than snaplen of " + Math.max(snaplen, 262144));
        }
        byte[] data = in.readNBytes(caplen);
        if (data.length < caplen) {
            throw new IOException("truncated dump file; tried to read " + caplen + " captured bytes, only got " + data.length);
        }
        return new Frame(linkType, sec, nano ? frac : frac * 1000, wirelen, data);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    static int getInt(byte[] b, int off, ByteOrder order) {
        int v = ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
        return order == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v);
    }

}
