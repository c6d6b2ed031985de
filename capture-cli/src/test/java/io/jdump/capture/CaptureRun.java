package io.jdump.capture;

import io.jdump.pcap.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LiveCapture} running on a background thread, collecting its frames, for tests. Every
 * wait is bounded; {@link #finish} stops the capture and returns its counts.
 */
final class CaptureRun implements AutoCloseable {
    private final LiveCapture capture;
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile CaptureStats stats;
    private volatile Throwable failure;

    private CaptureRun(LiveCapture capture) {
        this.capture = capture;
        this.thread = new Thread(this::loop, "capture-" + capture.device());
        thread.setDaemon(true);
    }

    /** Starts {@code capture} in the background. */
    static CaptureRun start(LiveCapture capture) {
        CaptureRun r = new CaptureRun(capture);
        r.thread.start();
        return r;
    }

    private void loop() {
        try {
            stats = capture.run(frames::add);
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** Waits until {@code n} frames arrived or {@code millis} passed; returns whether they did. */
    boolean awaitFrames(int n, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (frames.size() < n && System.nanoTime() < deadline && thread.isAlive()) Thread.sleep(10);
        return frames.size() >= n;
    }

    /** Waits at most {@code millis} for the capture to end by itself (e.g. {@code -c}); returns its counts or null. */
    CaptureStats awaitEnd(long millis) throws Throwable {
        thread.join(millis);
        if (failure != null) throw failure;
        return thread.isAlive() ? null : stats;
    }

    /** Stops the capture, waits for it (at most 5 s) and returns its counts. */
    CaptureStats finish() throws Throwable {
        capture.stop();
        CaptureStats s = awaitEnd(5000);
        if (s == null) throw new AssertionError("capture did not stop within 5 s of stop()");
        return s;
    }

    /** The frames delivered so far. */
    List<Frame> frames() { return new ArrayList<>(frames); }

    @Override
    public void close() throws Exception {
        capture.stop();
        thread.join(5000);
        capture.close();
    }
}
