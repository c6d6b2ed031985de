package io.jdump.pcap;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes classic pcap files as libpcap's {@code pcap_dump} does: host byte order, version 2.4,
 * zero time zone and accuracy, the reader's snapshot length and link type (FCS bits kept; DLT
 * numbers written as their LINKTYPE numbers), microsecond magic unless asked for nanoseconds.
 */
public final class PcapWriter implements CaptureWriter {
    private final Output out;
    private final Precision precision;
    private final int linkType;

    /**
     * Writes the file header.
     *
     * @param linkType the file's link-type field (FCS bits allowed)
     * @param snaplen  the file's snapshot length
     */
    public PcapWriter(OutputStream stream, int linkType, int snaplen, Precision precision) throws IOException {
        this.out = new Output(stream);
        this.precision = precision;
        this.linkType = linkType & ~LinkTypes.FCS_BITS;
        out.putInt(precision.magic());
        out.putShort(2);
        out.putShort(4);
        out.putInt(0);
        out.putInt(0);
        out.putInt(snaplen);
        out.putInt(LinkTypes.toFileLinkType(this.linkType) | (linkType & LinkTypes.FCS_BITS));
    }

    /** A writer with the link type and snapshot length of {@code reader}'s file. */
    public static PcapWriter like(CaptureReader reader, OutputStream stream, Precision precision) throws IOException {
        return new PcapWriter(stream, reader.rawLinkType(), reader.snaplen(), precision);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IOException when {@code linkType} is not the file's: a classic pcap file has one link type
     */
    @Override
    public void write(int linkType, int snaplen, long seconds, long nanos, int wirelen, byte[] buf, int off, int caplen)
            throws IOException {
        checkLinkType(linkType);
        header(seconds, nanos, wirelen, caplen);
        out.put(buf, off, caplen);
    }

    /** As the array form, from a buffer (e.g. a mapped capture ring): no copy but into the write buffer. */
    @Override
    public void write(int linkType, int snaplen, long seconds, long nanos, int wirelen, java.nio.ByteBuffer src, int off, int caplen)
            throws IOException {
        checkLinkType(linkType);
        header(seconds, nanos, wirelen, caplen);
        out.put(src, off, caplen);
    }

    private void checkLinkType(int linkType) throws IOException {
        if ((linkType & ~LinkTypes.FCS_BITS) != this.linkType) {
            throw new IOException("an interface has a type " + Integer.toUnsignedString(linkType & ~LinkTypes.FCS_BITS)
                    + " different from the type of the first interface");
        }
    }

    private void header(long seconds, long nanos, int wirelen, int caplen) throws IOException {
        out.putInt((int) seconds);
        out.putInt((int) precision.fromNanos(nanos));
        out.putInt(caplen);
        out.putInt(wirelen);
    }

    @Override
    public long size() {
        return out.position();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
