package io.jdump.bpf;

/**
 * Per-packet metadata answered to Linux ancillary loads ({@link Extension}) and to loads at the
 * {@link Extension#NET_OFF} / {@link Extension#LL_OFF} bases. Live capture fills it from the
 * socket; a capture file has none ({@link #NONE}).
 *
 * <p>With {@link #NONE} every ancillary load behaves as in libpcap's userland {@code bpf_filter}
 * on Linux (checked against libpcap.so for every {@link Extension} and load size): the offset is
 * far past the captured bytes, so the program ends with verdict 0. This includes
 * {@link Extension#ALU_XOR_X}, which with a context computes A ^ X without asking it.
 */
public interface AncillaryData {
    /** No metadata: ancillary loads end the program with 0, as in libpcap's {@code bpf_filter}. */
    AncillaryData NONE = new AncillaryData() {
        @Override public boolean has(Extension e) { return false; }
        @Override public int get(Extension e) { return 0; }
        @Override public int networkOffset() { return -1; }
    };

    /** Whether this context answers loads of {@code e}. */
    boolean has(Extension e);

    /** The value of {@code e} for this packet (unsigned 32-bit); only called when {@link #has} is true. */
    int get(Extension e);

    /** Offset of the network header in the packet for {@code SKF_NET_OFF} loads, or -1 when unknown. */
    int networkOffset();
}
