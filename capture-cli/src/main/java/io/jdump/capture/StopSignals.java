package io.jdump.capture;

import io.jdump.capture.linux.Signals;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Routes SIGINT and SIGTERM to a stop action for the length of a capture, so Ctrl-C ends it
 * cleanly (flushed output, counts printed, exit status 0) instead of killing the JVM; the
 * previous handlers come back on {@link #close}. {@code sun.misc.Signal} is the only JDK way to
 * handle a signal without starting JVM shutdown. A signal the capture inherited as ignored (a
 * background job's SIGINT) is handled too, as tcpdump handles it.
 */
final class StopSignals implements AutoCloseable {
    private static final String[] NAMES = {"INT", "TERM"};
    private final SignalHandler[] previous = new SignalHandler[NAMES.length];

    private StopSignals(Runnable stop) {
        for (int i = 0; i < NAMES.length; i++) {
            Signal signal = new Signal(NAMES[i]);
            Signals.unignore(signal.getNumber());
            previous[i] = Signal.handle(signal, s -> stop.run());
        }
    }

    /** Installs handlers that call {@code stop}. */
    static StopSignals install(Runnable stop) {
        return new StopSignals(stop);
    }

    @Override
    public void close() {
        for (int i = 0; i < NAMES.length; i++) Signal.handle(new Signal(NAMES[i]), previous[i]);
    }
}
