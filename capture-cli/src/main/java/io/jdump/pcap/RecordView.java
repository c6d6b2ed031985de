package io.jdump.pcap;

/**
 * The packet a reader or a capture source is positioned on: its bytes
 * {@code buffer()[offset(), offset() + caplen())}, its lengths, time stamp and interface. A view
 * is only valid until its owner moves on; copy it ({@link #toFrame()}) to keep it.
 */
public interface RecordView {
    /** The buffer holding the packet's bytes. */
    byte[] buffer();

    /** Where the packet's bytes start in {@link #buffer()}. */
    int offset();

    /** Number of captured bytes. */
    int caplen();

    /** Length of the packet on the wire (unsigned 32-bit). */
    int wirelen();

    /** Time stamp: seconds since the epoch. */
    long seconds();

    /** Time stamp: nanoseconds within the second (a damaged file may give more than 10^9). */
    long nanos();

    /** Link-type number of the packet's interface (a pcap file's, FCS bits included). */
    int recordLinkType();

    /** Snapshot length of the packet's interface. */
    int recordSnaplen();

    /** A copy of the packet as a {@link Frame}. */
    default Frame toFrame() {
        byte[] data = java.util.Arrays.copyOfRange(buffer(), offset(), offset() + caplen());
        return new Frame(LinkTypes.lookup(recordLinkType() & ~LinkTypes.FCS_BITS), seconds(), nanos(), wirelen(), data);
    }
}
