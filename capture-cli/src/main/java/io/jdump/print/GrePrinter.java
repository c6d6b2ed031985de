package io.jdump.print;

/**
 * GRE (RFC 2784, RFC 2890) version 0.
 *
 * <pre>
 * |C| |K|S| reserved |ver| protocol type | [checksum, reserved] [key] [sequence] |
 * </pre>
 */
final class GrePrinter {
    private GrePrinter() {}

    static void print(Ctx c, int off, int len) {
        c.proto = "gre";
        int flags = c.cur.u16(off);
        int ver = flags & 7;
        c.p("GREv").p(ver);
        int proto = c.cur.u16(off + 2);
        int hl = 4;
        if ((flags & 0x8000) != 0) hl += 4;
        if ((flags & 0x2000) != 0) hl += 4;
        if ((flags & 0x1000) != 0) hl += 4;
        if (c.v() > 0) c.p(", Flags [none]");
        if (c.opts.linkLevel()) c.f(", proto %s (0x%04x)", Dispatch.ethertypeName(proto), proto);
        c.p(", length ").p(len).p(c.v() > 0 ? "\n\t" : ": ");
        if (proto == 0x6558) EtherPrinter.print(c, off + hl, len - hl);
        else if (!Dispatch.ethertype(c, proto, off + hl, len - hl)) c.hexAscii(off + hl, len - hl);
    }
}
