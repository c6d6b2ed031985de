package io.jdump.filter.gen;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Edge;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vxlan [vni]} and {@code geneve [vni]}: UDP tunnels whose inner frame starts at a run-time
 * offset (the outer IPv4 header has a variable length). Two alternatives (outer IPv4, outer IPv6) leave
 * the offset of the UDP header, less its constant part, in A and X; a join block then computes the
 * inner header positions into three fresh scratch registers (link header, protocol type, link
 * payload), and every later primitive loads relative to them ({@link Gen#relative}).
 */
final class TunnelGen {
    private TunnelGen() {}

    private static final int VXLAN_PORT = 4789, GENEVE_PORT = 6081, UDP_HDR = 8, IP6_HDR = 40, TEB = 0x6558;

    static Frag vxlan(Gen g, Long vni) {
        int c = Gen.disp(g.link.net()) + UDP_HDR;
        Frag outer = outer(g, VXLAN_PORT, Size.B, -1, 0x08, vni);
        int hdr = g.allocReg(), type = g.allocReg(), pl = g.allocReg();
        Block join = g.block(List.of(add(c), add(UDP_HDR), new Insn.Store(Reg.A, hdr), add(12), new Insn.Store(Reg.A, type), add(2),
                new Insn.Tax(), new Insn.Store(Reg.X, pl), new Insn.LoadImm(Reg.A, 0)), new Branch.CondK(JmpOp.JEQ, 0));
        inner(g, hdr, type, pl);
        return Frag.and(outer, Frag.of(join));
    }

    static Frag geneve(Gen g, Long vni) {
        int c = Gen.disp(g.link.net()) + UDP_HDR;
        Frag outer = outer(g, GENEVE_PORT, Size.B, 0xc0, 0, vni);
        int type = g.allocReg(), hdr = g.allocReg(), pl = g.allocReg();
        Block head = g.block(List.of(add(c), new Insn.Tax(), add(2), new Insn.Store(Reg.A, type), new Insn.LoadInd(Size.B, 0),
                new Insn.AluK(AluOp.AND, 0x3f), new Insn.AluK(AluOp.MUL, 4), add(8), new Insn.AluX(AluOp.ADD),
                new Insn.Store(Reg.A, hdr), new Insn.LoadInd(Size.H, 2), new Insn.LoadMem(Reg.X, hdr)),
                new Branch.CondK(JmpOp.JEQ, TEB));
        Block ether = g.block(List.of(new Insn.Txa(), add(12), new Insn.Store(Reg.A, type), add(2), new Insn.Tax()),
                new Branch.Goto());
        Block join = g.block(List.of(new Insn.Store(Reg.X, pl), new Insn.LoadImm(Reg.A, 0)), new Branch.CondK(JmpOp.JEQ, 0));
        head.setSuccessor(Sense.TRUE, ether);
        head.setSuccessor(Sense.FALSE, join);
        ether.setSuccessor(Sense.TRUE, join);
        inner(g, hdr, type, pl);
        Frag tail = new Frag(head, new ArrayList<>(List.of(new Edge(join, Sense.TRUE))),
                new ArrayList<>(List.of(new Edge(join, Sense.FALSE))), null, false);
        return Frag.and(outer, tail);
    }

    /**
     * The outer tests: IPv4 or IPv6, UDP to {@code port}, the tunnel's first byte (masked) equal to {@code first},
     * the VNI if given; each alternative ends with the UDP header's variable offset in A and X.
     */
    private static Frag outer(Gen g, int port, Size size, int mask, int first, Long vni) {
        LinkLayer l = g.link;
        int nl = l.net();
        Frag v4 = Frag.and(Frag.and(ProtoGen.ip(g, ProtoGen.UDP), ProtoGen.notFragment(g)),
                g.cmpTransportV4(2, Size.H, JmpOp.JEQ, port));
        List<Insn> s = g.loadIpHeaderLength();
        s.add(new Insn.LoadInd(size, Gen.disp(nl) + UDP_HDR));
        if (mask != -1) s.add(new Insn.AluK(AluOp.AND, mask));
        v4 = Frag.and(v4, g.jump(s, JmpOp.JEQ, first));
        if (vni != null) {
            List<Insn> v = g.loadIpHeaderLength();
            v.add(new Insn.LoadInd(Size.W, Gen.disp(nl) + UDP_HDR + 4));
            v.add(new Insn.AluK(AluOp.AND, 0xffffff00));
            v4 = Frag.and(v4, g.jump(v, JmpOp.JEQ, (int) (vni << 8)));
        }
        List<Insn> a4 = g.loadIpHeaderLength();
        a4.add(new Insn.Txa());
        v4 = Frag.and(v4, Frag.of(g.block(a4, new Branch.CondX(JmpOp.JEQ))));
        Frag v6 = Frag.and(Frag.and(l.linktype(g, LinkLayer.IPV6), g.eq(nl + 6, Size.B, ProtoGen.UDP)),
                g.eq(nl + IP6_HDR + 2, Size.H, port));
        v6 = Frag.and(v6, g.cmpAbs(nl + IP6_HDR + UDP_HDR, size, mask, JmpOp.JEQ, first));
        if (vni != null) v6 = Frag.and(v6, g.eqMasked(nl + IP6_HDR + UDP_HDR + 4, Size.W, 0xffffff00, (int) (vni << 8)));
        List<Insn> a6 = new ArrayList<>();
        if (nl >= Gen.VARIABLE) {
            a6.add(new Insn.LoadMem(Reg.X, g.baseReg(nl)));
            a6.add(new Insn.LoadImm(Reg.A, IP6_HDR));
            a6.add(new Insn.AluX(AluOp.ADD));
        } else {
            a6.add(new Insn.LoadImm(Reg.A, IP6_HDR));
        }
        a6.add(new Insn.Tax());
        v6 = Frag.and(v6, Frag.of(g.block(a6, new Branch.CondX(JmpOp.JEQ))));
        return Frag.or(v4, v6);
    }

    /** Later primitives see an Ethernet frame whose offsets are in the given registers. */
    private static void inner(Gen g, int hdr, int type, int pl) {
        LinkLayer l = g.link;
        l.style = LinkLayer.Style.ETHER;
        l.tunnel = true;
        l.macBase = Gen.relative(hdr, 0);
        l.linktype = Gen.relative(type, 0);
        l.linkpl = Gen.relative(pl, 0);
        l.nl = 0;
        l.nlNosnap = 3;
        l.mplsDepth = 0;
    }

    private static Insn add(int k) {
        return new Insn.AluK(AluOp.ADD, k);
    }
}
