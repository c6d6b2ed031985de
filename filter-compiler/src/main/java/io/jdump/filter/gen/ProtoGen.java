package io.jdump.filter.gen;

import static io.jdump.filter.gen.LinkLayer.*;

import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Size;
import io.jdump.filter.ast.Proto;
import java.util.List;

/** Protocol tests: {@code tcp}, {@code ip6}, {@code ip proto 6}, {@code ether proto \arp}, the IP-in-link tests. */
final class ProtoGen {
    private ProtoGen() {}

    static final int TCP = 6, UDP = 17, SCTP = 132, ICMP = 1, IGMP = 2, IGRP = 9, PIM = 103, VRRP = 112, AH = 51,
            ESP = 50, ICMPV6 = 58, FRAGMENT6 = 44;

    /** The Ethertype / SAP libpcap's {@code gen_linktype} is called with for a protocol qualifier, or -1. */
    static int etherOf(Proto p) {
        return switch (p) {
            case IP -> IP;
            case IP6 -> IPV6;
            case ARP -> ARP;
            case RARP -> REVARP;
            case ATALK -> ATALK;
            case AARP -> AARP;
            case DECNET -> DN;
            case LAT -> LAT;
            case SCA -> SCA;
            case MOPRC -> MOPRC;
            case MOPDL -> MOPDL;
            case IPX -> SAP_IPX;
            case NETBEUI -> SAP_NETBEUI;
            case STP -> SAP_STP;
            case ISO -> SAP_ISONS;
            default -> -1;
        };
    }

    static Frag abbrev(Gen g, Proto p) {
        return switch (p) {
            case TCP -> both(g, TCP);
            case UDP -> both(g, UDP);
            case SCTP -> both(g, SCTP);
            case ICMP -> ip(g, ICMP);
            case IGMP -> ip(g, IGMP);
            case IGRP -> ip(g, IGRP);
            case VRRP, CARP -> ip(g, VRRP);
            case PIM -> both(g, PIM);
            case AH -> both(g, AH);
            case ESP -> both(g, ESP);
            case ICMP6 -> ip6(g, ICMPV6);
            case ESIS -> iso(g, 0x82);
            case ISIS -> iso(g, 0x83);
            case CLNP -> iso(g, 0x81);
            case ISIS_L1 -> isisPdus(g, 0x1a, 0x18, 0x12, 0x0f, 0x11);
            case ISIS_L2 -> isisPdus(g, 0x1b, 0x19, 0x14, 0x10, 0x11);
            case ISIS_IIH -> isisPdus(g, 0x11, 0x0f, 0x10);
            case ISIS_LSP -> isisPdus(g, 0x12, 0x14);
            case ISIS_SNP -> isisPdus(g, 0x1b, 0x1a, 0x18, 0x19);
            case ISIS_CSNP -> isisPdus(g, 0x18, 0x19);
            case ISIS_PSNP -> isisPdus(g, 0x1a, 0x1b);
            case LINK, RADIO -> throw Gen.error("'" + p.word() + "' cannot be used as an abbreviation");
            default -> {
                int e = etherOf(p);
                if (e < 0) throw Gen.error("'" + p.word() + "' is not supported by jdump's compiler yet");
                yield g.link.linktype(g, e);
            }
        };
    }

    /** {@code proto p} over IPv4 and IPv6 (IPv4 first). */
    static Frag both(Gen g, int p) {
        return Frag.or(ip(g, p), ip6(g, p));
    }

    /** IPv4 with protocol field {@code p}. */
    static Frag ip(Gen g, int p) {
        Frag lt = g.link.linktype(g, IP);
        if (lt.isFalse()) return lt;
        return Frag.and(lt, g.eq(g.link.net() + 9, Size.B, p));
    }

    /** IPv6 with next header {@code p}, directly or after one fragment header. */
    static Frag ip6(Gen g, int p) {
        Frag lt = g.link.linktype(g, IPV6);
        if (lt.isFalse()) return lt;
        int nl = g.link.net();
        Frag direct = g.eq(nl + 6, Size.B, p);
        Frag frag = Frag.and(g.eq(nl + 6, Size.B, FRAGMENT6), g.eq(nl + 40, Size.B, p));
        return Frag.and(lt, Frag.or(direct, frag));
    }

    /** An OSI protocol (CLNP, ES-IS, IS-IS) after the ISO SAP. */
    static Frag iso(Gen g, int nlpid) {
        if (g.link.style == LinkLayer.Style.FRELAY) return g.eq(2, Size.H, 0x0300 | nlpid);
        Frag lt = g.link.linktype(g, SAP_ISONS);
        if (lt.isFalse()) return lt;
        return Frag.and(lt, g.eq(g.link.linkpl + g.link.nlNosnap, Size.B, nlpid));
    }

    /** IS-IS with PDU type {@code type} (the low 5 bits of the fifth byte of the IS-IS header). */
    static Frag isisPdu(Gen g, int type) {
        Frag f = iso(g, 0x83);
        if (f.isFalse()) return f;
        return Frag.and(f, g.eqMasked(g.link.linkpl + g.link.nlNosnap + 4, Size.B, 0x1f, type));
    }

    private static Frag isisPdus(Gen g, int... types) {
        Frag f = isisPdu(g, types[0]);
        for (int i = 1; i < types.length; i++) f = Frag.or(f, isisPdu(g, types[i]));
        return f;
    }

    /** Not a non-first IPv4 fragment: {@code ldh [nl+6]; jset #0x1fff} with the edges swapped. */
    static Frag notFragment(Gen g) {
        return g.jump(g.load(Size.H, g.link.net() + 6), JmpOp.JSET, 0x1fff).not();
    }
}
