package io.jdump.print;

/**
 * What a protocol printer works with for one frame: the output, the options, the bounded
 * {@link Cursor}, the state kept across frames, and the name of the innermost protocol begun
 * (tcpdump's {@code ndo_protocol}), which the truncation marker {@code [|name]} shows.
 */
final class Ctx {
    final StringBuilder out;
    final PrintOptions opts;
    final Cursor cur;
    final PrinterState state;
    final int wirelen;
    String proto = "";
    /** Length of the link-level header, which {@code -x} leaves out of the dump. */
    int linkHeader;
    /** True while printing a message on the mDNS port, whose questions show the QU/QM bit. */
    boolean mdns;
    /** Offset and length of the outermost Ethernet header, for the unknown-ethertype fallback line. */
    int etherOff = -1;
    int etherLen;
    /** What relative TCP SACK blocks are measured from (the acknowledgement base), or 0. */
    long sackBase;
    /** Offset of the ARP header being printed. */
    int arpOff;

    Ctx(StringBuilder out, PrintOptions opts, byte[] data, int wirelen, PrinterState state) {
        this.out = out;
        this.opts = opts;
        this.cur = new Cursor(data);
        this.wirelen = wirelen;
        this.state = state;
    }

    int v() { return opts.verbosity(); }

    boolean quiet() { return opts.quiet(); }

    Ctx p(String s) {
        out.append(s);
        return this;
    }

    Ctx p(long n) {
        out.append(n);
        return this;
    }

    Ctx f(String fmt, Object... args) {
        Fmt.append(out, fmt, args);
        return this;
    }

    /** Dotted-quad IPv4 address at {@code off}. */
    String ip4(int off) {
        cur.check(off, 4);
        return Addr.ip4(cur.data(), off);
    }

    /** IPv6 address at {@code off}, in inet_ntop's compressed form. */
    String ip6(int off) {
        cur.check(off, 16);
        return Addr.ip6(cur.data(), off);
    }

    /** MAC-48 address at {@code off}, as {@code aa:bb:cc:dd:ee:ff}. */
    String mac(int off) {
        cur.check(off, 6);
        return Addr.mac(cur.data(), off, 6);
    }

    /** Appends tcpdump's default hex-and-ASCII dump of {@code len} bytes (clipped to the capture). */
    void hexAscii(int off, int len) {
        if (opts.hex() != PrintOptions.HexMode.NONE || opts.quiet()) return;
        HexDump.hexAscii(out, cur.data(), off, Math.min(len, cur.avail(off)), "\n\t");
    }

    /** Appends the plain hex dump (as {@code -x}) of {@code len} bytes, clipped to the capture. */
    void hex(int off, int len) {
        HexDump.hex(out, cur.data(), off, Math.min(len, cur.avail(off)), "\n\t");
    }

    /** Prints bytes as ASCII, stopping at the end of the capture; true when all {@code len} bytes were there. */
    boolean printable(int off, int len) {
        int n = Math.min(len, cur.avail(off));
        for (int i = 0; i < n; i++) {
            int b = cur.data()[off + i] & 0xff;
            out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return n == len;
    }
}
