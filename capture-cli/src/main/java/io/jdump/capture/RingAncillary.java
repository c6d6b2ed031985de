package io.jdump.capture;

import io.jdump.bpf.AncillaryData;
import io.jdump.bpf.Extension;
import io.jdump.capture.linux.RxPacket;

/**
 * The Linux ancillary values ({@code SKF_AD_*}) of one received packet, taken from the ring's
 * metadata, so that a filter run in the JVM reads what the kernel's filter would have read:
 * {@code vlan_tci} is the stripped tag's TCI, {@code vlanp} whether there was one, {@code proto}
 * the protocol in host order, and so on. Values the ring does not report (mark, queue, cpu,
 * netlink attributes, random, payload offset) are not answered, so a load of them ends the
 * program with 0.
 *
 * @param netOffset where the network header starts in the frame the filter runs on, or -1
 */
record RingAncillary(RxPacket packet, int netOffset) implements AncillaryData {
    /** The metadata of {@code p} for a filter running on a frame whose network header is at {@code netOffset}. */
    static RingAncillary of(RxPacket p, int netOffset) {
        return new RingAncillary(p, netOffset);
    }

    @Override
    public boolean has(Extension e) {
        return switch (e) {
            case PROTOCOL, PKTTYPE, IFINDEX, HATYPE, RXHASH, VLAN_TAG, VLAN_TAG_PRESENT, VLAN_TPID -> true;
            case NLATTR, NLATTR_NEST, MARK, QUEUE, CPU, PAY_OFFSET, RANDOM, ALU_XOR_X -> false;   // xor_x: computed by the interpreter
        };
    }

    @Override
    public int get(Extension e) {
        return switch (e) {
            case PROTOCOL -> packet.protocol();
            case PKTTYPE -> packet.pkttype();
            case IFINDEX -> packet.ifindex();
            case HATYPE -> packet.hatype();
            case RXHASH -> packet.rxhash();
            case VLAN_TAG -> packet.vlanValid() ? packet.vlanTci() : 0;
            case VLAN_TAG_PRESENT -> packet.vlanValid() ? 1 : 0;
            case VLAN_TPID -> packet.vlanValid() ? tpid() : 0;
            case NLATTR, NLATTR_NEST, MARK, QUEUE, CPU, PAY_OFFSET, RANDOM, ALU_XOR_X -> 0;
        };
    }

    private int tpid() {
        return packet.vlanTpidValid() && packet.vlanTpid() != 0 ? packet.vlanTpid() : FrameAssembler.ETH_P_8021Q;
    }

    @Override
    public int networkOffset() {
        return netOffset;
    }
}
