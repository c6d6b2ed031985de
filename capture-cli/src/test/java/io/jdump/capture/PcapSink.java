package io.jdump.capture;

import io.jdump.pcap.Frame;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A minimal classic-pcap writer (microsecond time stamps, host byte order), enough for the live
 * test entry point and the benchmark; the real writer lives in {@code io.jdump.pcap}.
 */
final class PcapSink implements FrameSink, AutoCloseable {
    private final OutputStream out;
    private final ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());

    PcapSink(OutputStream out, int linkType, int snaplen) throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.nativeOrder());
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snaplen).putInt(linkType);
        this.out.write(h.array());
    }

    @Override
    public void accept(Frame f) throws IOException {
        header.clear();
        header.putInt((int) f.seconds()).putInt((int) (f.nanos() / 1000)).putInt(f.caplen()).putInt(f.wirelen());
        out.write(header.array());
        out.write(f.data());
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
