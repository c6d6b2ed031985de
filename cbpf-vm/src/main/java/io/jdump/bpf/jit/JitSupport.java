package io.jdump.bpf.jit;

import io.jdump.bpf.AncillaryData;
import io.jdump.bpf.Interpreter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Static helpers that compiled filters call. They are small so that HotSpot inlines them; the
 * generated classes are defined in this package, so package-private access is enough.
 */
final class JitSupport {
    private static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private JitSupport() {}

    /** The big-endian unsigned 16-bit value at {@code buf[p]}. */
    static int u16(byte[] buf, int p) {
        return (short) U16.get(buf, p) & 0xffff;
    }

    /** The big-endian 32-bit value at {@code buf[p]}. */
    static int u32(byte[] buf, int p) {
        return (int) U32.get(buf, p);
    }

    /** {@code a << n} with n unsigned: 0 when n is 32 or more. */
    static int lsh(int a, int n) {
        return (n & ~31) == 0 ? a << n : 0;
    }

    /** {@code a >>> n} with n unsigned: 0 when n is 32 or more. */
    static int rsh(int a, int n) {
        return (n & ~31) == 0 ? a >>> n : 0;
    }

    /**
     * An absolute load at {@code k >= SKF_LL_OFF} (unsigned): ancillary data, or the network or
     * link-layer header base. Without ancillary data such an offset is past any capture, as in
     * libpcap's {@code bpf_filter}. Returns the unsigned value, or -1 to end the program with 0.
     */
    static long loadSpecial(byte[] buf, int off, int caplen, int size, int k, AncillaryData aux) {
        return aux == AncillaryData.NONE ? -1 : Interpreter.loadSpecial(buf, off, caplen, size, k, aux);
    }
}
