package io.jdump.filter.ir;

import io.jdump.bpf.Insn;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A basic block of the filter CFG: straight-line statements (loads, stores, ALU, transfers; never
 * jumps or returns) followed by a {@link Branch}. Conditional blocks have a TRUE and a FALSE
 * successor; edges only go forward, so the CFG is a DAG. Blocks are mutable while the code
 * generator patches edges and while optimizer passes rewrite them.
 */
public final class Block {
    /** Advanced by every change to any block's statements, branch or edges (see {@link #version()}). */
    private static final AtomicLong VERSION = new AtomicLong();

    private final int id;
    private final List<Insn> stmts;
    private Branch branch;
    private Block ifTrue;
    private Block ifFalse;
    private Object markOwner;
    private int mark;
    /** The {@link Cfg#order()} walk that saw this block last (its own slot, so that a walk keeps an analysis's marks). */
    Object seenBy;

    /** Creates block {@code id} with the given statements and ending. */
    public Block(int id, List<Insn> stmts, Branch branch) {
        this.id = id;
        this.stmts = new Stmts(stmts);
        this.branch = Objects.requireNonNull(branch);
    }

    /** A number unique within one CFG, in creation order; used for printing and stable ordering. */
    public int id() { return id; }

    /** The straight-line statements, mutable. */
    public List<Insn> stmts() { return stmts; }

    public Branch branch() { return branch; }

    public void setBranch(Branch b) {
        changed();
        this.branch = Objects.requireNonNull(b);
    }

    /** The successor for {@code sense}, or null for a return block or an unpatched edge. */
    public Block successor(Sense sense) {
        return sense == Sense.TRUE ? ifTrue : ifFalse;
    }

    /** Points the {@code sense} edge at {@code target}. */
    public void setSuccessor(Sense sense, Block target) {
        if (!branch.hasSuccessors()) throw new IllegalStateException("b" + id + " has no successors");
        if (sense == Sense.FALSE && !branch.isConditional()) throw new IllegalStateException("b" + id + " has one successor");
        changed();
        if (sense == Sense.TRUE) ifTrue = target;
        else ifFalse = target;
    }

    /**
     * A counter that every change to a block (its statements, branch or successors) advances, in
     * any CFG: an analysis computed at version v still describes its CFG while the version is v.
     * This is how the optimizer reuses analyses across passes that change nothing.
     */
    public static long version() {
        return VERSION.get();
    }

    static void changed() {
        VERSION.incrementAndGet();
    }

    /**
     * Scratch slot for one walk or analysis at a time: stores {@code value} for {@code owner}, so
     * that a walk can number or mark blocks without hashing them. A later owner overwrites it.
     */
    public void setMark(Object owner, int value) {
        markOwner = owner;
        mark = value;
    }

    /** The value {@link #setMark} stored for {@code owner}, or {@code absent} when another owner (or none) marked it last. */
    public int mark(Object owner, int absent) {
        return markOwner == owner ? mark : absent;
    }

    @Override
    public String toString() {
        return "b" + id;
    }
}
