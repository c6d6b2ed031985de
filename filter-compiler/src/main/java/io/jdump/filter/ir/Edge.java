package io.jdump.filter.ir;

/** The outgoing edge of {@code from} taken when its condition evaluates to {@code sense}. */
public record Edge(Block from, Sense sense) {
    /** Points this edge at {@code target}. */
    public void patch(Block target) {
        from.setSuccessor(sense, target);
    }

    /** The block this edge leads to, or null while unpatched. */
    public Block target() {
        return from.successor(sense);
    }
}
