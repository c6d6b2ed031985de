package io.jdump.pcap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pcapng files (<a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html">draft-ietf-opsawg-pcapng</a>):
 * Section Header Blocks in either byte order (each section may have its own), Interface
 * Description Blocks with {@code if_tsresol} and {@code if_tsoffset}, Enhanced, Simple and
 * obsolete Packet Blocks; every other block (name resolution, statistics, custom, unknown) is
 * skipped.
 *
 * <pre>
 *  block:  type (4) | total length (4) | body ... | total length (4)
 *  SHB:    0x0a0d0d0a | len | 0x1a2b3c4d | major (2) minor (2) | section length (8) | options
 *  IDB:    1 | len | link type (2) | reserved (2) | snaplen (4) | options
 *  EPB:    6 | len | interface (4) | ts high (4) | ts low (4) | caplen (4) | wirelen (4) | data | options
 *  SPB:    3 | len | wirelen (4) | data
 * </pre>
 *
 * <p>Unlike libpcap 1.10, interfaces may differ in link type and snapshot length: each record
 * reports its interface's ({@link #recordLinkType()}, {@link #recordSnaplen()}). The file-level
 * {@link #rawLinkType()} and {@link #snaplen()} are the first interface's. Error messages are
 * libpcap's.
 */
public final class PcapNgReader implements CaptureReader {
    static final int BOM = 0x1a2b3c4d;
    static final int IDB = 1;
    static final int PB = 2;
    static final int SPB = 3;
    static final int EPB = 6;
    private static final int SHB_MIN = 28;
    private static final int SHB_INSANE_MAX = 1024 * 1024;
    private static final int MAX_BLOCK = 16 * 1024 * 1024;

    /** One Interface Description Block of the current section. */
    record Interface(int linkType, int snaplen, TimeResolution resolution, long offsetSeconds) {}

    private final Input in;
    private final List<Interface> interfaces = new ArrayList<>();
    private boolean bigEndian;
    private Interface first;
    private int maxBlock = MAX_BLOCK;

    private int offset;
    private int caplen;
    private int wirelen;
    private long seconds;
    private long nanos;
    private Interface current;
    private int blockType;

    private PcapNgReader(Input in, boolean bigEndian) {
        this.in = in;
        this.bigEndian = bigEndian;
    }

    /** Reads the first Section Header Block and the blocks up to the first Interface Description Block. */
    static PcapNgReader open(Input in) throws IOException {
        if (in.ensure(12) < 12) throw new IOException("unknown file format");
        byte[] b = in.buffer();
        int p = in.pos();
        boolean be;
        if (Input.getInt(b, p + 8, true) == BOM) be = true;
        else if (Input.getInt(b, p + 8, false) == BOM) be = false;
        else throw new IOException("unknown file format");
        int total = Input.getInt(b, p + 4, be);
        if (Integer.compareUnsigned(total, SHB_MIN) < 0 || Integer.compareUnsigned(total, SHB_INSANE_MAX) > 0) {
            throw new IOException("Section Header Block in pcapng dump file has invalid length " + SHB_MIN + " < _"
                    + Integer.toUnsignedString(total) + "_ < " + SHB_INSANE_MAX + " (BT_SHB_INSANE_MAX)");
        }
        int got = in.ensure(total);
        if (got < total) throw truncated(total - 12, got - 12);
        b = in.buffer();
        p = in.pos();
        int major = Input.getShort(b, p + 12, be);
        int minor = Input.getShort(b, p + 14, be);
        if (major != 1 || (minor != 0 && minor != 2)) {
            throw new IOException("unsupported pcapng savefile version " + major + "." + minor);
        }
        in.skip(total);
        PcapNgReader r = new PcapNgReader(in, be);
        r.readToFirstInterface();
        return r;
    }

    private void readToFirstInterface() throws IOException {
        while (first == null) {
            if (!nextBlock()) throw new IOException("the capture file has no Interface Description Blocks");
        }
    }

    @Override public int rawLinkType() { return first.linkType(); }
    @Override public int snaplen() { return first.snaplen(); }
    @Override public byte[] buffer() { return in.buffer(); }
    @Override public int offset() { return offset; }
    @Override public int caplen() { return caplen; }
    @Override public int wirelen() { return wirelen; }
    @Override public long seconds() { return seconds; }
    @Override public long nanos() { return nanos; }
    @Override public int recordLinkType() { return current.linkType(); }
    @Override public int recordSnaplen() { return current.snaplen(); }

    /** The interfaces of the current section, in order of their Interface Description Blocks. */
    public List<Interface> interfaces() { return List.copyOf(interfaces); }

    @Override
    public boolean advance() throws IOException {
        while (nextBlock()) {
            if (blockType == EPB || blockType == SPB || blockType == PB) return true;
        }
        return false;
    }

    /**
     * Reads one whole block and handles it, leaving its type in {@link #blockType}; false at the
     * end of the file. The window is left after the block.
     */
    private boolean nextBlock() throws IOException {
        int got = in.ensure(8);
        if (got == 0) return false;
        if (got < 8) throw truncated(8, got);
        byte[] b = in.buffer();
        int p = in.pos();
        int type = Input.getInt(b, p, bigEndian);
        if (type == PCAPNG_MAGIC && in.ensure(12) == 12) switchOrder(in.buffer(), in.pos());
        int total = checkLength(type, Input.getInt(in.buffer(), in.pos() + 4, bigEndian));
        got = in.ensure(total);
        if (got < total) throw truncated(total - 8, got - 8);
        b = in.buffer();
        p = in.pos();
        int trailer = Input.getInt(b, p + total - 4, bigEndian);
        if (trailer != total) {
            throw new IOException("block total length in header " + Integer.toUnsignedString(total) + " and trailer "
                    + Integer.toUnsignedString(trailer) + " don't match");
        }
        int body = p + 8;
        int bodyLen = total - 12;
        in.skip(total);
        switch (type) {
            case PCAPNG_MAGIC -> section(b, body, bodyLen);
            case IDB -> interfaceBlock(b, body, bodyLen);
            case EPB -> enhancedPacket(b, body, bodyLen, type);
            case PB -> packet(b, body, bodyLen);
            case SPB -> simplePacket(b, body, bodyLen);
            default -> { }
        }
        blockType = type;
        return true;
    }

    /** A later Section Header Block may use the other byte order; its byte-order magic says which. */
    private void switchOrder(byte[] b, int p) {
        if (Input.getInt(b, p + 8, !bigEndian) == BOM) bigEndian = !bigEndian;
    }

    private int checkLength(int type, int total) throws IOException {
        String len = Integer.toUnsignedString(total);
        if (Integer.compareUnsigned(total, 12) < 0) {
            throw new IOException("block in pcapng dump file has a length of " + len + " < 12");
        }
        if (total % 4 != 0) {
            throw new IOException("block in pcapng dump file has a length of " + len + " that is not a multiple of 4");
        }
        if (Integer.compareUnsigned(total, maxBlock) > 0) {
            throw new IOException("pcapng block size " + len + " > maximum " + maxBlock);
        }
        return total;
    }

    private void section(byte[] b, int body, int len) throws IOException {
        if (len < SHB_MIN - 12) throw tooShort(PCAPNG_MAGIC);
        if (Input.getInt(b, body, bigEndian) != BOM) {
            throw new IOException("the file has a section with a bad byte order magic field");
        }
        int major = Input.getShort(b, body + 4, bigEndian);
        if (major != 1) throw new IOException("unknown pcapng savefile major version number " + major);
        interfaces.clear();
    }

    private void interfaceBlock(byte[] b, int body, int len) throws IOException {
        if (len < 8) throw tooShort(IDB);
        int linkType = Input.getShort(b, body, bigEndian);
        int snaplen = Input.getInt(b, body + 4, bigEndian);
        if (snaplen <= 0) snaplen = LinkTypes.maxSnaplen(linkType);
        TimeResolution res = TimeResolution.MICROS;
        long offsetSeconds = 0;
        int o = body + 8;
        int end = body + len;
        while (o + 4 <= end) {
            int code = Input.getShort(b, o, bigEndian);
            int optLen = Input.getShort(b, o + 2, bigEndian);
            if (code == 0) break;
            if (o + 4 + optLen > end) throw tooShort(IDB);
            if (code == 9 && optLen >= 1) res = resolution(b[o + 4] & 0xff);
            if (code == 14 && optLen >= 8) offsetSeconds = Input.getLong(b, o + 4, bigEndian);
            o += 4 + ((optLen + 3) & ~3);
        }
        Interface i = new Interface(linkType, snaplen, res, offsetSeconds);
        interfaces.add(i);
        if (first == null) first = i;
        maxBlock = Math.max(maxBlock, snaplen > MAX_BLOCK - 1024 ? snaplen + 1024 : 0);
    }

    private static TimeResolution resolution(int option) throws IOException {
        TimeResolution r = TimeResolution.of(option);
        if (r == null) {
            throw new IOException("Interface Description Block if_tsresol option resolution "
                    + ((option & 0x80) != 0 ? "2^-" : "10^-") + (option & 0x7f) + " is too high");
        }
        return r;
    }

    private void enhancedPacket(byte[] b, int body, int len, int type) throws IOException {
        if (len < 20) throw tooShort(type);
        int iface = Input.getInt(b, body, bigEndian);
        long units = ((long) Input.getInt(b, body + 4, bigEndian) << 32) | (Input.getInt(b, body + 8, bigEndian) & 0xffffffffL);
        int cap = Input.getInt(b, body + 12, bigEndian);
        record(iface, units, cap, Input.getInt(b, body + 16, bigEndian), b, body + 20, len - 20, type);
    }

    private void packet(byte[] b, int body, int len) throws IOException {
        if (len < 20) throw tooShort(PB);
        int iface = Input.getShort(b, body, bigEndian);
        long units = ((long) Input.getInt(b, body + 4, bigEndian) << 32) | (Input.getInt(b, body + 8, bigEndian) & 0xffffffffL);
        int cap = Input.getInt(b, body + 12, bigEndian);
        record(iface, units, cap, Input.getInt(b, body + 16, bigEndian), b, body + 20, len - 20, PB);
    }

    private void simplePacket(byte[] b, int body, int len) throws IOException {
        if (len < 4) throw tooShort(SPB);
        Interface i = iface(0);
        int wire = Input.getInt(b, body, bigEndian);
        int cap = Integer.compareUnsigned(wire, i.snaplen()) > 0 ? i.snaplen() : wire;
        if (Integer.compareUnsigned(cap, len - 4) > 0) throw tooShort(SPB);
        current = i;
        seconds = 0;
        nanos = 0;
        wirelen = wire;
        caplen = cap;
        offset = body + 4;
    }

    private void record(int ifaceId, long units, int cap, int wire, byte[] b, int data, int room, int type) throws IOException {
        Interface i = iface(ifaceId);
        if (Integer.compareUnsigned(cap, i.snaplen()) > 0) {
            throw new IOException("invalid packet capture length " + Integer.toUnsignedString(cap)
                    + ", bigger than snaplen of " + Integer.toUnsignedString(i.snaplen()));
        }
        if (Integer.compareUnsigned(cap, room) > 0) throw tooShort(type);
        current = i;
        seconds = i.resolution().seconds(units) + i.offsetSeconds();
        nanos = i.resolution().nanos(units);
        caplen = cap;
        wirelen = wire;
        offset = data;
    }

    private Interface iface(int id) throws IOException {
        if (first == null) throw new IOException("the capture file has a packet block before any Interface Description Blocks");
        if (id < 0 || id >= interfaces.size()) {
            throw new IOException("a packet arrived on interface " + Integer.toUnsignedString(id)
                    + ", but there's no Interface Description Block for that interface");
        }
        return interfaces.get(id);
    }

    private static IOException tooShort(int type) {
        return new IOException("block of type " + Integer.toUnsignedString(type) + " in pcapng dump file is too short");
    }

    private static IOException truncated(int wanted, int got) {
        return new IOException("truncated pcapng dump file; tried to read " + Integer.toUnsignedString(wanted) + " bytes, only got " + got);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
