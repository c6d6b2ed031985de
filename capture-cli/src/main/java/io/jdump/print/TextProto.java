package io.jdump.print;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Line-oriented text protocols over TCP (HTTP, RTSP, SMTP, FTP): the protocol label, then the
 * first line when it looks like a request or response of the protocol, or with {@code -v} every
 * line on its own tab-indented line. A line must end with LF or CRLF; printable text that runs
 * to the end of the segment is printed and marked truncated.
 */
final class TextProto {
    private TextProto() {}

    static final Set<String> HTTP_METHODS = Set.of("OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE",
            "CONNECT", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "ORDERPATCH", "SEARCH",
            "SUBSCRIBE", "UNSUBSCRIBE", "POLL", "BMOVE", "BCOPY", "BDELETE", "BPROPFIND", "BPROPPATCH", "NOTIFY",
            "X-MS-ENUMATTS", "ACL", "REPORT", "VERSION-CONTROL", "CHECKOUT", "CHECKIN", "UNCHECKOUT", "MKWORKSPACE",
            "UPDATE", "LABEL", "MERGE", "BASELINE-CONTROL", "MKACTIVITY", "MKCALENDAR", "MKREDIRECTREF",
            "UPDATEREDIRECTREF", "BIND", "REBIND", "UNBIND", "LINK", "UNLINK", "PATCH");
    static final Set<String> RTSP_METHODS = Set.of("DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE",
            "PLAY", "RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN");

    /**
     * @param commands request names that mark a first line worth printing (the response code is
     *                 then the second token); null prints every first line
     */
    static void print(Ctx c, String proto, Set<String> commands, int off, int len) {
        c.proto = proto;
        boolean printFirst = commands == null || looksLikeMessage(c, commands, off, len);
        c.p(": ").p(proto.toUpperCase(Locale.ROOT));
        if (!printFirst) return;
        if (c.v() > 0) {
            c.p(", length: ").p(len);
            int i = 0;
            while (i < len) {
                int next = line(c, "\n\t", off, i, len);
                if (next == 0) return;
                i = next;
            }
        } else {
            line(c, ": ", off, 0, len);
        }
    }

    private static boolean looksLikeMessage(Ctx c, Set<String> commands, int off, int len) {
        StringBuilder token = new StringBuilder();
        int idx = token(c, off, 0, len, token);
        if (idx == 0) return false;
        if (commands.contains(token.toString().toUpperCase(Locale.ROOT))) return true;
        token.setLength(0);
        idx = token(c, off, idx, len, token);
        if (idx == 0) return false;
        String t = token.toString();
        return t.length() == 3 && Character.isDigit(t.charAt(0)) && Character.isDigit(t.charAt(1))
                && Character.isDigit(t.charAt(2));
    }

    /** Reads a blank-delimited token; returns the index after the following blanks, or 0 when there is none. */
    private static int token(Ctx c, int off, int idx, int len, StringBuilder out) {
        for (; idx < len; idx++) {
            int ch = c.cur.u8(off + idx);
            if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') break;
            if (ch < 0x20 || ch >= 0x7f) return 0;
            if (out.length() < 128) out.append((char) ch);
        }
        if (out.isEmpty()) return 0;
        for (; idx < len; idx++) {
            int ch = c.cur.u8(off + idx);
            if (ch != ' ' && ch != '\t') break;
        }
        return idx;
    }

    /** Prints one line from {@code idx}; returns the index after its end of line, or 0. */
    private static int line(Ctx c, String prefix, int off, int idx, int len) {
        int start = idx;
        byte[] b = c.cur.data();
        while (idx < len) {
            int ch = c.cur.u8(off + idx);
            if (ch == '\n') {
                c.p(prefix).p(text(b, off + start, idx - start));
                return idx + 1;
            }
            if (ch == '\r') {
                if (idx + 1 < len && c.cur.u8(off + idx + 1) == '\n') {
                    c.p(prefix).p(text(b, off + start, idx - start));
                    return idx + 2;
                }
                return 0;
            }
            if ((ch < 0x20 || ch >= 0x7f) && ch != '\t') return 0;
            idx++;
        }
        c.p(prefix).p(text(b, off + start, idx - start)).p(" [|").p(c.proto).p("]");
        return 0;
    }

    private static String text(byte[] b, int off, int n) {
        return new String(b, off, n, StandardCharsets.ISO_8859_1);
    }
}
