package io.jdump.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;

/**
 * A write buffer in the host's byte order (libpcap writes files in host order), large enough that
 * writing a 1 GB capture takes a few thousand system calls.
 */
final class Output {
    static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 20];
    private int len;
    private long drained;

    Output(OutputStream out) {
        this.out = out;
    }

    /** Makes room for {@code n} more bytes, flushing when needed; returns false when {@code n} exceeds the buffer. */
    private boolean room(int n) throws IOException {
        if (len + n <= buf.length) return true;
        drain();
        return n <= buf.length;
    }

    void putInt(int v) throws IOException {
        room(4);
        Input.putInt(buf, len, v, BIG_ENDIAN);
        len += 4;
    }

    void putShort(int v) throws IOException {
        room(2);
        Input.putShort(buf, len, v, BIG_ENDIAN);
        len += 2;
    }

    void putLong(long v) throws IOException {
        room(8);
        Input.putLong(buf, len, v, BIG_ENDIAN);
        len += 8;
    }

    void put(byte[] b, int off, int n) throws IOException {
        if (room(n)) {
            System.arraycopy(b, off, buf, len, n);
            len += n;
        } else {
            drain();
            out.write(b, off, n);
            drained += n;
        }
    }

    /** Appends {@code src[off, off + n)} (absolute positions; {@code src}'s position is not changed). */
    void put(java.nio.ByteBuffer src, int off, int n) throws IOException {
        if (room(n)) {
            src.get(off, buf, len, n);
            len += n;
            return;
        }
        for (int done = 0; done < n; ) {   // longer than the buffer: through it in pieces
            int piece = Math.min(buf.length - len, n - done);
            src.get(off + done, buf, len, piece);
            len += piece;
            done += piece;
            if (len == buf.length) drain();
        }
    }

    void zeros(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            room(1);
            buf[len++] = 0;
        }
    }

    private void drain() throws IOException {
        if (len > 0) out.write(buf, 0, len);
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
