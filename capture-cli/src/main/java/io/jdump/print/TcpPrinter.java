package io.jdump.print;

/**
 * TCP (RFC 9293).
 *
 * <pre>
 * +-------------------------------+-------------------------------+
 * |          Source Port          |       Destination Port        |
 * |                        Sequence Number                        |
 * |                    Acknowledgment Number                      |
 * | Offset| Rsrvd |C|E|U|A|P|R|S|F|            Window             |
 * |           Checksum            |         Urgent Pointer        |
 * |                    Options (Offset > 5)                       |
 * +---------------------------------------------------------------+
 * </pre>
 * Sequence numbers are relative to the first segment seen of a connection unless {@code -S},
 * using {@link PrinterState}.
 */
final class TcpPrinter {
    private TcpPrinter() {}

    private static final String FLAG_CHARS = "FSRP.UEW";

    static void print(Ctx c, Ip ip, int off, int len) {
        c.proto = "tcp";
        if (!c.cur.has(off, 4) || len == 0) {
            if (!ip.addrsPrinted()) c.p(ip.src()).p(" > ").p(ip.dst()).p(":");
            throw Truncated.INSTANCE;
        }
        int sport = c.cur.u16(off);
        int dport = c.cur.u16(off + 2);
        ports(c, ip, sport, dport);
        int hlen = (c.cur.u8(off + 12) >> 4) * 4;
        if (hlen < 20) {
            c.f(" tcp %d [bad hdr length %d - too short, < 20]", len, hlen);
            return;
        }
        if (c.quiet()) {
            c.p("tcp ").p(Math.max(0, len - hlen));
            return;
        }
        c.cur.check(off, 20);
        int flags = c.cur.u8(off + 13);
        long seq = c.cur.u32(off + 4);
        long ack = c.cur.u32(off + 8);
        int win = c.cur.u16(off + 14);
        c.p("Flags [").p(flagText(flags)).p("]");
        if (hlen > len) {
            c.f(" [bad hdr length %d - too long, > %d]", hlen, len);
            return;
        }
        c.sackBase = 0;
        if (!c.opts.absoluteSeq() && (flags & 0x10) != 0) {
            long[] rel = relative(c, ip, sport, dport, seq, ack);
            seq = rel[0];
            ack = rel[1];
        }
        if (c.v() > 0) checksum(c, ip, off, len);
        int dlen = len - hlen;
        if (c.v() > 1 || dlen > 0 || (flags & 0x07) != 0) {
            c.p(", seq ").p(seq);
            if (dlen > 0) c.p(":").p((seq + dlen) & 0xffffffffL);
        }
        if ((flags & 0x10) != 0) c.p(", ack ").p(ack);
        c.p(", win ").p(win);
        if ((flags & 0x20) != 0) c.p(", urg ").p(c.cur.u16(off + 18));
        if (hlen > 20) {
            c.p(", options [");
            boolean ok = TcpOptions.print(c, off + 20, hlen - 20);
            c.p("]");
            if (!ok) return;
        }
        c.p(", length ").p(dlen);
        if ((flags & 0x04) != 0 && c.v() > 0 && dlen > 0) resetData(c, off + hlen, dlen);
        else if (dlen > 0) TcpPayload.print(c, sport, dport, off + hlen, dlen);
    }

    /** RFC 1122 4.2.2.12: text carried by a reset, at most 30 bytes, control characters escaped. */
    private static void resetData(Ctx c, int off, int len) {
        c.p(c.cur.has(off, len) ? " [RST" : " [!RST");
        if (len > 30) {
            len = 30;
            c.p("+");
        }
        c.p(" ");
        int n = Math.min(len, c.cur.avail(off));
        for (int i = 0; i < n; i++) {
            int ch = c.cur.data()[off + i] & 0xff;
            if (ch >= 0x80) {
                c.p("M-");
                ch &= 0x7f;
            }
            if (ch < 0x20 || ch == 0x7f) c.out.append('^').append((char) (ch ^ 0x40));
            else c.out.append((char) ch);
        }
        c.p("]");
    }

    private static void ports(Ctx c, Ip ip, int sport, int dport) {
        if (ip.addrsPrinted()) c.p(sport).p(" > ").p(dport).p(": ");
        else c.p(ip.src()).p(".").p(sport).p(" > ").p(ip.dst()).p(".").p(dport).p(": ");
    }

    static String flagText(int flags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) if ((flags & 1 << i) != 0) sb.append(FLAG_CHARS.charAt(i));
        return sb.isEmpty() ? "none" : sb.toString();
    }

    private static long[] relative(Ctx c, Ip ip, int sport, int dport, long seq, long ack) {
        byte[] b = c.cur.data();
        int n = ip.addrLen();
        int cmp = java.util.Arrays.compareUnsigned(b, ip.srcOff(), ip.srcOff() + n, b, ip.dstOff(), ip.dstOff() + n);
        boolean rev = cmp > 0 || cmp == 0 && sport > dport;
        String key = rev ? ip.dst() + "." + dport + ">" + ip.src() + "." + sport
                : ip.src() + "." + sport + ">" + ip.dst() + "." + dport;
        key = (ip.v6() ? "6 " : "4 ") + key;
        long[] th = c.state.tcp.get(key);
        if (th == null) {
            th = rev ? new long[] {(ack - 1) & 0xffffffffL, seq} : new long[] {seq, (ack - 1) & 0xffffffffL};
            c.state.tcp.put(key, th);
            c.sackBase = rev ? th[0] : th[1];
            return new long[] {seq, ack};
        }
        c.sackBase = rev ? th[0] : th[1];
        if (rev) return new long[] {(seq - th[1]) & 0xffffffffL, (ack - th[0]) & 0xffffffffL};
        return new long[] {(seq - th[0]) & 0xffffffffL, (ack - th[1]) & 0xffffffffL};
    }

    private static void checksum(Ctx c, Ip ip, int off, int len) {
        if (!c.cur.has(off, len) || ip.fragment()) return;
        int stored = c.cur.u16(off + 16);
        c.f(", cksum 0x%04x", stored);
        int sum = IpProto.checksum(IpProto.pseudoHeader(c, ip, 6, len), c.cur.data(), off, len);
        if (sum == 0) c.p(" (correct)");
        else c.f(" (incorrect -> 0x%04x)", fixed(c, ip, off, len, stored));
    }

    private static int fixed(Ctx c, Ip ip, int off, int len, int stored) {
        byte[] copy = java.util.Arrays.copyOfRange(c.cur.data(), 0, off + len);
        copy[off + 16] = 0;
        copy[off + 17] = 0;
        return IpProto.checksum(IpProto.pseudoHeader(c, ip, 6, len), copy, off, len);
    }
}
