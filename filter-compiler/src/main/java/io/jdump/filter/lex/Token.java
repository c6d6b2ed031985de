package io.jdump.filter.lex;

/**
 * One token: its kind, the text as written (for names and addresses), its numeric value (for
 * {@link TokenKind#NUM}, as an unsigned 32-bit value in a long), and its character offset.
 */
public record Token(TokenKind kind, String text, long value, int position) {
    @Override
    public String toString() {
        return kind + "(" + text + ")@" + position;
    }
}
