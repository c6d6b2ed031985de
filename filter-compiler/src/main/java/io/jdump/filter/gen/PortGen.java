package io.jdump.filter.gen;

import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Size;
import io.jdump.filter.ast.Dir;
import io.jdump.filter.ast.Proto;

/** {@code port} and {@code portrange} over TCP, UDP and SCTP, IPv6 first then IPv4 (libpcap 1.11 order). */
final class PortGen {
    private PortGen() {}

    /** Ports {@code lo..hi} (equal for {@code port}); {@code proto} is TCP, UDP, SCTP or DEFAULT. */
    static Frag ports(Gen g, int lo, int hi, Proto proto, Dir dir) {
        int ipproto = switch (proto) {
            case TCP -> ProtoGen.TCP;
            case UDP -> ProtoGen.UDP;
            case SCTP -> ProtoGen.SCTP;
            case DEFAULT -> -1;
            default -> throw Gen.error("'" + proto.word() + "' modifier applied to port");
        };
        return Frag.or(v6(g, lo, hi, ipproto, dir), v4(g, lo, hi, ipproto, dir));
    }

    static Frag ports(Gen g, int lo, int hi, Proto proto, Dir dir, boolean v6Only, boolean v4Only) {
        return ports(g, lo, hi, proto, dir);
    }

    private static Frag protoCheck(Gen g, int off, int ipproto) {
        if (ipproto >= 0) return g.eq(off, Size.B, ipproto);
        return Frag.or(Frag.or(g.eq(off, Size.B, ProtoGen.TCP), g.eq(off, Size.B, ProtoGen.UDP)),
                g.eq(off, Size.B, ProtoGen.SCTP));
    }

    private static Frag v6(Gen g, int lo, int hi, int ipproto, Dir dir) {
        Frag lt = g.link.linktype(g, LinkLayer.IPV6);
        if (lt.isFalse()) return lt;
        int nl = g.link.net();
        Frag pc = protoCheck(g, nl + 6, ipproto);
        Frag ports = HostGen.dirOp(dir, () -> range6(g, nl + 40, lo, hi), () -> range6(g, nl + 42, lo, hi));
        return Frag.and(lt, Frag.and(pc, ports));
    }

    private static Frag range6(Gen g, int off, int lo, int hi) {
        if (lo == hi) return g.eq(off, Size.H, lo);
        return Frag.and(g.cmpAbs(off, Size.H, -1, JmpOp.JGE, lo), g.cmpAbs(off, Size.H, -1, JmpOp.JGT, hi).not());
    }

    private static Frag v4(Gen g, int lo, int hi, int ipproto, Dir dir) {
        Frag lt = g.link.linktype(g, LinkLayer.IP);
        if (lt.isFalse()) return lt;
        Frag pc = protoCheck(g, g.link.net() + 9, ipproto);
        Frag frag = ProtoGen.notFragment(g);
        Frag ports = HostGen.dirOp(dir, () -> range4(g, 0, lo, hi), () -> range4(g, 2, lo, hi));
        return Frag.and(lt, Frag.and(pc, Frag.and(frag, ports)));
    }

    private static Frag range4(Gen g, int off, int lo, int hi) {
        if (lo == hi) return g.cmpTransportV4(off, Size.H, JmpOp.JEQ, lo);
        return Frag.and(g.cmpTransportV4(off, Size.H, JmpOp.JGE, lo), g.cmpTransportV4(off, Size.H, JmpOp.JGT, hi).not());
    }
}
