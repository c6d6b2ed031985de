package io.jdump.bpf;

/**
 * Linux ancillary data loads ({@code SKF_AD_*}): an absolute load at {@code SKF_AD_OFF + offset}
 * ({@code SKF_AD_OFF} = -0x1000) reads per-packet metadata instead of packet bytes. Offline there
 * is no socket, so the interpreter answers them from an {@link AncillaryData} context; see its
 * documentation for the values used when a capture file is read.
 *
 * <p>The names are those of libpcap 1.10's {@code bpf_image} listing ({@code ldh [type]},
 * {@code ldb [vlanp]}), checked against libpcap.so for every offset and load size: libpcap names
 * exactly these sixteen offsets (0 to 60 in steps of 4) and prints any other absolute offset as a
 * signed decimal ({@code ld [-4032]}). The Linux checker likewise accepts absolute loads at or above
 * {@link #AD_OFF} only at these offsets, whatever the load size.
 */
public enum Extension {
    /** {@code SKF_AD_PROTOCOL}: the frame's protocol, the ethertype as a number (e.g. 0x0800). */
    PROTOCOL(0, "proto"),
    /** {@code SKF_AD_PKTTYPE}: the packet type (0 host, 1 broadcast, 2 multicast, 3 other host, 4 outgoing). */
    PKTTYPE(4, "type"),
    /** {@code SKF_AD_IFINDEX}: the index of the interface the packet came in on. */
    IFINDEX(8, "ifidx"),
    /** {@code SKF_AD_NLATTR}: offset of the netlink attribute of type X after offset A (netlink sockets). */
    NLATTR(12, "nla"),
    /** {@code SKF_AD_NLATTR_NEST}: as {@link #NLATTR}, inside the nested attribute at A. */
    NLATTR_NEST(16, "nlan"),
    /** {@code SKF_AD_MARK}: the packet's firewall mark. */
    MARK(20, "mark"),
    /** {@code SKF_AD_QUEUE}: the receive queue the packet arrived on. */
    QUEUE(24, "queue"),
    /** {@code SKF_AD_HATYPE}: the interface's ARPHRD_* hardware type. */
    HATYPE(28, "hatype"),
    /** {@code SKF_AD_RXHASH}: the packet's receive hash. */
    RXHASH(32, "rxhash"),
    /** {@code SKF_AD_CPU}: the CPU the filter runs on. */
    CPU(36, "cpu"),
    /** {@code SKF_AD_ALU_XOR_X}: not metadata but an operation, A = A ^ X (the kernel's only "ALU" extension). */
    ALU_XOR_X(40, "xor_x"),
    /** {@code SKF_AD_VLAN_TAG}: the VLAN TCI the driver stripped from the frame. */
    VLAN_TAG(44, "vlan_tci"),
    /** {@code SKF_AD_VLAN_TAG_PRESENT}: 1 when the driver stripped a VLAN tag, else 0. */
    VLAN_TAG_PRESENT(48, "vlanp"),
    /** {@code SKF_AD_PAY_OFFSET}: offset of the transport payload, as the kernel's flow dissector finds it. */
    PAY_OFFSET(52, "poff"),
    /** {@code SKF_AD_RANDOM}: a random 32-bit number. */
    RANDOM(56, "random"),
    /** {@code SKF_AD_VLAN_TPID}: the TPID of the stripped VLAN tag (0x8100, 0x88a8). */
    VLAN_TPID(60, "vlan_tpid");

    /** {@code SKF_AD_OFF}: the base of the ancillary offsets, as an unsigned 32-bit k. */
    public static final int AD_OFF = -0x1000;
    /** {@code SKF_NET_OFF}: loads at {@code SKF_NET_OFF + n} read the network header at n. */
    public static final int NET_OFF = -0x100000;
    /** {@code SKF_LL_OFF}: loads at {@code SKF_LL_OFF + n} read the link-layer header at n. */
    public static final int LL_OFF = -0x200000;

    private final int offset;
    private final String listingName;

    Extension(int offset, String listingName) {
        this.offset = offset;
        this.listingName = listingName;
    }

    /** Offset from {@link #AD_OFF}. */
    public int offset() { return offset; }

    /** The constant {@code k} of the absolute load that reads this value. */
    public int k() { return AD_OFF + offset; }

    /** The name libpcap's listing prints between brackets. */
    public String listingName() { return listingName; }

    /** The extension read by an absolute load at {@code k}, or null when k is not one. */
    public static Extension ofK(int k) {
        for (Extension e : values()) {
            if (e.k() == k) return e;
        }
        return null;
    }
}
