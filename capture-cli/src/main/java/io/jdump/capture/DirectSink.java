package io.jdump.capture;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Takes a kept frame in place, as it lies in the capture's ring: the frame's link type is the
 * capture's, its bytes are {@code src[off, off + caplen)} (absolute positions, valid only during
 * the call). {@link LiveCapture} uses it instead of {@link FrameSink#accept} for the frames that
 * need nothing rebuilt (kernel filter, no cooked header, no stripped VLAN tag to put back), so
 * that a {@code -w} capture copies each packet once, from the ring into the writer's buffer.
 */
@FunctionalInterface
public interface DirectSink {
    /** Takes one frame; an exception ends the capture. */
    void accept(long seconds, long nanos, int wirelen, ByteBuffer src, int off, int caplen) throws IOException;
}
