package io.jdump.filter.lex;

/** Parses textual IPv6 addresses (RFC 4291 section 2.2, including {@code ::} and a trailing dotted quad). */
public final class Ipv6 {
    private Ipv6() {}

    /** The 16 bytes of {@code s}, or null if it is not an IPv6 address. */
    public static byte[] parse(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return null;
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groups(head);
        int[] t = groups(tail);
        if (h == null || t == null) return null;
        int n = h.length + t.length;
        if (dbl < 0 ? n != 8 : n > 7) return null;
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) put(out, i, h[i]);
        for (int i = 0; i < t.length; i++) put(out, 8 - t.length + i, t[i]);
        return out;
    }

    private static void put(byte[] out, int group, int v) {
        out[2 * group] = (byte) (v >> 8);
        out[2 * group + 1] = (byte) v;
    }

    private static int[] groups(String s) {
        if (s.isEmpty()) return new int[0];
        String[] parts = s.split(":", -1);
        int extra = parts[parts.length - 1].contains(".") ? 1 : 0;
        int[] g = new int[parts.length + extra];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && extra == 1) {
                int[] q = dottedQuad(p);
                if (q == null) return null;
                g[i] = q[0];
                g[i + 1] = q[1];
            } else {
                if (p.isEmpty() || p.length() > 4) return null;
                try {
                    g[i] = Integer.parseInt(p, 16);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return g;
    }

    private static int[] dottedQuad(String p) {
        String[] b = p.split("\\.", -1);
        if (b.length != 4) return null;
        int v = 0;
        for (String x : b) {
            if (x.isEmpty() || x.length() > 3 || !x.chars().allMatch(Character::isDigit)) return null;
            int n = Integer.parseInt(x);
            if (n > 255) return null;
            v = v << 8 | n;
        }
        return new int[] {v >>> 16, v & 0xffff};
    }
}
