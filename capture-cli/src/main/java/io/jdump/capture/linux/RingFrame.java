package io.jdump.capture.linux;

import java.nio.ByteBuffer;

/**
 * A view of one packet in place in a mapped {@code TPACKET_V3} ring block: the same object is
 * moved from packet to packet while a block is drained, so taking a packet allocates nothing. It
 * is valid only during the call that received it (the block goes back to the kernel after that);
 * {@link #toPacket} copies the packet out when it must outlive the call.
 */
public final class RingFrame {
    private ByteBuffer ring;
    private int at;

    RingFrame() {}

    void moveTo(ByteBuffer ring, int at) {
        this.ring = ring;
        this.at = at;
    }

    /** Seconds since the epoch ({@code tp_sec}, unsigned). */
    public long seconds() { return ring.getInt(at + 4) & 0xffffffffL; }

    /** Nanoseconds within the second ({@code tp_nsec}). */
    public int nanos() { return ring.getInt(at + 8); }

    /** The captured length ({@code tp_snaplen}). */
    public int caplen() { return ring.getInt(at + 12); }

    /** The length as the kernel saw it, without a stripped VLAN tag ({@code tp_len}). */
    public int wirelen() { return ring.getInt(at + 16); }

    /** Whether the kernel stripped a VLAN tag ({@link RxPacket#VLAN_VALID}): the bytes then lack it. */
    public boolean vlanValid() { return (ring.getInt(at + 20) & RxPacket.VLAN_VALID) != 0; }

    /** {@code sll_pkttype}: {@link RxPacket#HOST} ... {@link RxPacket#OUTGOING}. */
    public int pkttype() { return ring.get(at + RxRing.HDR_LEN + 10) & 0xff; }

    /** The buffer the packet's bytes are in (absolute positions; do not change its position or limit). */
    public ByteBuffer buffer() { return ring; }

    /** Where the packet's bytes start in {@link #buffer} ({@code tp_mac}). */
    public int offset() { return at + (ring.getShort(at + 24) & 0xffff); }

    /** The packet and its metadata copied out of the ring. */
    public RxPacket toPacket() { return RxRing.packetAt(ring, at); }
}
