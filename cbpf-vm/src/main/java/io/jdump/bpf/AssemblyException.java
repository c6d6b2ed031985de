package io.jdump.bpf;

/**
 * Program text that the {@link Assembler} cannot read. The 1-based line number, the offending
 * source line and the reason are fields; the message reads
 * {@code line 3: ldz [12]: unknown instruction 'ldz'}.
 */
public final class AssemblyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String text;
    private final String reason;

    /**
     * @param line   1-based line number, or 0 when the error concerns the whole text
     * @param text   the source line without its newline, or null
     * @param reason what is wrong
     */
    public AssemblyException(int line, String text, String reason) {
        super(line == 0 ? reason : "line " + line + ": " + (text == null ? "" : text.strip() + ": ") + reason);
        this.line = line;
        this.text = text;
        this.reason = reason;
    }

    /** The 1-based line number, or 0 when the error is about the whole text. */
    public int line() { return line; }

    /** The offending source line, or null. */
    public String text() { return text; }

    /** What is wrong, without the line. */
    public String reason() { return reason; }
}
