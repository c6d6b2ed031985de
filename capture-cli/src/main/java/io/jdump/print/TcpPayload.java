package io.jdump.print;

/**
 * What follows a TCP segment's header, chosen by port as tcpdump does even with {@code -n}:
 * text protocols (HTTP, SMTP, FTP, RTSP) get their label and first line, DNS over TCP is
 * decoded, SSH shows its banner, telnet and other binary ports print nothing.
 */
final class TcpPayload {
    private TcpPayload() {}

    static void print(Ctx c, int sport, int dport, int off, int len) {
        if (either(sport, dport, 23)) return;
        if (either(sport, dport, 22)) Ssh.print(c, off, len);
        else if (either(sport, dport, 25)) TextProto.print(c, "smtp", null, off, len);
        else if (either(sport, dport, 21)) TextProto.print(c, "ftp", null, off, len);
        else if (either(sport, dport, 43)) TextProto.print(c, "whois", null, off, len);
        else if (either(sport, dport, 80) || either(sport, dport, 8080)) {
            TextProto.print(c, "http", TextProto.HTTP_METHODS, off, len);
        } else if (either(sport, dport, 554) || either(sport, dport, 8554)) {
            TextProto.print(c, "rtsp", TextProto.RTSP_METHODS, off, len);
        }
        else if (either(sport, dport, 53)) {
            c.proto = "domain";
            if (len < 2) {
                c.p(" [DNS over TCP: length ").p(len).p(" < 2] (invalid)");
                return;
            }
            int dnsLen = c.cur.u16(off);
            if (dnsLen != len - 2) {
                c.f(" [prefix length(%d) != length(%d)] (invalid)", dnsLen, len - 2);
                return;
            }
            c.p(" ");
            DnsPrinter.print(c, off + 2, dnsLen, true);
        }
    }

    static boolean either(int a, int b, int port) {
        return a == port || b == port;
    }

    /** The SSH identification string (RFC 4253 section 4.2), when the segment starts with it. */
    static final class Ssh {
        private Ssh() {}

        static void print(Ctx c, int off, int len) {
            c.proto = "ssh";
            byte[] b = c.cur.data();
            int n = Math.min(len, c.cur.avail(off));
            if (n < 4 || b[off] != 'S' || b[off + 1] != 'S' || b[off + 2] != 'H' || b[off + 3] != '-') return;
            for (int i = 0; i < n; i++) {
                if (b[off + i] == '\r' && i + 1 < n && b[off + i + 1] == '\n' || b[off + i] == '\n') {
                    c.p(": SSH: ").p(new String(b, off, i, java.nio.charset.StandardCharsets.ISO_8859_1));
                    return;
                }
            }
        }
    }
}
