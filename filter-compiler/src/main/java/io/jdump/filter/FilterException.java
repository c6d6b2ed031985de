package io.jdump.filter;

/**
 * Base of every error the filter compiler reports. Unchecked, so callers catch it once (the CLI
 * prints {@code jdump: can't parse filter expression: <message>}). The message text is libpcap's
 * where the two implementations overlap.
 */
public class FilterException extends RuntimeException {
    /** Creates an exception with libpcap's message text. */
    public FilterException(String message) {
        super(message);
    }
}
