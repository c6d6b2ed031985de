package io.jdump.print;

/**
 * tcpdump's dump formats: {@code -x} (hex, 16 bytes a line in 16-bit groups), {@code -X}
 * (hex plus ASCII column) and {@code -A} (ASCII only). Each line starts with the given prefix
 * (usually {@code "\n\t"}) and the offset {@code 0x0000:}.
 */
final class HexDump {
    private HexDump() {}

    static void hex(StringBuilder out, byte[] b, int off, int len, String prefix) {
        for (int line = 0; line < len; line += 16) {
            Fmt.append(out.append(prefix), "0x%04x: ", line);
            int n = Math.min(16, len - line);
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0) out.append(' ');
                Addr.hex2(out, b[off + line + i] & 0xff);
            }
        }
    }

    static void hexAscii(StringBuilder out, byte[] b, int off, int len, String prefix) {
        for (int line = 0; line < len; line += 16) {
            Fmt.append(out.append(prefix), "0x%04x: ", line);
            int n = Math.min(16, len - line);
            int width = 0;
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0) { out.append(' '); width++; }
                Addr.hex2(out, b[off + line + i] & 0xff);
                width += 2;
            }
            out.append(" ".repeat(40 - width)).append(' ').append(' ');
            for (int i = 0; i < n; i++) {
                int c = b[off + line + i] & 0xff;
                out.append(c > 0x20 && c < 0x7f ? (char) c : '.');
            }
        }
    }

    static void ascii(StringBuilder out, byte[] b, int off, int len) {
        out.append('\n');
        for (int i = 0; i < len; i++) {
            int c = b[off + i] & 0xff;
            if (c == '\r' && i + 1 < len && b[off + i + 1] == '\n') continue;
            out.append(c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' ? (char) c : '.');
        }
    }
}
