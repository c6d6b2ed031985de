package io.jdump.capture;

import io.jdump.pcap.Frame;

import java.io.IOException;

/** Where a live capture sends the frames it keeps: a printer or a file writer. */
@FunctionalInterface
public interface FrameSink {
    /** Takes one frame; an exception ends the capture. */
    void accept(Frame frame) throws IOException;

    /** Pushes out what is buffered; called in immediate mode after each batch and when the capture ends. */
    default void flush() throws IOException {}

    /**
     * Whether the sink takes no more frames and the capture should end now, as after {@code -c}
     * (e.g. tcpdump's {@code -W} file limit with {@code -G} was reached).
     */
    default boolean done() {
        return false;
    }

    /**
     * The same sink taking frames in place from the ring ({@link DirectSink}), or null when it
     * needs {@link io.jdump.pcap.Frame} objects (e.g. to print them). It must do exactly what
     * {@link #accept} does with the same frame.
     */
    default DirectSink direct() {
        return null;
    }

    /**
     * A sink that does this one's work per frame but keeps nothing (e.g. writes to a null
     * stream), fed synthetic frames before the capture starts so that the JIT has compiled the
     * per-packet path when the first real packet comes; null for no warm-up.
     */
    default FrameSink warmUpSink() {
        return null;
    }
}
