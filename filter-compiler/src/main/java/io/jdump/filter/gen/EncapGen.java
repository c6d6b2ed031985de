package io.jdump.filter.gen;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Extension;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.filter.ast.Expr;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Sense;
import java.util.List;

/** Encapsulations that shift later offsets ({@code vlan}, {@code mpls}, {@code pppoes}) and the packet-direction tests. */
final class EncapGen {
    private EncapGen() {}

    static Frag encap(Gen g, Expr.Encap e) {
        LinkLayer l = g.link;
        return switch (e.kind()) {
            case VLAN -> vlan(g, e.id());
            case MPLS -> mpls(g, e.id());
            case PPPOED -> l.linktype(g, LinkLayer.PPPOED);
            case PPPOES -> pppoes(g, e.id());
            case GENEVE, VXLAN -> {
                if (e.id() != null && e.id() > 0xffffff) {
                    throw Gen.error((e.kind() == Expr.Encap.Kind.VXLAN ? "VXLAN" : "Geneve") + " VNI " + e.id()
                            + " greater than maximum 16777215");
                }
                yield e.kind() == Expr.Encap.Kind.VXLAN ? TunnelGen.vxlan(g, e.id()) : TunnelGen.geneve(g, e.id());
            }
        };
    }

    private static Frag vlan(Gen g, Long id) {
        LinkLayer l = g.link;
        boolean radio = RadioHeaders.vlan(l);
        if (l.style != LinkLayer.Style.ETHER && !radio) {
            throw Gen.error("'vlan' not supported on DLT_" + (l.pppoes ? "PPP" : l.type.name()));
        }
        if (id != null && id > 4095) throw Gen.error("VLAN tag " + id + " greater than maximum 4095");
        Frag tpid = radio ? Frag.or(Frag.or(l.linktype(g, 0x8100), l.linktype(g, 0x88a8)), l.linktype(g, 0x9100))
                : Frag.or(Frag.or(g.eq(l.linktype, Size.H, 0x8100), g.eq(l.linktype, Size.H, 0x88a8)),
                g.eq(l.linktype, Size.H, 0x9100));
        if (g.opts.linuxExtensions() && TagGen.kernelVlan(l) && l.vlanRegs == null && !l.tunnel && !l.pppoes && l.mplsDepth == 0
                && l.linktype < Gen.VARIABLE) {
            return vlanLinux(g, tpid, id);
        }
        // Over 802.11 the tag follows the LLC/SNAP header (the network layer's offset in the payload).
        int tci = radio ? l.linkpl + l.nl : l.linkpl;
        Frag f = id == null ? tpid : Frag.and(tpid, g.eqMasked(tci, Size.H, 0x0fff, id.intValue()));
        l.linktype += 4;
        l.linkpl += 4;
        return f;
    }

    /**
     * The first {@code vlan} of a live capture with Linux BPF extensions: the kernel may have stripped the tag
     * into metadata ({@code vlanp}, {@code vlan_tci}) or left it in the frame. Later offsets are then only known
     * at run time: they move by 4 in two scratch registers (zeroed at program start) when the tag is inline.
     */
    private static Frag vlanLinux(Gen g, Frag tpid, Long id) {
        LinkLayer l = g.link;
        int pl = g.allocReg(), type = g.allocReg();
        l.vlanRegs = new int[] {pl, type};
        Frag present = g.eq(Extension.VLAN_TAG_PRESENT.k(), Size.B, 1);
        tpid.entry().stmts().addAll(0, List.of(new Insn.LoadMem(Reg.A, pl), add(4), new Insn.Store(Reg.A, pl),
                new Insn.LoadMem(Reg.A, type), add(4), new Insn.Store(Reg.A, type)));
        Frag f = Frag.or(present, tpid);
        if (id != null) {
            Block ask = g.block(g.load(Size.B, Extension.VLAN_TAG_PRESENT.k()), new Branch.CondK(JmpOp.JEQ, 1));
            Block meta = g.block(g.load(Size.H, Extension.VLAN_TAG.k()), new Branch.Goto());
            Block inline = g.block(g.load(Size.H, l.linkpl), new Branch.Goto());
            Block cmp = g.block(List.of(new Insn.AluK(AluOp.AND, 0x0fff)), new Branch.CondK(JmpOp.JEQ, id.intValue()));
            ask.setSuccessor(Sense.TRUE, meta);
            ask.setSuccessor(Sense.FALSE, inline);
            meta.setSuccessor(Sense.TRUE, cmp);
            inline.setSuccessor(Sense.TRUE, cmp);
            Frag c = Frag.of(cmp);
            f = Frag.and(f, new Frag(ask, c.trueExits(), c.falseExits(), null, false));
        }
        l.linktype = Gen.relative(type, l.linktype);
        l.linkpl = Gen.relative(pl, l.linkpl);
        return f;
    }

    private static Insn add(int k) {
        return new Insn.AluK(AluOp.ADD, k);
    }

    private static Frag mpls(Gen g, Long label) {
        LinkLayer l = g.link;
        if (label != null && label > 0xfffff) throw Gen.error("MPLS label " + label + " greater than maximum 1048575");
        Frag f;
        if (l.mplsDepth > 0) {
            f = g.jump(g.load(Size.B, l.net() - 2), JmpOp.JSET, 1).not();
        } else {
            boolean ppp = l.style == LinkLayer.Style.PPP && (l.type == io.jdump.filter.LinkType.PPP || l.pppoes);
            if (l.style != LinkLayer.Style.ETHER && !ppp) {
                throw Gen.error("'mpls' not supported on DLT_" + l.type.name());
            }
            f = l.linktype(g, LinkLayer.MPLS);
        }
        if (label != null) f = Frag.and(f, g.eqMasked(l.net(), Size.W, 0xfffff000, (int) (label << 12)));
        l.nl += 4;
        l.mplsDepth++;
        return f;
    }

    private static Frag pppoes(Gen g, Long id) {
        LinkLayer l = g.link;
        if (id != null && id > 0xffff) throw Gen.error("PPPoE session number " + id + " greater than maximum 65535");
        Frag f = l.linktype(g, LinkLayer.PPPOES);
        // The PPPoE header is the network layer (after the LLC/SNAP header on ATM and LLC links).
        int pppoe = l.net();
        if (id != null) f = Frag.and(f, g.eq(pppoe + 2, Size.H, id.intValue()));
        l.linktype = pppoe + 6;
        l.linkpl = pppoe + 8;
        l.nl = 0;
        l.pppoes = true;
        l.nlNosnap = 0;
        l.style = LinkLayer.Style.PPP;
        return f;
    }

    static Frag direction(Gen g, boolean inbound) {
        LinkLayer l = g.link;
        if (l.style == LinkLayer.Style.PFLOG) return PflogGen.direction(g, inbound);
        Frag serial = serialDirection(g, inbound);
        if (serial != null) return serial;
        Frag tagged = TagGen.direction(g, inbound);
        if (tagged != null) return tagged;
        boolean sll = l.type == io.jdump.filter.LinkType.LINUX_SLL || l.type == io.jdump.filter.LinkType.LINUX_SLL2;
        if (g.opts.linuxExtensions() && !sll) {
            Frag out = g.eq(io.jdump.bpf.Extension.PKTTYPE.k(), Size.H, 4);
            return inbound ? out.not() : out;
        }
        Frag out = switch (l.type) {
            case LINUX_SLL -> g.eq(0, Size.H, 4);
            case LINUX_SLL2 -> g.eq(10, Size.B, 4);
            default -> throw Gen.error("not a live capture, '" + (inbound ? "inbound" : "outbound")
                    + "' not supported on DLT_" + l.type.name());
        };
        return inbound ? out.not() : out;
    }

    /** Serial links with a direction field: SLIP and pppd byte 0 (0 in, 1 out); Juniper bit 0 of byte 3 (set when in). Else null. */
    private static Frag serialDirection(Gen g, boolean inbound) {
        return switch (g.link.type) {
            case SLIP, PPP_PPPD -> g.eq(0, Size.B, inbound ? 0 : 1);
            case JUNIPER_MFR -> g.eqMasked(3, Size.B, 0x01, inbound ? 1 : 0);
            default -> null;
        };
    }

    static Frag ifindex(Gen g, long n) {
        if (g.link.type != io.jdump.filter.LinkType.LINUX_SLL2 && g.opts.linuxExtensions()) {
            return g.eq(io.jdump.bpf.Extension.IFINDEX.k(), Size.W, (int) n);
        }
        if (g.link.type != io.jdump.filter.LinkType.LINUX_SLL2) {
            throw Gen.error("not a live capture, 'ifindex' not supported on DLT_" + g.link.type.name());
        }
        return g.eq(4, Size.W, (int) n);
    }
}
