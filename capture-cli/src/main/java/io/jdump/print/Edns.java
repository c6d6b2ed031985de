package io.jdump.print;

/** EDNS(0) options in an OPT record (RFC 6891 and the option RFCs), as {@code [NAME data,...]}. */
final class Edns {
    private Edns() {}

    static void options(Ctx c, int off, int len) {
        c.cur.check(off, len);
        c.p(" [");
        int i = 0;
        boolean first = true;
        while (i + 4 <= len) {
            int code = c.cur.u16(off + i);
            int olen = c.cur.u16(off + i + 2);
            int d = off + i + 4;
            if (!first) c.p(",");
            first = false;
            if (i + 4 + olen > len) {
                c.p(name(code)).p(" [|edns]");
                break;
            }
            option(c, code, d, olen);
            i += 4 + olen;
        }
        c.p("]");
    }

    private static void option(Ctx c, int code, int d, int olen) {
        c.p(name(code));
        switch (code) {
            case 3 -> {
                if (olen > 0) c.p(" ");
                hex(c, d, olen);
            }
            case 10 -> {
                c.p(" ");
                hex(c, d, Math.min(8, olen));
                if (olen > 8) {
                    c.p(" ");
                    hex(c, d + 8, olen - 8);
                }
            }
            case 8 -> subnet(c, d, olen);
            case 12 -> c.p(" (").p(olen).p(")");
            case 14 -> {
                for (int i = 0; i + 1 < olen; i += 2) c.p(" ").p(c.cur.u16(d + i));
            }
            case 5, 6, 7 -> {
                for (int i = 0; i < olen; i++) c.p(" ").p(algorithm(code, c.cur.u8(d + i)));
            }
            case 9 -> { if (olen == 4) c.p(" ").p(c.cur.u32(d)).p(" sec"); }
            case 11 -> {
                if (olen == 2) {
                    int v = c.cur.u16(d);
                    c.p(" ").p(v / 10).p(".").p(v % 10).p(" sec");
                }
            }
            case 13 -> {
                StringBuilder sb = new StringBuilder();
                DnsNames.name(c, d, d, sb);
                c.p(" ").p(sb.toString());
            }
            default -> {
                if (olen > 0) {
                    c.p(" ");
                    hex(c, d, olen);
                }
            }
        }
    }

    private static String algorithm(int option, int a) {
        if (option == 5) {
            return switch (a) {
                case 1 -> "RSAMD5";
                case 2 -> "DH";
                case 3 -> "DSA";
                case 5 -> "RSASHA1";
                case 6 -> "DSA-NSEC3-SHA1";
                case 7 -> "RSASHA1-NSEC3-SHA1";
                case 8 -> "RSASHA256";
                case 10 -> "RSASHA512";
                case 12 -> "ECC-GOST";
                case 13 -> "ECDSAP256SHA256";
                case 14 -> "ECDSAP384SHA384";
                case 15 -> "ED25519";
                case 16 -> "ED448";
                case 252 -> "INDIRECT";
                case 253 -> "PRIVATEDNS";
                case 254 -> "PRIVATEOID";
                default -> String.valueOf(a);
            };
        }
        if (option == 6) {
            return switch (a) {
                case 1 -> "SHA-1";
                case 2 -> "SHA-256";
                case 3 -> "GOST_R_34.11-94";
                case 4 -> "SHA-384";
                default -> String.valueOf(a);
            };
        }
        return a == 1 ? "SHA-1" : String.valueOf(a);
    }

    private static void subnet(Ctx c, int d, int olen) {
        int family = c.cur.u16(d);
        int src = c.cur.u8(d + 2);
        int scope = c.cur.u8(d + 3);
        byte[] a = new byte[family == 2 ? 16 : 4];
        for (int i = 0; i < olen - 4 && i < a.length; i++) a[i] = (byte) c.cur.u8(d + 4 + i);
        c.p(" ").p(family == 2 ? Addr.ip6(a, 0) : Addr.ip4(a, 0)).p("/").p(src).p("/").p(scope);
    }

    private static void hex(Ctx c, int d, int n) {
        for (int i = 0; i < n; i++) c.f("%02x", c.cur.u8(d + i));
    }

    private static String name(int code) {
        return switch (code) {
            case 1 -> "LLQ";
            case 2 -> "UL";
            case 3 -> "NSID";
            case 5 -> "DAU";
            case 6 -> "DHU";
            case 7 -> "N3U";
            case 8 -> "ECS";
            case 9 -> "EXPIRE";
            case 10 -> "COOKIE";
            case 11 -> "KEEPALIVE";
            case 12 -> "PADDING";
            case 13 -> "CHAIN";
            case 14 -> "KEY-TAG";
            case 15 -> "EDE";
            default -> "Opt" + code;
        };
    }
}
