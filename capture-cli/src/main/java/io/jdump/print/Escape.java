package io.jdump.print;

/** tcpdump's way of showing arbitrary bytes as text: {@code M-} for the high bit, {@code ^X} for controls. */
final class Escape {
    private Escape() {}

    static void append(StringBuilder out, int ch) {
        if (ch >= 0x80) {
            out.append("M-");
            ch &= 0x7f;
        }
        if (ch < 0x20 || ch == 0x7f) out.append('^').append((char) (ch ^ 0x40));
        else out.append((char) ch);
    }
}
