package io.jdump.print;

/** Thrown by {@link Cursor} when a read runs past the captured bytes; caught once per frame. */
final class Truncated extends RuntimeException {
    static final Truncated INSTANCE = new Truncated();

    private Truncated() {
        super("truncated", null, false, false);
    }
}
