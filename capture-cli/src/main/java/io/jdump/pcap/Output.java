package io.jdump.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A write buffer in the host's byte order (libpcap writes files in host order), large enough that
 * writing a 1 GB capture takes a few thousand system calls. The buffer is direct: a
 * {@link FileStream} writes it to its channel in place; any other stream gets it through a copy
 * into a Java array.
 */
final class Output {
    private static final int SIZE = 1 << 20;

    private final OutputStream out;
    private final FileStream file;    // out, when it is one
    private final ByteBuffer buf = ByteBuffer.allocateDirect(SIZE).order(ByteOrder.nativeOrder());
    private byte[] copy;              // for a stream that takes arrays only
    private int len;
    private long drained;

    Output(OutputStream out) {
        this.out = out;
        this.file = out instanceof FileStream f ? f : null;
    }

    /** Makes room for {@code n} more bytes, flushing when needed; returns false when {@code n} exceeds the buffer. */
    private boolean room(int n) throws IOException {
        if (len + n <= SIZE) return true;
        drain();
        return n <= SIZE;
    }

    void putInt(int v) throws IOException {
        room(4);
        buf.putInt(len, v);
        len += 4;
    }

    void putShort(int v) throws IOException {
        room(2);
        buf.putShort(len, (short) v);
        len += 2;
    }

    void putLong(long v) throws IOException {
        room(8);
        buf.putLong(len, v);
        len += 8;
    }

    void put(byte[] b, int off, int n) throws IOException {
        if (room(n)) {
            buf.put(len, b, off, n);
            len += n;
        } else {
            drain();
            out.write(b, off, n);
            drained += n;
        }
    }

    /** Appends {@code src[off, off + n)} (absolute positions; {@code src}'s position is not changed). */
    void put(ByteBuffer src, int off, int n) throws IOException {
        if (room(n)) {
            buf.put(len, src, off, n);
            len += n;
            return;
        }
        for (int done = 0; done < n; ) {   // longer than the buffer: through it in pieces
            int piece = Math.min(SIZE - len, n - done);
            buf.put(len, src, off + done, piece);
            len += piece;
            done += piece;
            if (len == SIZE) drain();
        }
    }

    void zeros(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            room(1);
            buf.put(len++, (byte) 0);
        }
    }

    private void drain() throws IOException {
        if (len > 0 && file != null) {
            file.write(buf.slice(0, len));
        } else if (len > 0) {
            if (copy == null) copy = new byte[SIZE];
            buf.get(0, copy, 0, len);
            out.write(copy, 0, len);
        }
        drained += len;
        len = 0;
    }

    /** The number of bytes written so far, buffered or not: the file's size once flushed. */
    long position() {
        return drained + len;
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
