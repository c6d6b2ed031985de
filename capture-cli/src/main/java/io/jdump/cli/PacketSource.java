package io.jdump.cli;

import io.jdump.bpf.AncillaryData;
import io.jdump.pcap.RecordView;

import java.io.IOException;

/**
 * Where the packets come from: a capture file ({@link SavefileSource}) or, later, a live
 * interface. The loop asks for one packet at a time and finds it in {@link #current()}.
 */
interface PacketSource extends AutoCloseable {
    /** What tcpdump prints on standard error before the packets ({@code reading from file ...}), one or more lines. */
    String banner();

    /** The link type of the source (a file's header field, FCS bits included). */
    int linkType();

    /** The snapshot length of the source. */
    int snaplen();

    /**
     * Moves to the next packet; false when there are no more.
     *
     * @throws IOException when the source fails or a file is damaged; the packets before it
     *         have been returned
     */
    boolean next() throws IOException;

    /** The packet {@link #next()} moved to; the same object each time, valid until the next call. */
    RecordView current();

    /** Metadata for the filter's ancillary loads: none for a file. */
    default AncillaryData ancillary() {
        return AncillaryData.NONE;
    }

    @Override
    void close() throws IOException;
}
