package io.jdump.capture;

import io.jdump.capture.linux.RxPacket;

/**
 * Turns what the kernel delivered into the frame as it was on the wire: a VLAN tag the kernel
 * stripped (and reported in the ring's metadata) is put back into Ethernet frames, and packets of a cooked socket
 * ({@code -i any}) get the 20-byte {@code LINUX_SLL2} header built from their metadata.
 *
 * <pre>
 *  LINUX_SLL2 header (big-endian)
 *  0       2       4               8       10  11  12                      20
 *  +-------+-------+---------------+-------+---+---+-----------------------+
 *  | proto | rsvd  | ifindex       |hatype |pkt|len| link-layer address    |
 *  +-------+-------+---------------+-------+---+---+-----------------------+
 *
 *  LINUX_SLL (v1) header, for -y LINUX_SLL
 *  0       2       4       6                               14      16
 *  +-------+-------+-------+-------------------------------+-------+
 *  |pkttype|hatype | len   | link-layer address            | proto |
 *  +-------+-------+-------+-------------------------------+-------+
 * </pre>
 */
final class FrameAssembler {
    static final int SLL_LEN = 16;
    static final int SLL2_LEN = 20;
    static final int ETH_P_8021Q = 0x8100;
    private static final int MAC_ADDRS = 12;

    private FrameAssembler() {}

    /** The packet's bytes with a stripped VLAN tag re-inserted after the MAC addresses. */
    static byte[] wire(RxPacket p) {
        byte[] d = p.data();
        if (!p.vlanValid() || d.length < MAC_ADDRS) return d;
        byte[] out = new byte[d.length + 4];
        System.arraycopy(d, 0, out, 0, MAC_ADDRS);
        putShort(out, MAC_ADDRS, tpid(p));
        putShort(out, MAC_ADDRS + 2, p.vlanTci());
        System.arraycopy(d, MAC_ADDRS, out, MAC_ADDRS + 4, d.length - MAC_ADDRS);
        return out;
    }

    /**
     * The {@code LINUX_SLL2} frame of a cooked packet. As in libpcap, a stripped VLAN tag is not
     * put back here: the header's protocol already names the payload that follows, and the tag
     * stays available to filters as ancillary data ({@code vlan_tci}, {@code vlanp}).
     */
    static byte[] cooked(RxPacket p) {
        byte[] d = p.data();
        byte[] out = new byte[SLL2_LEN + d.length];
        putShort(out, 0, p.protocol());
        putInt(out, 4, p.ifindex());
        putShort(out, 8, p.hatype());
        out[10] = (byte) p.pkttype();
        byte[] addr = p.address();
        out[11] = (byte) addr.length;
        System.arraycopy(addr, 0, out, 12, Math.min(8, addr.length));
        System.arraycopy(d, 0, out, SLL2_LEN, d.length);
        return out;
    }

    /**
     * The {@code LINUX_SLL} (v1) frame of a cooked packet. Unlike v2 (and as libpcap does), a
     * stripped VLAN tag is put back: the header's protocol is the tag's TPID, and the TCI and the
     * payload's own protocol follow the header.
     */
    static byte[] cookedV1(RxPacket p) {
        byte[] d = p.data();
        int tag = p.vlanValid() ? 4 : 0;
        byte[] out = new byte[SLL_LEN + tag + d.length];
        putShort(out, 0, p.pkttype());
        putShort(out, 2, p.hatype());
        byte[] addr = p.address();
        putShort(out, 4, addr.length);
        System.arraycopy(addr, 0, out, 6, Math.min(8, addr.length));
        putShort(out, 14, tag == 0 ? p.protocol() : tpid(p));
        if (tag != 0) {
            putShort(out, SLL_LEN, p.vlanTci());
            putShort(out, SLL_LEN + 2, p.protocol());
        }
        System.arraycopy(d, 0, out, SLL_LEN + tag, d.length);
        return out;
    }

    private static int tpid(RxPacket p) {
        return p.vlanTpidValid() && p.vlanTpid() != 0 ? p.vlanTpid() : ETH_P_8021Q;
    }

    private static void putShort(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static void putInt(byte[] b, int off, int v) {
        putShort(b, off, v >>> 16);
        putShort(b, off + 2, v);
    }
}
