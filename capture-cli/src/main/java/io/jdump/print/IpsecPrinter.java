package io.jdump.print;

/**
 * IPsec ESP (RFC 4303) and AH (RFC 4302) headers; ESP payloads are encrypted and not decoded.
 *
 * <pre>
 * ESP: | SPI 4 | sequence 4 | payload ...
 * AH:  | next 1 | len 1 | reserved 2 | SPI 4 | sequence 4 | ICV ... |
 * </pre>
 */
final class IpsecPrinter {
    private IpsecPrinter() {}

    static void esp(Ctx c, int off, int len) {
        c.proto = "esp";
        c.cur.check(off, 9);
        c.f("ESP(spi=0x%08x,seq=0x%x), length %d", c.cur.u32(off), c.cur.u32(off + 4), len);
    }

    /** Prints an AH header; returns its length, or -1 when nothing follows. */
    static int ah(Ctx c, Ip ip, int off, int len) {
        c.proto = "ah";
        int next = c.cur.u8(off);
        int hl = (c.cur.u8(off + 1) + 2) * 4;
        c.p("AH(");
        if (c.v() > 0) c.f("length=%d(%d-bytes),", c.cur.u8(off + 1), hl);
        c.f("spi=0x%08x", c.cur.u32(off + 4)).p(",");
        c.f("seq=0x%x", c.cur.u32(off + 8)).p(",icv=0x");
        c.cur.check(off, hl);
        for (int i = 12; i < hl; i++) c.f("%02x", c.cur.u8(off + i));
        c.p("): ");
        if (!ip.v6()) {
            Ip inner = ip.withAddrsPrinted(true, next, ip.fragment());
            if (!Dispatch.ipProto(c, inner, next, off + hl, len - hl)) c.p("ip-proto-").p(next).p(" ").p(len - hl);
        }
        return hl;
    }
}
