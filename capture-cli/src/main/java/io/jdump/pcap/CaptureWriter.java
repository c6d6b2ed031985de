package io.jdump.pcap;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes packets to a capture file: classic pcap ({@link PcapWriter}) or pcapng
 * ({@link PcapNgWriter}). Writers buffer; {@link #flush()} pushes what has been written to the
 * stream (tcpdump's {@code -U}), {@link #close()} flushes and closes it.
 */
public sealed interface CaptureWriter extends Closeable, Flushable permits PcapWriter, PcapNgWriter, RotatingWriter {
    /** The number of bytes written so far, including those still buffered. */
    long size();

    /**
     * Writes one record.
     *
     * @param linkType the link-type number of the packet's interface (pcap: must be the file's)
     * @param snaplen  the snapshot length of the packet's interface (used by pcapng for a new interface)
     * @param seconds  seconds since the epoch
     * @param nanos    nanoseconds within the second; truncated to microseconds by a microsecond writer
     * @param wirelen  length on the wire, unsigned
     */
    void write(int linkType, int snaplen, long seconds, long nanos, int wirelen, byte[] buf, int off, int caplen) throws IOException;

    /**
     * Writes one record whose bytes are {@code src[off, off + caplen)} (absolute positions; the
     * buffer's position and limit are neither used nor changed), e.g. straight from a mapped
     * capture ring, so that no per-packet array is needed. The default copies into an array.
     */
    default void write(int linkType, int snaplen, long seconds, long nanos, int wirelen, ByteBuffer src, int off, int caplen)
            throws IOException {
        byte[] copy = new byte[caplen];
        src.get(off, copy);
        write(linkType, snaplen, seconds, nanos, wirelen, copy, 0, caplen);
    }

    /**
     * Whether the writer takes no more packets and the capture should end: tcpdump's {@code -W}
     * file limit with {@code -G} was reached ({@link RotatingWriter#withFileLimit}).
     */
    default boolean exhausted() {
        return false;
    }

    /** Writes the record {@code r} is on, unchanged. */
    default void write(RecordView r) throws IOException {
        write(r.recordLinkType(), r.recordSnaplen(), r.seconds(), r.nanos(), r.wirelen(), r.buffer(), r.offset(), r.caplen());
    }

    /** Writes {@code frame}, using {@code linkType} when the frame's own is unknown. */
    default void write(Frame frame, int linkType, int snaplen) throws IOException {
        int lt = frame.linkType() == null ? linkType : frame.linkType().linkType();
        write(lt, snaplen, frame.seconds(), frame.nanos(), frame.wirelen(), frame.data(), 0, frame.caplen());
    }
}
