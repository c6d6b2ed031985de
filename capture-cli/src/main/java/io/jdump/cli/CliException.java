package io.jdump.cli;

/**
 * A failure the command reports as tcpdump does: one line {@code jdump: <message>} on standard
 * error and exit status 1, never a stack trace (unless {@code --debug}).
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
