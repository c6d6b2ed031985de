package io.jdump.filter.lex;

import io.jdump.filter.FilterSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits a filter expression into tokens, following the rules of libpcap's scanner: words are
 * maximal runs of letters, digits and {@code - _ . :}, then classified as a number, an IPv4 or
 * IPv6 address, a MAC address, a keyword, a named constant ({@code tcp-syn} is the number 2) or a
 * name. A backslash makes the following word a name even if it is a keyword ({@code proto \tcp}).
 */
public final class Lexer {
    private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]+|[0-9]+");
    private static final Pattern IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){1,3}");
    private static final String B = "[0-9a-fA-F]{1,2}";
    private static final Pattern MAC = Pattern.compile(
            B + "(:" + B + "){5}|" + B + "(-" + B + "){5}|" + B + "(\\." + B + "){5}"
            + "|[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}|[0-9a-fA-F]{12}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])?");
    private static final Map<String, Integer> CONSTANTS = NamedConstants.ALL;
    private static final List<TokenKind> DOUBLE = List.of(TokenKind.GE, TokenKind.LE, TokenKind.NE, TokenKind.EQ,
            TokenKind.LSH, TokenKind.RSH, TokenKind.AND, TokenKind.OR);
    private static final Map<String, TokenKind> SINGLE = new java.util.HashMap<>();

    static {
        for (TokenKind k : TokenKind.values()) {
            for (String s : k.spellings()) {
                if (s.length() == 1) SINGLE.put(s, k);
            }
        }
    }

    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    /** Tokenizes {@code expr}; the list ends with an {@link TokenKind#EOF} token. */
    public static List<Token> tokenize(String expr) {
        Lexer lx = new Lexer(expr);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lx.next();
            out.add(t);
        } while (t.kind() != TokenKind.EOF);
        return out;
    }

    private Token next() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
        if (pos >= src.length()) return new Token(TokenKind.EOF, "", 0, pos);
        char c = src.charAt(pos);
        if (c == '\\') return escaped();
        if (c == '$') return arcnet();
        if (isWordChar(c) && c != '-' && c != '.' && (c != ':' || src.startsWith("::", pos))) return word();
        return operator();
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':');
    }

    private Token escaped() {
        int start = pos++;
        int end = pos;
        while (end < src.length() && " !()\n\t".indexOf(src.charAt(end)) < 0) end++;
        if (end == pos) throw new FilterSyntaxException("syntax error", start);
        String text = src.substring(pos, end);
        pos = end;
        return new Token(TokenKind.ID, text, 0, start);
    }

    private Token arcnet() {
        int start = pos;
        int end = pos + 1;
        while (end < src.length() && Character.digit(src.charAt(end), 16) >= 0) end++;
        if (end == pos + 1 || end - pos - 1 > 2) throw new FilterSyntaxException("syntax error", start);
        pos = end;
        return new Token(TokenKind.AID, src.substring(start, end), 0, start);
    }

    private Token word() {
        int start = pos;
        int end = pos;
        while (end < src.length() && isWordChar(src.charAt(end))) end++;
        String w = src.substring(start, end);
        if (w.indexOf(':') >= 0) {
            if (MAC.matcher(w).matches()) return take(TokenKind.EID, w, 0, start);
            if (Ipv6.parse(w) != null) return take(TokenKind.HID6, w, 0, start);
            if (w.matches("[0-9a-fA-F:]*::?[0-9a-fA-F:]*[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+")) {
                throw new io.jdump.filter.FilterSemanticException("invalid IPv6 address " + w);
            }
            if (w.matches("[0-9a-zA-Z]{1,2}(:[0-9a-zA-Z]{1,2}){5}")) {
                throw new io.jdump.filter.FilterSemanticException("invalid Ethernet address");
            }
            w = w.substring(0, w.indexOf(':'));
        }
        while (w.length() > 1 && (w.endsWith("-") || w.endsWith("_"))) w = w.substring(0, w.length() - 1);
        return classify(w, start);
    }

    private Token classify(String w, int start) {
        if (NUMBER.matcher(w).matches()) return take(TokenKind.NUM, w, number(w, start), start);
        if (IPV4.matcher(w).matches()) return take(TokenKind.HID, w, 0, start);
        if (MAC.matcher(w).matches()) return take(TokenKind.EID, w, 0, start);
        if (!ID.matcher(w).matches()) throw new FilterSyntaxException("syntax error", start);
        TokenKind kw = TokenKind.keyword(w);
        if (kw != null) return take(kw, w, 0, start);
        Integer k = CONSTANTS.get(w);
        if (k != null) return take(TokenKind.NUM, w, k, start);
        return take(TokenKind.ID, w, 0, start);
    }

    private Token take(TokenKind kind, String text, long value, int start) {
        pos = start + text.length();
        return new Token(kind, text, value, start);
    }

    /** Parses a decimal, 0x-hex or 0-octal number as libpcap's scanner does; values past 32 bits are an error. */
    private static long number(String w, int position) {
        int radix = 10;
        String digits = w;
        if (w.startsWith("0x") || w.startsWith("0X")) {
            radix = 16;
            digits = w.substring(2);
        } else if (w.length() > 1 && w.charAt(0) == '0') {
            radix = 8;
            digits = w.substring(1);
        }
        long v = 0;
        for (char ch : digits.toCharArray()) {
            int d = Character.digit(ch, radix);
            if (d < 0) throw new FilterSyntaxException("number " + w + " contains non-octal digit", position);
            v = v * radix + d;
            if (v > 0xffffffffL) {
                String base = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "decimal";
                throw new FilterSyntaxException(base + " number " + w + " overflows 32 bits", position);
            }
        }
        return v;
    }

    private Token operator() {
        int start = pos;
        String two = src.length() >= pos + 2 ? src.substring(pos, pos + 2) : "";
        for (TokenKind k : DOUBLE) {
            if (k.spellings().contains(two)) {
                pos += 2;
                return new Token(k, two, 0, start);
            }
        }
        String one = src.substring(pos, pos + 1);
        TokenKind k = SINGLE.get(one);
        if (k == null) throw new FilterSyntaxException("syntax error", start);
        pos++;
        return new Token(k, one, 0, start);
    }
}
