package io.jdump.print;

import java.util.Map;

/** DHCP options (RFC 2132 and later) in tcpdump's {@code -v} layout: {@code NAME (code), length n: value}. */
final class DhcpOptions {
    private DhcpOptions() {}

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "Subnet-Mask"), Map.entry(2, "Time-Zone"), Map.entry(3, "Default-Gateway"),
            Map.entry(4, "Time-Server"), Map.entry(5, "IEN-Name-Server"), Map.entry(6, "Domain-Name-Server"),
            Map.entry(7, "LOG"), Map.entry(8, "CS"), Map.entry(9, "LPR"),
            Map.entry(10, "IM"), Map.entry(11, "RL"), Map.entry(12, "Hostname"),
            Map.entry(13, "BS"), Map.entry(14, "Merit-Dump"), Map.entry(15, "Domain-Name"), Map.entry(16, "Swap-Server"),
            Map.entry(17, "Root-Path"), Map.entry(18, "Extensions-Path"), Map.entry(19, "IP-Forwarding"),
            Map.entry(20, "Non-Local-Source-Routing"), Map.entry(21, "Policy-Filter"), Map.entry(22, "MTU-Max"),
            Map.entry(23, "Default-IP-TTL"), Map.entry(24, "MTU-Timeout"), Map.entry(25, "MTU-Plateau"),
            Map.entry(26, "MTU"), Map.entry(27, "MTU-Subnet"), Map.entry(28, "BR"), Map.entry(29, "MASK-Discovery"),
            Map.entry(30, "MASK-Supplier"), Map.entry(31, "Router-Discovery"), Map.entry(32, "Router-Solicitation"),
            Map.entry(33, "Static-Route"), Map.entry(34, "Trailer-Encapsulation"), Map.entry(35, "ARP-Timeout"),
            Map.entry(36, "Ethernet-Encapsulation"), Map.entry(37, "TCP-TTL"), Map.entry(38, "TCP-Keepalive"),
            Map.entry(39, "KeepAlive-Garbage"), Map.entry(40, "YD"), Map.entry(41, "YS"),
            Map.entry(42, "NTP"), Map.entry(43, "Vendor-Option"), Map.entry(44, "Netbios-Name-Server"),
            Map.entry(45, "Netbios-Datagram-Distribution"), Map.entry(46, "Netbios-Node"),
            Map.entry(47, "Netbios-Scope"), Map.entry(48, "X-Font-Server"), Map.entry(49, "X-Display-Manager"),
            Map.entry(50, "Requested-IP"), Map.entry(51, "Lease-Time"), Map.entry(52, "Option-Overload"),
            Map.entry(53, "DHCP-Message"), Map.entry(54, "Server-ID"), Map.entry(55, "Parameter-Request"),
            Map.entry(56, "MSG"), Map.entry(57, "MSZ"), Map.entry(58, "RN"), Map.entry(59, "RB"),
            Map.entry(60, "Vendor-Class"), Map.entry(61, "Client-ID"), Map.entry(64, "NISPLUS-Domain"),
            Map.entry(65, "NISPLUS-Server"), Map.entry(66, "TFTP"), Map.entry(67, "BF"), Map.entry(68, "Home-Agent"),
            Map.entry(69, "SMTP-Server"), Map.entry(70, "POP3-Server"), Map.entry(71, "NNTP-Server"),
            Map.entry(72, "WWW-Server"), Map.entry(73, "Finger-Server"), Map.entry(74, "IRC-Server"),
            Map.entry(75, "StreetTalk-Server"), Map.entry(76, "StreetTalk-Directory-Assistance-Server"),
            Map.entry(77, "User-Class"), Map.entry(78, "SLP-DA"), Map.entry(79, "SLP-SCOPE"),
            Map.entry(81, "Client-FQDN"), Map.entry(82, "Agent-Information"), Map.entry(88, "BCMS-Domain"),
            Map.entry(89, "BCMS-Server"), Map.entry(91, "Last-Transaction-Time"),
            Map.entry(92, "Associated-IP"), Map.entry(93, "Client-Arch"), Map.entry(94, "Client-NDI"), Map.entry(95, "LDAP"),
            Map.entry(97, "Client-Machine-ID"), Map.entry(100, "POSIX-TZ"), Map.entry(101, "TZ-Name"),
            Map.entry(114, "URL"), Map.entry(116, "Auto-Config"), Map.entry(118, "Subnet-Selection"),
            Map.entry(121, "Classless-Static-Route"), Map.entry(124, "V-I Vendor Class"),
            Map.entry(125, "V-I Vendor Specific"), Map.entry(161, "MUD-URL"), Map.entry(150, "TFTP-Server-Address"),
            Map.entry(249, "Classless-Static-Route-Microsoft"));

    private static final String[] MESSAGES = {"", "Discover", "Offer", "Request", "Decline", "ACK", "NACK",
        "Release", "Inform", "Force Renew", "LeaseQuery", "LeaseUnassigned", "LeaseUnknown", "LeaseActive"};

    static String name(int code) {
        return NAMES.getOrDefault(code, "Unknown");
    }

    static void print(Ctx c, int off, int len) {
        int end = off + len;
        int p = off;
        while (p < end) {
            int code = c.cur.u8(p);
            if (code == 0) {
                p++;
                continue;
            }
            if (code == 255) {
                if (c.v() > 2) c.p("\n\t    END (255), length 0");
                return;
            }
            int olen = c.cur.u8(p + 1);
            c.p("\n\t    ").p(name(code)).p(" (").p(code).p("), length ").p(olen).p(olen > 0 ? ": " : "");
            c.cur.check(p + 2, olen);
            value(c, code, p + 2, olen);
            int rest = trailing(code, olen);
            if (rest > 0) c.p("\n\t  trailing data length ").p(rest);
            p += 2 + olen;
        }
    }

    /** Bytes of a list option that do not make a whole element: tcpdump reports them as trailing data. */
    private static int trailing(int code, int n) {
        return switch (code) {
            case 33 -> n % 8;
            default -> 0;
        };
    }

    private static void value(Ctx c, int code, int d, int n) {
        switch (code) {
            case 53 -> {
                int m = n > 0 ? c.cur.u8(d) : 0;
                c.p(m > 0 && m < MESSAGES.length ? MESSAGES[m] : "Unknown (" + m + ")");
            }
            case 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 28, 32, 41, 42, 44, 45, 48, 49, 50, 54, 65, 68, 69, 70, 71, 72,
                 73, 74, 75, 76, 92, 118 -> {
                for (int i = 0; i + 4 <= n; i += 4) c.p(i > 0 ? "," : "").p(c.ip4(d + i));
            }
            case 2, 24, 35, 38, 51, 58, 59, 91, 108 -> { if (n == 4) c.p(c.cur.u32(d)); }
            case 13, 22, 26, 57 -> { if (n == 2) c.p(c.cur.u16(d)); }
            case 12, 14, 15, 17, 18, 40, 47, 56, 60, 64, 66, 67, 100, 101, 161 -> quoted(c, d, n);
            case 61 -> clientId(c, d, n);
            case 33 -> {
                for (int i = 0; i + 8 <= n; i += 8) c.p(i > 0 ? "," : "").p("(").p(c.ip4(d + i)).p(":").p(c.ip4(d + i + 4)).p(")");
            }
            case 150 -> {
                for (int i = 0; i + 4 <= n; i += 4) c.p(i > 0 ? "," : "").p(c.ip4(d + i));
            }
            case 77 -> userClass(c, d, n);
            case 55 -> requests(c, d, n);
            default -> {
                for (int i = 0; i < n; i++) c.p(i > 0 ? "." : "").p(c.cur.u8(d + i));
            }
        }
    }

    private static void userClass(Ctx c, int d, int n) {
        int i = 0;
        int k = 1;
        while (i < n) {
            int l = c.cur.u8(d + i);
            c.p("\n\t      instance#").p(k++).p(": ");
            quoted(c, d + i + 1, Math.min(l, n - i - 1));
            c.p(", length ").p(l);
            i += 1 + l;
        }
    }

    private static void quoted(Ctx c, int d, int n) {
        c.p("\"");
        for (int i = 0; i < n; i++) Escape.append(c.out, c.cur.u8(d + i));
        c.p("\"");
    }

    private static void clientId(Ctx c, int d, int n) {
        int type = n > 0 ? c.cur.u8(d) : -1;
        if (type == 1 && n == 7) {
            c.p("ether ").p(c.mac(d + 1));
            return;
        }
        if (type == 0) {
            quoted(c, d + 1, n - 1);
            return;
        }
        c.p("hardware-type ").p(type).p(", ");
        for (int i = 1; i < n; i++) c.f("%02x", c.cur.u8(d + i));
    }

    private static void requests(Ctx c, int d, int n) {
        for (int i = 0; i < n; i++) {
            if (i % 4 == 0) c.p("\n\t      ");
            else c.p(", ");
            int code = c.cur.u8(d + i);
            c.p(name(code)).p(" (").p(code).p(")");
        }
    }
}
