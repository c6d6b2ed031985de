package io.jdump.filter.ir;

import io.jdump.bpf.JmpOp;

/**
 * How a block ends: a conditional jump comparing A with a constant or with X (the successors are
 * the block's TRUE and FALSE edges), or a return. Only real opcodes: a "not equal" test is a
 * {@code jeq} whose edges are swapped, never a negated opcode.
 */
public sealed interface Branch {
    /** {@code op #k}. */
    record CondK(JmpOp op, int k) implements Branch {}
    /** {@code op x}. */
    record CondX(JmpOp op) implements Branch {}
    /** An unconditional jump to the block's TRUE successor ({@code ja}, omitted when the target comes next). */
    record Goto() implements Branch {}
    /** {@code ret #k}. */
    record Return(int k) implements Branch {}
    /** {@code ret a}. */
    record ReturnA() implements Branch {}

    /** Whether this branch has successors. */
    default boolean isConditional() {
        return this instanceof CondK || this instanceof CondX;
    }

    /** Whether this branch has a successor (conditional, or a {@link Goto}). */
    default boolean hasSuccessors() {
        return isConditional() || this instanceof Goto;
    }
}
