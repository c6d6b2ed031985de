package io.jdump.print;

/** Address formatting shared by the printers: dotted quad, inet_ntop IPv6, colon-separated MAC. */
final class Addr {
    private Addr() {}

    static String ip4(byte[] b, int off) {
        return (b[off] & 0xff) + "." + (b[off + 1] & 0xff) + "." + (b[off + 2] & 0xff) + "." + (b[off + 3] & 0xff);
    }

    static String mac(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = 0; i < len; i++) {
            if (i > 0) sb.append(':');
            hex2(sb, b[off + i] & 0xff);
        }
        return sb.toString();
    }

    static void hex2(StringBuilder sb, int v) {
        sb.append(Character.forDigit(v >> 4 & 0xf, 16)).append(Character.forDigit(v & 0xf, 16));
    }

    /** RFC 5952 text as glibc's inet_ntop writes it (longest zero run of two or more groups becomes ::, IPv4 tails for ::ffff: and ::a.b.c.d). */
    static String ip6(byte[] b, int off) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = (b[off + 2 * i] & 0xff) << 8 | b[off + 2 * i + 1] & 0xff;
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        if (bestLen < 2) bestStart = -1;
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (bestStart >= 0 && i >= bestStart && i < bestStart + bestLen) {
                if (i == bestStart) sb.append(':');
                continue;
            }
            if (i != 0) sb.append(':');
            if (i == 6 && bestStart == 0 && (bestLen == 6 || bestLen == 5 && g[5] == 0xffff)) {
                sb.append(ip4(b, off + 12));
                return sb.toString();
            }
            sb.append(Integer.toHexString(g[i]));
        }
        if (bestStart >= 0 && bestStart + bestLen == 8) sb.append(':');
        return sb.toString();
    }
}
