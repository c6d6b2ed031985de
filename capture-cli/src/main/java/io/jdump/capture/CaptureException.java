package io.jdump.capture;

/**
 * A live capture could not start or went wrong in a way the user must hear about. The message is
 * what tcpdump prints after its name (e.g. {@code "eth9: No such device exists\n(No such device
 * exists)"}); the CLI prints {@code "jdump: " + getMessage()} and exits with 1.
 */
public final class CaptureException extends Exception {
    /** A capture error with tcpdump's text. */
    public CaptureException(String message) {
        super(message);
    }

    /** A capture error with tcpdump's text, caused by {@code cause}. */
    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
