package io.jdump.capture.linux;

/**
 * One packet taken from an {@link AfPacketSocket}, with the metadata the kernel gave with it.
 *
 * @param seconds   time stamp, seconds since the epoch (from the ring: {@code tp_sec})
 * @param nanos     nanoseconds within the second ({@code tp_nsec})
 * @param wirelen   the packet's length as the kernel saw it, without a stripped VLAN tag
 * @param data      the captured bytes, as the kernel delivered them (a stripped VLAN tag is not
 *                  in them; see {@link #vlanValid})
 * @param status    {@code tp_status} bits (e.g. {@link #VLAN_VALID}); from {@code PACKET_AUXDATA} without a ring
 * @param vlanTci   the stripped tag's TCI (PCP, DEI, VID), valid when {@link #vlanValid}
 * @param vlanTpid  the stripped tag's TPID when {@link #vlanTpidValid}, else 0
 * @param rxhash    the receive hash ({@code tp_rxhash}), 0 when unknown
 * @param ifindex   interface index the packet was seen on ({@code sll_ifindex})
 * @param protocol  link-level protocol, host order ({@code ntohs(sll_protocol)})
 * @param hatype    ARPHRD type of the interface ({@code sll_hatype})
 * @param pkttype   {@code sll_pkttype}: {@link #HOST} ... {@link #OUTGOING}
 * @param netOffset offset of the network header in {@code data} ({@code tp_net - tp_mac}), -1 if unknown
 * @param address   the link-layer source address ({@code sll_addr[0, sll_halen)})
 */
public record RxPacket(long seconds, int nanos, int wirelen, byte[] data, int status, int vlanTci, int vlanTpid,
                       int rxhash, int ifindex, int protocol, int hatype, int pkttype, int netOffset, byte[] address) {
    /** {@code TP_STATUS_VLAN_VALID}: the kernel stripped a VLAN tag, its TCI is in {@link #vlanTci}. */
    public static final int VLAN_VALID = 1 << 4;
    /** {@code TP_STATUS_VLAN_TPID_VALID}: {@link #vlanTpid} holds the stripped tag's TPID. */
    public static final int VLAN_TPID_VALID = 1 << 6;
    /** {@code PACKET_HOST}: addressed to this host. */
    public static final int HOST = 0;
    /** {@code PACKET_BROADCAST}. */
    public static final int BROADCAST = 1;
    /** {@code PACKET_MULTICAST}. */
    public static final int MULTICAST = 2;
    /** {@code PACKET_OTHERHOST}: seen only because the interface is promiscuous. */
    public static final int OTHERHOST = 3;
    /** {@code PACKET_OUTGOING}: sent by this host. */
    public static final int OUTGOING = 4;

    /** Whether the kernel stripped a VLAN tag from this packet. */
    public boolean vlanValid() {
        return (status & VLAN_VALID) != 0;
    }

    /** Whether {@link #vlanTpid} is meaningful. */
    public boolean vlanTpidValid() {
        return (status & VLAN_TPID_VALID) != 0;
    }

    /** Whether the packet was sent by this host. */
    public boolean outgoing() {
        return pkttype == OUTGOING;
    }
}
