package io.jdump.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A refillable window over a stream, so that readers can look at whole records in place:
 * {@link #ensure} makes {@code n} bytes available from {@link #pos()} in {@link #buffer()},
 * compacting and growing the buffer as needed. Readers never copy packet bytes; the window
 * moves on with {@link #skip}.
 *
 * <p>A regular file is mapped into memory rather than read: the window is filled by copying from
 * the page cache, without a system call or a temporary native buffer per chunk. The file is mapped
 * {@link #MAP_WINDOW} bytes at a time and each part is unmapped once copied, so that the resident
 * size stays flat whatever the file's size (a whole-file mapping counts every page read).
 */
final class Input {
    /** Read size: large enough that a 1 GB file takes a few thousand reads. */
    static final int CHUNK = 1 << 20;

    /** How much of a regular file is mapped at a time. */
    static final long MAP_WINDOW = 1L << 24;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    private final FileChannel file;
    private final long fileSize;
    private MemorySegment mapped;
    private Arena arena;
    private long mappedStart;
    private long mappedPos;
    private byte[] buf = new byte[2 * CHUNK];
    private int pos;
    private int limit;
    private boolean eof;

    Input(InputStream in) {
        this.in = in;
        this.file = null;
        this.fileSize = 0;
    }

    /** A window over a regular file, mapped part by part; closing the input closes the channel. */
    Input(FileChannel file) throws IOException {
        this.in = InputStream.nullInputStream();
        this.file = file;
        this.fileSize = file.size();
    }

    byte[] buffer() { return buf; }

    int pos() { return pos; }

    /**
     * Makes up to {@code n} bytes available at {@link #pos()}; returns how many are, which is
     * less than {@code n} only at the end of the stream.
     */
    int ensure(int n) throws IOException {
        if (limit - pos >= n) return n;
        if (!eof) fill(n);
        return Math.min(n, limit - pos);
    }

    private void fill(int n) throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (n > buf.length) {
            byte[] bigger = new byte[Math.max(n, buf.length * 2)];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        while (limit < n) {
            int got = read(Math.min(buf.length - limit, Math.max(CHUNK, n - limit)));
            if (got < 0) {
                eof = true;
                return;
            }
            limit += got;
        }
    }

    private int read(int len) throws IOException {
        if (file == null) return in.read(buf, limit, len);
        if (mapped == null || mappedPos == mapped.byteSize()) {
            long start = mapped == null ? 0 : mappedStart + mapped.byteSize();
            unmap();
            if (start >= fileSize) return -1;
            arena = Arena.ofConfined();
            mapped = file.map(FileChannel.MapMode.READ_ONLY, start, Math.min(MAP_WINDOW, fileSize - start), arena);
            mappedStart = start;
            mappedPos = 0;
        }
        int n = (int) Math.min(len, mapped.byteSize() - mappedPos);
        MemorySegment.copy(mapped, ValueLayout.JAVA_BYTE, mappedPos, buf, limit, n);
        mappedPos += n;
        return n;
    }

    private void unmap() {
        if (arena != null) arena.close();
        arena = null;
    }

    /** Moves the window {@code n} bytes on; {@code n} must be available. */
    void skip(int n) {
        pos += n;
    }

    void close() throws IOException {
        unmap();
        in.close();
        if (file != null) file.close();
    }

    static int getInt(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? (int) INT_BE.get(b, off) : (int) INT_LE.get(b, off);
    }

    static int getShort(byte[] b, int off, boolean bigEndian) {
        return (bigEndian ? (short) SHORT_BE.get(b, off) : (short) SHORT_LE.get(b, off)) & 0xffff;
    }

    static long getLong(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? (long) LONG_BE.get(b, off) : (long) LONG_LE.get(b, off);
    }

    static void putInt(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) INT_BE.set(b, off, v); else INT_LE.set(b, off, v);
    }

    static void putShort(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) SHORT_BE.set(b, off, (short) v); else SHORT_LE.set(b, off, (short) v);
    }

    static void putLong(byte[] b, int off, long v, boolean bigEndian) {
        if (bigEndian) LONG_BE.set(b, off, v); else LONG_LE.set(b, off, v);
    }
}
