package io.jdump.bpf;

/**
 * A compiled filter: the {@link Interpreter} or a JIT-compiled class. Implementations are
 * immutable and safe to share between threads.
 */
@FunctionalInterface
public interface PacketFilter {
    /**
     * Runs the program on the captured bytes {@code buf[off, off + caplen)} of a packet that was
     * {@code wirelen} bytes long on the wire.
     *
     * @return the verdict, an unsigned 32-bit value: the number of bytes to keep, 0 to drop.
     *         Callers clamp it to caplen. Packet-dependent failures (a load past caplen, division
     *         by X = 0) end the program with 0; nothing is thrown for them.
     */
    int apply(byte[] buf, int off, int caplen, int wirelen, AncillaryData aux);

    /** Runs the program on {@code pkt[0, caplen)} with no ancillary data (a capture file). */
    default int apply(byte[] pkt, int caplen, int wirelen) {
        return apply(pkt, 0, caplen, wirelen, AncillaryData.NONE);
    }
}
