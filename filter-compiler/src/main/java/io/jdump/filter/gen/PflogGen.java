package io.jdump.filter.gen;

import io.jdump.bpf.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * OpenBSD pflog header fields: {@code ifname}/{@code on} (interface name at 4), {@code rset}
 * (ruleset name at 20), {@code rnr} (rule number at 36), {@code srnr} (subrule number at 40),
 * {@code reason} (byte 3), {@code action} (byte 2), and the direction byte at 60.
 */
final class PflogGen {
    private PflogGen() {}

    private static final List<String> REASONS = List.of("match", "bad-offset", "fragment", "short", "normalize", "memory",
            "bad-timestamp", "congestion", "ip-option", "proto-cksum", "state-mismatch", "state-insert", "state-limit",
            "src-limit", "synproxy");
    private static final Map<String, Integer> ACTIONS = Map.ofEntries(Map.entry("pass", 0), Map.entry("accept", 0),
            Map.entry("block", 1), Map.entry("drop", 1), Map.entry("scrub", 2), Map.entry("noscrub", 3), Map.entry("nat", 4),
            Map.entry("nonat", 5), Map.entry("binat", 6), Map.entry("nobinat", 7), Map.entry("rdr", 8), Map.entry("nordr", 9),
            Map.entry("synproxy-drop", 10));

    static Frag gen(Gen g, String keyword, String arg) {
        return switch (keyword) {
            case "ifname", "on" -> string(g, 4, arg, "interface name");
            case "rset", "ruleset" -> string(g, 20, arg, "ruleset name");
            case "rnr", "rulenum" -> g.eq(36, Size.W, (int) number(arg));
            case "srnr", "subrulenum" -> g.eq(40, Size.W, (int) number(arg));
            case "reason" -> g.eq(3, Size.B, reason(arg));
            default -> g.eq(2, Size.B, action(arg));
        };
    }

    /** The direction byte: PF_IN 1, PF_OUT 2. */
    static Frag direction(Gen g, boolean inbound) {
        return g.eq(60, Size.B, inbound ? 1 : 2);
    }

    private static long number(String s) {
        if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseLong(s.substring(2), 16);
        if (s.length() > 1 && s.startsWith("0")) return Long.parseLong(s.substring(1), 8);
        return Long.parseLong(s);
    }

    private static int reason(String s) {
        if (Character.isDigit(s.charAt(0))) return (int) number(s);
        int i = REASONS.indexOf(s);
        if (i < 0) throw Gen.error("unknown PF reason \"" + s + "\"");
        return i;
    }

    private static int action(String s) {
        if (Character.isDigit(s.charAt(0))) return (int) number(s);
        Integer a = ACTIONS.get(s);
        if (a == null) throw Gen.error("unknown PF action \"" + s + "\"");
        return a;
    }

    /** The bytes of {@code s} (without its NUL) at {@code off}, compared from the end: words, then a halfword, then a byte. */
    private static Frag string(Gen g, int off, String s, String what) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length >= 16) throw Gen.error(what + " too long");
        Frag f = Frag.TRUE;
        int size = b.length;
        while (size >= 4) {
            int at = size - 4;
            f = Frag.and(f, g.eq(off + at, Size.W, (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8
                    | (b[at + 3] & 0xff)));
            size -= 4;
        }
        while (size >= 2) {
            int at = size - 2;
            f = Frag.and(f, g.eq(off + at, Size.H, (b[at] & 0xff) << 8 | (b[at + 1] & 0xff)));
            size -= 2;
        }
        if (size > 0) f = Frag.and(f, g.eq(off, Size.B, b[0] & 0xff));
        return f;
    }
}
