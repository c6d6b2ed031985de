package io.jdump.filter;

/** The expression does not follow the pcap-filter grammar; {@link #position()} is the 0-based character offset of the offending token. */
public final class FilterSyntaxException extends FilterException {
    private final int position;

    /** Creates a syntax error at {@code position} (a character offset into the expression). */
    public FilterSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** 0-based character offset of the token where parsing failed. */
    public int position() { return position; }
}
