package io.jdump.print;

import java.util.Formattable;

/**
 * {@link String#format} for the few conversions the printers use ({@code %s %d %x %%} with an
 * optional width and {@code 0} flag), appended straight to the line without building a
 * {@code Formatter}; any other format falls back to {@code String.format}, so the text is the same.
 */
final class Fmt {
    private Fmt() { }

    static void append(StringBuilder out, String fmt, Object... args) {
        int start = out.length();
        if (!tryAppend(out, fmt, args)) {
            out.setLength(start);
            out.append(String.format(fmt, args));
        }
    }

    /** As {@link String#format}, by way of {@link #append}. */
    static String format(String fmt, Object... args) {
        StringBuilder out = new StringBuilder(fmt.length() + 16);
        append(out, fmt, args);
        return out.toString();
    }

    private static boolean tryAppend(StringBuilder out, String fmt, Object[] args) {
        int arg = 0;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char ch = fmt.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (++i >= n) return false;
            ch = fmt.charAt(i);
            boolean zero = false;
            if (ch == '0') {
                zero = true;
                if (++i >= n) return false;
                ch = fmt.charAt(i);
            }
            int width = 0;
            while (ch >= '0' && ch <= '9') {
                width = width * 10 + (ch - '0');
                if (++i >= n) return false;
                ch = fmt.charAt(i);
            }
            if (ch == '%' && !zero && width == 0) {
                out.append('%');
                continue;
            }
            if (arg >= args.length) return false;
            if (!conversion(out, ch, zero, width, args[arg++])) return false;
        }
        return arg == args.length;
    }

    private static boolean conversion(StringBuilder out, char conv, boolean zero, int width, Object a) {
        String text;
        switch (conv) {
            case 'd' -> {
                if (!(a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte)) return false;
                long v = ((Number) a).longValue();
                if (v < 0 && zero) return false;
                text = Long.toString(v);
            }
            case 'x' -> {
                if (a instanceof Integer v) text = Integer.toHexString(v);
                else if (a instanceof Long v) text = Long.toHexString(v);
                else return false;
            }
            case 's' -> {
                if (zero || a instanceof Formattable) return false;
                text = String.valueOf(a);
            }
            default -> {
                return false;
            }
        }
        char fill = zero ? '0' : ' ';
        for (int k = text.length(); k < width; k++) out.append(fill);
        out.append(text);
        return true;
    }
}
