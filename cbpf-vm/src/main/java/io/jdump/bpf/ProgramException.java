package io.jdump.bpf;

/**
 * A program that cannot be decoded or is refused by the {@link Validator}. The pc and the
 * offending instruction are fields; the message quotes the listing line, e.g.
 * {@code (003) ja 7: jump past end of program}.
 */
public final class ProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int pc;
    private final transient Insn insn;
    private final String reason;

    /** @param insn the instruction at pc, or null when it could not be decoded */
    public ProgramException(int pc, Insn insn, String line, String reason) {
        super(line == null ? reason : line + ": " + reason);
        this.pc = pc;
        this.insn = insn;
        this.reason = reason;
    }

    /** The index of the offending instruction, or -1 when the error is about the whole program. */
    public int pc() { return pc; }

    /** The offending instruction, or null. */
    public Insn insn() { return insn; }

    /** The rule that was broken, without the listing line. */
    public String reason() { return reason; }
}
