package io.jdump.print;

import java.util.Map;

/** DHCPv6 options as tcpdump 4.99.3 prints them: {@code (name details)} each, nested for IA options. */
final class Dhcp6Options {
    private Dhcp6Options() {}

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "client-ID"), Map.entry(2, "server-ID"), Map.entry(3, "IA_NA"), Map.entry(4, "IA_TA"),
            Map.entry(5, "IA_ADDR"), Map.entry(6, "option-request"), Map.entry(7, "preference"),
            Map.entry(8, "elapsed-time"), Map.entry(9, "relay-message"), Map.entry(11, "authentication"),
            Map.entry(12, "server-unicast"), Map.entry(13, "status-code"), Map.entry(14, "rapid-commit"),
            Map.entry(15, "user-class"), Map.entry(16, "vendor-class"), Map.entry(17, "vendor-specific-info"),
            Map.entry(18, "interface-ID"), Map.entry(19, "reconfigure-message"), Map.entry(20, "reconfigure-accept"),
            Map.entry(21, "SIP-servers-domain"), Map.entry(22, "SIP-servers-address"), Map.entry(23, "DNS-server"),
            Map.entry(24, "DNS-search-list"), Map.entry(25, "IA_PD"), Map.entry(26, "IA_PD-prefix"),
            Map.entry(27, "NIS-server"), Map.entry(28, "NIS+-server"), Map.entry(29, "NIS-domain-name"),
            Map.entry(30, "NIS+-domain-name"), Map.entry(31, "SNTP-servers"), Map.entry(32, "lifetime"),
            Map.entry(33, "BCMCS-domain-name"), Map.entry(34, "BCMCS-server"), Map.entry(36, "Geoconf"),
            Map.entry(37, "remote-ID"), Map.entry(38, "subscriber-ID"), Map.entry(39, "Client-FQDN"),
            Map.entry(40, "PANA-agent"), Map.entry(41, "POSIX-timezone"), Map.entry(42, "POSIX-tz-database"),
            Map.entry(43, "ERO"), Map.entry(44, "LQ-query"), Map.entry(45, "LQ-client-data"),
            Map.entry(46, "LQ-client-time"), Map.entry(47, "LQ-relay-data"), Map.entry(48, "LQ-client-link"),
            Map.entry(51, "CAPWAP-AC-address"), Map.entry(56, "NTP-server"), Map.entry(64, "AFTR-Name"),
            Map.entry(67, "PD-exclude"), Map.entry(79, "client-link-layer-addr"), Map.entry(112, "MUD-URL"));

    static String name(int code) {
        String n = NAMES.get(code);
        return n != null ? n : "opt_" + code;
    }

    /** Prints options up to {@code len} bytes or the end of the capture, whichever comes first (as tcpdump). */
    static void print(Ctx c, int off, int len) {
        int end = off + Math.max(0, Math.min(len, c.cur.avail(off)));
        int p = off;
        while (p + 4 <= end) {
            int code = c.cur.u16(p);
            int olen = c.cur.u16(p + 2);
            if (p + 4 + olen > end) {
                c.p(" ?");
                return;
            }
            c.p(" (").p(name(code));
            value(c, code, p + 4, olen);
            c.p(")");
            p += 4 + olen;
        }
    }

    private static void value(Ctx c, int code, int d, int n) {
        c.cur.check(d, n);
        switch (code) {
            case 1, 2 -> duid(c, d, n);
            case 3, 25 -> {
                c.p(" IAID:").p(c.cur.u32(d)).p(" T1:").p(c.cur.u32(d + 4)).p(" T2:").p(c.cur.u32(d + 8));
                print(c, d + 12, n - 12);
            }
            case 4 -> {
                c.p(" IAID:").p(c.cur.u32(d));
                print(c, d + 4, n - 4);
            }
            case 5 -> {
                c.p(" ").p(c.ip6(d)).p(" pltime:").p(c.cur.u32(d + 16)).p(" vltime:").p(c.cur.u32(d + 20));
                print(c, d + 24, n - 24);
            }
            case 26 -> {
                c.p(" ").p(c.ip6(d + 9)).p("/").p(c.cur.u8(d + 8)).p(" pltime:").p(c.cur.u32(d)).p(" vltime:")
                        .p(c.cur.u32(d + 4));
                print(c, d + 25, n - 25);
            }
            case 6 -> {
                for (int i = 0; i + 1 < n; i += 2) c.p(" ").p(name(c.cur.u16(d + i)));
            }
            case 7 -> c.p(" ").p(c.cur.u8(d));
            case 8 -> c.p(" ").p(c.cur.u16(d));
            case 9 -> {
                c.p(" (");
                Dhcp6Printer.print(c, d, n);
            }
            case 12, 22, 23, 27, 28, 31, 34 -> {
                for (int i = 0; i + 16 <= n; i += 16) c.p(" ").p(c.ip6(d + i));
            }
            case 13 -> status(c, d, n);
            case 18 -> {
                c.p(" ");
                for (int i = 0; i < Math.min(n, 6); i++) c.f("%02x", c.cur.u8(d + i));
                c.p("...");
            }
            case 21, 24, 29, 30, 33 -> names(c, d, n);
            case 56 -> ntpServer(c, d, n);
            case 64 -> {
                c.p(" ");
                DnsNames.name(c, d, d, c.out);
                if (c.out.charAt(c.out.length() - 1) == '.') c.out.setLength(c.out.length() - 1);
            }
            case 112 -> {
                c.p(" ");
                for (int i = 0; i < n; i++) Escape.append(c.out, c.cur.u8(d + i));
            }
            case 19 -> c.p(n > 0 ? " " + c.cur.u8(d) : " ?");
            default -> { }
        }
    }

    private static void duid(Ctx c, int d, int n) {
        int type = c.cur.u16(d);
        switch (type) {
            case 1 -> {
                c.p(" hwaddr/time type ").p(c.cur.u16(d + 2)).p(" time ").p(c.cur.u32(d + 4)).p(" ");
                for (int i = 8; i < n; i++) c.f("%02x", c.cur.u8(d + i));
            }
            case 2 -> {
                c.p(" vid ");
                for (int i = 2; i < Math.min(n, 10); i++) c.f("%02x", c.cur.u8(d + i));
            }
            case 3 -> {
                c.p(" hwaddr type ").p(c.cur.u16(d + 2)).p(" ");
                for (int i = 4; i < n; i++) c.f("%02x", c.cur.u8(d + i));
            }
            default -> c.p(" type ").p(type);
        }
    }

    private static void status(Ctx c, int d, int n) {
        int code = c.cur.u16(d);
        String[] names = {"success", "unspec failure", "no addresses", "no binding", "not on-link", "use multicast",
            "no prefixes"};
        c.p(" ").p(code < names.length ? names[code] : "unknown");
        c.p(" \"");
        for (int i = 2; i < n; i++) Escape.append(c.out, c.cur.u8(d + i));
        c.p("\"");
    }

    private static void names(Ctx c, int d, int n) {
        int p = d;
        while (p < d + n) {
            c.p(" ");
            p = DnsNames.name(c, p, p, c.out);
        }
    }

    private static void ntpServer(Ctx c, int d, int n) {
        int p = d;
        while (p + 4 <= d + n) {
            int sub = c.cur.u16(p);
            int slen = c.cur.u16(p + 2);
            c.p(" subopt:").p(sub);
            switch (sub) {
                case 1, 2 -> c.p(" ").p(c.ip6(p + 4));
                case 3 -> {
                    c.p(" ");
                    DnsNames.name(c, p + 4, p + 4, c.out);
                }
                default -> c.p(" ?");
            }
            p += 4 + slen;
        }
    }
}
