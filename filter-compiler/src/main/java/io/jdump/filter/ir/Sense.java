package io.jdump.filter.ir;

/** Which way a conditional branch went: the jump's condition held ({@link #TRUE}) or not. */
public enum Sense {
    TRUE, FALSE;

    /** The other sense. */
    public Sense flip() { return this == TRUE ? FALSE : TRUE; }
}
