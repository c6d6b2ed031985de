package io.jdump.filter;

/**
 * A well-formed expression that cannot be compiled: an unknown name, a qualifier that does not
 * apply, a primitive the link type does not support. The message is libpcap's.
 */
public final class FilterSemanticException extends FilterException {
    /** Creates a semantic error with libpcap's message text. */
    public FilterSemanticException(String message) {
        super(message);
    }
}
