package io.jdump.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An output file as a stream that also offers its channel. The capture writers see it and write
 * their direct buffer to the channel, so the kernel reads that buffer in place: a stream of a
 * Java array (what {@code Files.newOutputStream} is) would first copy each buffer into native
 * memory, a megabyte per drain.
 */
public final class FileStream extends OutputStream {
    private final FileChannel channel;

    private FileStream(FileChannel channel) {
        this.channel = channel;
    }

    /** Creates or truncates {@code file} for writing (the errors of {@code Files.newOutputStream}). */
    public static FileStream create(Path file) throws IOException {
        return new FileStream(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** Writes all of {@code src}'s remaining bytes. */
    void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) channel.write(src);
    }

    @Override
    public void write(int b) throws IOException {
        write(ByteBuffer.wrap(new byte[] {(byte) b}));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        write(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
