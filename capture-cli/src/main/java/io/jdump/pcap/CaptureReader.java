package io.jdump.pcap;

import io.jdump.filter.LinkType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a capture file, classic pcap or pcapng, one record at a time.
 *
 * <p>Two ways to read: {@link #next()} returns each packet as a {@link Frame} (a copy), while
 * {@link #advance()} moves to the next record and leaves it in place, the reader itself being
 * the {@link RecordView} of it until the next call. The second way
 * allocates nothing per packet and is what the offline filter loop uses.
 *
 * <p>Damage ends reading with an {@link IOException} whose message is libpcap's
 * ({@code truncated dump file; tried to read 16 header bytes, only got 6}); every whole record
 * before it has been returned.
 */
public sealed interface CaptureReader extends RecordView, AutoCloseable permits PcapReader, PcapNgReader {
    /** The pcapng Section Header Block type, which doubles as the file magic. */
    int PCAPNG_MAGIC = 0x0a0d0d0a;

    /**
     * Opens a capture file from its first bytes: pcap in either byte order and precision, or
     * pcapng. A pcapng reader has read up to the first Interface Description Block.
     *
     * @throws IOException with libpcap's message when the file is not a capture file or its
     *         header is damaged ({@code unknown file format}, {@code truncated dump file; ...})
     */
    static CaptureReader open(InputStream stream) throws IOException {
        return open(new Input(stream));
    }

    /**
     * Opens a capture file by name; a regular file is mapped into memory, which reads a large
     * file faster than a stream. Errors as {@link #open(InputStream)}, or the file system's.
     */
    static CaptureReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        Input in;
        try {
            in = new Input(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try {
            return open(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static CaptureReader open(Input in) throws IOException {
        int got = in.ensure(4);
        if (got < 4) throw new IOException("truncated dump file; tried to read 4 file header bytes, only got " + got);
        byte[] b = in.buffer();
        int be = Input.getInt(b, in.pos(), true);
        if (be == PCAPNG_MAGIC) return PcapNgReader.open(in);
        int le = Input.getInt(b, in.pos(), false);
        if (isPcapMagic(be) || isPcapMagic(le)) return PcapReader.open(in);
        throw new IOException("unknown file format");
    }

    private static boolean isPcapMagic(int m) {
        return m == Precision.MICRO.magic() || m == Precision.NANO.magic();
    }

    /** The link type of the file (pcapng: of its first interface), as its header gives it (FCS bits included). */
    int rawLinkType();

    /** The link-type number without the FCS bits (pcapng: of the first interface). */
    default int linkTypeNumber() { return rawLinkType() & ~LinkTypes.FCS_BITS; }

    /** The named link type, or null when {@link LinkTypes} has no name for the number. */
    default LinkType linkType() { return LinkTypes.lookup(linkTypeNumber()); }

    /** The snapshot length (pcapng: of the first interface), with 0 replaced by the link type's maximum as libpcap does. */
    int snaplen();

    /**
     * Moves to the next record. Returns false at the end of the file.
     *
     * @throws IOException on damage, with libpcap's message
     */
    boolean advance() throws IOException;

    /** The next packet as a {@link Frame}, or null at the end of the file. */
    default Frame next() throws IOException {
        return advance() ? toFrame() : null;
    }

    @Override
    void close() throws IOException;
}
