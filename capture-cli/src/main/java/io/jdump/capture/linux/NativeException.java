package io.jdump.capture.linux;

import java.io.IOException;

/**
 * A failed system call: its name, {@code errno} and {@code strerror(errno)}. The message is
 * {@code "<strerror> (<call>)"}, so callers can show it as it is.
 */
public final class NativeException extends IOException {
    private final String call;
    private final int errno;
    private final String errorText;

    /** A failure of {@code call} with {@code errno}, whose text is {@code errorText}. */
    public NativeException(String call, int errno, String errorText) {
        super(errorText + " (" + call + ")");
        this.call = call;
        this.errno = errno;
        this.errorText = errorText;
    }

    /** The call that failed, e.g. {@code "setsockopt(SO_ATTACH_FILTER)"}. */
    public String call() { return call; }

    /** The {@code errno} it set. */
    public int errno() { return errno; }

    /** {@code strerror(errno)}. */
    public String errorText() { return errorText; }
}
