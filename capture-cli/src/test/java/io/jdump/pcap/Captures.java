package io.jdump.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Builds capture files byte by byte for tests: classic pcap headers and records, pcapng blocks,
 * in either byte order, including damaged ones.
 */
public final class Captures {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order;

    private Captures(ByteOrder order) {
        this.order = order;
    }

    /** A classic pcap file header. */
    public static Captures pcap(ByteOrder order, Precision precision, int snaplen, int linkType) {
        return pcap(order, precision.magic(), 2, 4, snaplen, linkType);
    }

    /** A classic pcap file header with any magic and version. */
    public static Captures pcap(ByteOrder order, int magic, int major, int minor, int snaplen, int linkType) {
        Captures c = new Captures(order);
        c.out.writeBytes(c.buf(24).putInt(magic).putShort((short) major).putShort((short) minor)
                .putInt(0).putInt(0).putInt(snaplen).putInt(linkType).array());
        return c;
    }

    /** A pcap record with {@code data.length} as caplen. */
    public Captures record(long seconds, long fraction, int wirelen, byte[] data) {
        return record(seconds, fraction, data.length, wirelen, data);
    }

    /** A pcap record with an explicit caplen field. */
    public Captures record(long seconds, long fraction, int caplen, int wirelen, byte[] data) {
        out.writeBytes(buf(16).putInt((int) seconds).putInt((int) fraction).putInt(caplen).putInt(wirelen).array());
        out.writeBytes(data);
        return this;
    }

    /** A pcapng file starting with a Section Header Block (version 1.0). */
    public static Captures pcapng(ByteOrder order) {
        return pcapng(order, 1, 0);
    }

    /** A pcapng file starting with a Section Header Block of any version. */
    public static Captures pcapng(ByteOrder order, int major, int minor) {
        return new Captures(order).section(order, major, minor);
    }

    /** A Section Header Block, switching to {@code newOrder}. */
    public Captures section(ByteOrder newOrder, int major, int minor) {
        order = newOrder;
        return block(0x0a0d0d0a, buf(16).putInt(0x1a2b3c4d).putShort((short) major).putShort((short) minor).putLong(-1).array());
    }

    /** An Interface Description Block; {@code tsresol} &lt; 0 leaves the option out. */
    public Captures idb(int linkType, int snaplen, int tsresol) {
        ByteBuffer b = buf(tsresol < 0 ? 8 : 20).putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        if (tsresol >= 0) b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]).putInt(0);
        return block(1, b.array());
    }

    /** An Enhanced Packet Block with {@code data.length} as caplen and a time stamp in interface units. */
    public Captures epb(int iface, long units, int wirelen, byte[] data) {
        ByteBuffer b = buf(20 + pad(data.length)).putInt(iface).putInt((int) (units >>> 32)).putInt((int) units)
                .putInt(data.length).putInt(wirelen).put(data);
        return block(6, b.array());
    }

    /** A Simple Packet Block. */
    public Captures spb(int wirelen, byte[] data) {
        return block(3, buf(4 + pad(data.length)).putInt(wirelen).put(data).array());
    }

    /** Any block: type, length, body (padded), length. */
    public Captures block(int type, byte[] body) {
        int total = 12 + pad(body.length);
        out.writeBytes(buf(total).putInt(type).putInt(total).put(body).position(total - 4).putInt(total).array());
        return this;
    }

    /** Raw bytes, for damage. */
    public Captures raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** The bytes without the last {@code n}. */
    public byte[] cut(int n) {
        byte[] all = bytes();
        return Arrays.copyOf(all, all.length - n);
    }

    /** {@code n} bytes counting 0, 1, 2... */
    public static byte[] packet(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) p[i] = (byte) i;
        return p;
    }

    private ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(order);
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
