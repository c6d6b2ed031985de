package io.jdump.filter.ir;

import io.jdump.bpf.Insn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A basic block of the filter CFG: straight-line statements (loads, stores, ALU, transfers; never
 * jumps or returns) followed by a {@link Branch}. Conditional blocks have a TRUE and a FALSE
 * successor; edges only go forward, so the CFG is a DAG. Blocks are mutable while the code
 * generator patches edges and while optimizer passes rewrite them.
 */
public final class Block {
    private final int id;
    private final List<Insn> stmts;
    private Branch branch;
    private Block ifTrue;
    private Block ifFalse;

    /** Creates block {@code id} with the given statements and ending. */
    public Block(int id, List<Insn> stmts, Branch branch) {
        this.id = id;
        this.stmts = new ArrayList<>(stmts);
        this.branch = Objects.requireNonNull(branch);
    }

    /** A number unique within one CFG, in creation order; used for printing and stable ordering. */
    public int id() { return id; }

    /** The straight-line statements, mutable. */
    public List<Insn> stmts() { return stmts; }

    public Branch branch() { return branch; }

    public void setBranch(Branch b) { this.branch = Objects.requireNonNull(b); }

    /** The successor for {@code sense}, or null for a return block or an unpatched edge. */
    public Block successor(Sense sense) {
        return sense == Sense.TRUE ? ifTrue : ifFalse;
    }

    /** Points the {@code sense} edge at {@code target}. */
    public void setSuccessor(Sense sense, Block target) {
        if (!branch.hasSuccessors()) throw new IllegalStateException("b" + id + " has no successors");
        if (sense == Sense.FALSE && !branch.isConditional()) throw new IllegalStateException("b" + id + " has one successor");
        if (sense == Sense.TRUE) ifTrue = target;
        else ifFalse = target;
    }

    @Override
    public String toString() {
        return "b" + id;
    }
}
