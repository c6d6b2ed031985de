package io.jdump.print;

/**
 * Bounded big-endian reads over a frame's captured bytes. Offsets are absolute within the frame;
 * {@link #end()} is the first byte that may not be read (tcpdump's {@code ndo_snapend}), which
 * a protocol may lower to its own length with {@link #narrow}. Every read past it throws
 * {@link Truncated}.
 */
final class Cursor {
    private final byte[] data;
    private int end;

    Cursor(byte[] data) {
        this.data = data;
        this.end = data.length;
    }

    int end() { return end; }

    byte[] data() { return data; }

    /** Lowers the end to {@code newEnd} if that is smaller; returns the previous end for {@link #restore}. */
    int narrow(int newEnd) {
        int old = end;
        if (newEnd >= 0 && newEnd < end) end = newEnd;
        return old;
    }

    void restore(int oldEnd) { end = oldEnd; }

    /** Bytes available from {@code off} to the end, never negative. */
    int avail(int off) { return Math.max(0, end - off); }

    boolean has(int off, int len) { return off >= 0 && len >= 0 && (long) off + len <= end; }

    void check(int off, int len) {
        if (!has(off, len)) throw Truncated.INSTANCE;
    }

    int u8(int off) {
        check(off, 1);
        return data[off] & 0xff;
    }

    int u16(int off) {
        check(off, 2);
        return (data[off] & 0xff) << 8 | data[off + 1] & 0xff;
    }

    int u16le(int off) {
        check(off, 2);
        return (data[off + 1] & 0xff) << 8 | data[off] & 0xff;
    }

    int u24(int off) {
        check(off, 3);
        return (data[off] & 0xff) << 16 | (data[off + 1] & 0xff) << 8 | data[off + 2] & 0xff;
    }

    /** Unsigned 32-bit value in a long. */
    long u32(int off) {
        check(off, 4);
        return ((long) (data[off] & 0xff) << 24) | (data[off + 1] & 0xff) << 16 | (data[off + 2] & 0xff) << 8
                | data[off + 3] & 0xff;
    }

    long u32le(int off) {
        check(off, 4);
        return ((long) (data[off + 3] & 0xff) << 24) | (data[off + 2] & 0xff) << 16 | (data[off + 1] & 0xff) << 8
                | data[off] & 0xff;
    }

    long u64(int off) {
        return u32(off) << 32 | u32(off + 4);
    }
}
