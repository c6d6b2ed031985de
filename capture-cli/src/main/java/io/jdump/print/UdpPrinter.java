package io.jdump.print;

/**
 * UDP (RFC 768) and the port table that chooses the application printer.
 *
 * <pre>
 * +----------------+----------------+
 * |  Source Port   |   Dest Port    |
 * |    Length      |   Checksum     |
 * +----------------+----------------+
 * </pre>
 */
final class UdpPrinter {
    private UdpPrinter() {}

    static void print(Ctx c, Ip ip, int off, int len) {
        c.proto = "udp";
        if (!c.cur.has(off, 4)) {
            if (!ip.addrsPrinted()) c.p(ip.src()).p(" > ").p(ip.dst()).p(": ");
            throw Truncated.INSTANCE;
        }
        int sport = c.cur.u16(off);
        int dport = c.cur.u16(off + 2);
        if (ip.addrsPrinted()) c.p(sport).p(" > ").p(dport).p(": ");
        else c.p(ip.src()).p(".").p(sport).p(" > ").p(ip.dst()).p(".").p(dport).p(": ");
        c.cur.check(off, 8);
        int ulen = c.cur.u16(off + 4);
        if (ulen == 0 && len > 65535) ulen = len;
        if (ulen < 8) {
            c.p("truncated-udplength ").p(ulen);
            return;
        }
        int wireLen = len;
        if (ulen < len) len = ulen;
        if (c.v() > 0) checksum(c, ip, off, len);
        int plen = len - 8;
        int p = off + 8;
        if (c.quiet()) {
            c.p("UDP, length ").p(plen);
            return;
        }
        if (!application(c, ip, sport, dport, p, plen)) {
            if (ulen > wireLen) c.p("UDP, bad length ").p(ulen - 8).p(" > ").p(wireLen - 8);
            else c.p("UDP, length ").p(ulen - 8);
        }
    }

    private static boolean application(Ctx c, Ip ip, int sport, int dport, int off, int len) {
        if (either(sport, dport, 53)) DnsPrinter.print(c, off, len, false);
        else if (either(sport, dport, 5353)) {
            c.mdns = true;
            DnsPrinter.print(c, off, len, false);
        }
        else if (either(sport, dport, 67) || either(sport, dport, 68)) DhcpPrinter.print(c, off, len);
        else if (either(sport, dport, 123)) NtpPrinter.print(c, off, len);
        else if (either(sport, dport, 546) || either(sport, dport, 547)) Dhcp6Printer.print(c, off, len);
        else if (either(sport, dport, 514)) Syslog.print(c, off, len);
        else if (either(sport, dport, 4789)) VxlanPrinter.print(c, off, len);
        else if (sport == 49152) BcmLiPrinter.print(c, off, len);
        else if (either(sport, dport, 6081)) GenevePrinter.print(c, off, len);
        else return false;
        return true;
    }

    private static boolean either(int a, int b, int port) {
        return a == port || b == port;
    }

    private static void checksum(Ctx c, Ip ip, int off, int len) {
        if (ip.fragment() || !c.cur.has(off, len)) return;
        int stored = c.cur.u16(off + 6);
        if (!ip.v6() && (c.v() < 2 || stored == 0)) return;
        int sum = IpProto.checksum(IpProto.pseudoHeader(c, ip, 17, len), c.cur.data(), off, len);
        if (sum == 0) {
            c.p("[udp sum ok] ");
            return;
        }
        byte[] copy = java.util.Arrays.copyOfRange(c.cur.data(), 0, off + len);
        copy[off + 6] = 0;
        copy[off + 7] = 0;
        int should = IpProto.checksum(IpProto.pseudoHeader(c, ip, 17, len), copy, off, len);
        c.f("[bad udp cksum 0x%04x -> 0x%04x!] ", stored, should);
    }

    /** BSD syslog (RFC 3164): {@code <PRI>} then text. */
    static final class Syslog {
        private Syslog() {}

        private static final String[] SEVERITY = {"emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"};
        private static final String[] FACILITY = {"kernel", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
            "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "cron", "local0", "local1", "local2",
            "local3", "local4", "local5", "local6", "local7"};

        static void print(Ctx c, int off, int len) {
            c.proto = "syslog";
            if (c.cur.u8(off) != '<') {
                c.p(" (invalid)");
                return;
            }
            int pri = 0;
            int i = 1;
            while (true) {
                int ch = c.cur.u8(off + i);
                if (ch == '>') break;
                if (ch < '0' || ch > '9' || i > 3) {
                    c.p(" (invalid)");
                    return;
                }
                pri = pri * 10 + ch - '0';
                i++;
            }
            int fac = pri >> 3;
            c.p("SYSLOG ").p(fac < FACILITY.length ? FACILITY[fac] : "unknown").p(".").p(SEVERITY[pri & 7]);
            c.p(", length: ").p(len);
            if (c.v() > 0) {
                c.p("\n\tMsg: ");
                c.printable(off + i + 1, len - i - 1);
            }
        }
    }
}
