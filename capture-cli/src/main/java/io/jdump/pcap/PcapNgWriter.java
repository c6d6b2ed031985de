package io.jdump.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes pcapng files: one Section Header Block (host byte order, version 1.0, unknown section
 * length), an Interface Description Block for each distinct (link type, snapshot length) the
 * packets come with, in order of first use, with {@code if_tsresol} 10^-6 or 10^-9, and one
 * Enhanced Packet Block per packet.
 */
public final class PcapNgWriter implements CaptureWriter {
    private final Output out;
    private final Precision precision;
    private final List<Key> interfaces = new ArrayList<>();

    /** What makes an interface distinct in the written file. */
    private record Key(int linkType, int snaplen) {}

    /** Writes the Section Header Block. */
    public PcapNgWriter(OutputStream stream, Precision precision) throws IOException {
        this.out = new Output(stream);
        this.precision = precision;
        out.putInt(CaptureReader.PCAPNG_MAGIC);
        out.putInt(28);
        out.putInt(PcapNgReader.BOM);
        out.putShort(1);
        out.putShort(0);
        out.putLong(-1);
        out.putInt(28);
    }

    @Override
    public void write(int linkType, int snaplen, long seconds, long nanos, int wirelen, byte[] buf, int off, int caplen)
            throws IOException {
        int total = header(linkType, snaplen, seconds, nanos, wirelen, caplen);
        out.put(buf, off, caplen);
        out.zeros(total - 32 - caplen);
        out.putInt(total);
    }

    /** As the array form, from a buffer (e.g. a mapped capture ring): no copy but into the write buffer. */
    @Override
    public void write(int linkType, int snaplen, long seconds, long nanos, int wirelen, java.nio.ByteBuffer src, int off, int caplen)
            throws IOException {
        int total = header(linkType, snaplen, seconds, nanos, wirelen, caplen);
        out.put(src, off, caplen);
        out.zeros(total - 32 - caplen);
        out.putInt(total);
    }

    /** Writes the interface block if new and the packet block's fixed part; returns the block's total length. */
    private int header(int linkType, int snaplen, long seconds, long nanos, int wirelen, int caplen) throws IOException {
        int iface = interfaceFor(linkType & 0xffff, snaplen);
        long units = seconds * (precision == Precision.NANO ? 1_000_000_000L : 1_000_000L) + precision.fromNanos(nanos);
        int padded = (caplen + 3) & ~3;
        int total = 32 + padded;
        out.putInt(PcapNgReader.EPB);
        out.putInt(total);
        out.putInt(iface);
        out.putInt((int) (units >>> 32));
        out.putInt((int) units);
        out.putInt(caplen);
        out.putInt(wirelen);
        return total;
    }

    private int interfaceFor(int linkType, int snaplen) throws IOException {
        Key key = new Key(linkType, snaplen);
        int known = interfaces.indexOf(key);
        if (known >= 0) return known;
        interfaces.add(key);
        out.putInt(PcapNgReader.IDB);
        out.putInt(32);
        out.putShort(LinkTypes.toFileLinkType(linkType));
        out.putShort(0);
        out.putInt(snaplen);
        out.putShort(9);                            // if_tsresol
        out.putShort(1);
        out.put(new byte[] {(byte) precision.digits(), 0, 0, 0}, 0, 4);
        out.putShort(0);                            // opt_endofopt
        out.putShort(0);
        out.putInt(32);
        return interfaces.size() - 1;
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
