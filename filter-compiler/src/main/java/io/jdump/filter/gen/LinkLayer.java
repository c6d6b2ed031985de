package io.jdump.filter.gen;

import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Size;
import io.jdump.filter.FilterSemanticException;
import io.jdump.filter.LinkType;

/**
 * Link-layer offsets of one compilation (libpcap's {@code off_linktype}, {@code off_linkpl},
 * {@code off_nl}, {@code off_nl_nosnap}) and the link-type test for a protocol. The offsets are
 * mutable: {@code vlan}, {@code mpls} and {@code pppoes} move them for every later primitive.
 */
final class LinkLayer {
    /** How the link header names the payload protocol. */
    enum Style { ETHER, LLC, WLAN, PFLOG, CHDLC, SLL, NULL_HOST, LOOP_NET, RAW, IPV4_ONLY, IPV6_ONLY, PPP,
        /** Serial and WAN links: SLIP (IP version nibble at byte 0), Frame Relay (Q.933 NLPID),
         *  LocalTalk (AppleTalk only), Juniper (the "MGC" cookie), SunATM (LLC traffic type, then SNAP),
         *  a plain Ethertype at a fixed offset (Symantec firewall). */
        SLIP, FRELAY, LTALK, JUNIPER, SUNATM, ETHERTYPE,
        /** One-byte ARCnet protocol ids ({@link ArcnetGen}). */
        ARCNET,
        /** Solaris ipnet: a one-byte address family. */
        IPNET,
        /** A link type without dedicated support: no protocol field, no addresses; only link-independent primitives compile. */
        NONE }

    static final int IP = 0x0800, IPV6 = 0x86dd, ARP = 0x0806, REVARP = 0x8035, ATALK = 0x809b, AARP = 0x80f3,
            DN = 0x6003, LAT = 0x6004, SCA = 0x6007, MOPDL = 0x6001, MOPRC = 0x6002, IPX = 0x8137, MPLS = 0x8847,
            PPPOED = 0x8863, PPPOES = 0x8864;
    static final int SAP_ISONS = 0xfe, SAP_IP = 0x06, SAP_NETBEUI = 0xf0, SAP_IPX = 0xe0, SAP_STP = 0x42;
    private static final int ETHERMTU = 1500;

    Style style;
    final LinkType type;
    int linktype;
    int linkpl;
    int nl;
    int nlNosnap;
    int mplsDepth;
    /** Scratch register holding the run-time start of the link payload, or -1 (allocated on first use). */
    int payloadReg = -1;
    /** Offset of the destination MAC address (the source follows it), or -1 without MAC addresses. */
    int macBase;
    boolean pppoes;
    /** Whether a {@code vxlan} or {@code geneve} came before (the offsets are those of the inner frame). */
    boolean tunnel;
    /** After SunATM's {@code lane}: the link is the emulated Ethernet, and LE control frames are not matched. */
    boolean lane;
    /** After a {@code vlan} compiled with Linux extensions: the link payload and link type offset registers, else null. */
    int[] vlanRegs;
    /**
     * Where the 802.11 header starts: 0, or {@link Gen#header}(0) behind a radio header of run-time length
     * (radiotap, AVS, Prism, PPI), whose length the prologue computes into {@link #headerReg}.
     */
    int hdr;
    /** Scratch register holding the run-time length of the radio header, or -1 (allocated on first use). */
    int headerReg = -1;

    private LinkLayer(LinkType type, Style style, int linktype, int linkpl, int nl, int nlNosnap) {
        this(type, style, linktype, linkpl, nl, nlNosnap, style == Style.ETHER ? 0 : -1);
    }

    private LinkLayer(LinkType type, Style style, int linktype, int linkpl, int nl, int nlNosnap, int macBase) {
        this.macBase = macBase;
        this.type = type;
        this.style = style;
        this.linktype = linktype;
        this.linkpl = linkpl;
        this.nl = nl;
        this.nlNosnap = nlNosnap;
    }

    static LinkLayer of(LinkType t) {
        return switch (t) {
            case EN10MB -> new LinkLayer(t, Style.ETHER, 12, 14, 0, 3);
            case FDDI -> new LinkLayer(t, Style.LLC, 19, 13, 8, 3, 1);
            case IEEE802 -> new LinkLayer(t, Style.LLC, 20, 14, 8, 3, 2);
            case PPP -> new LinkLayer(t, Style.PPP, 2, 4, 0, 0);
            case IP_OVER_FC -> new LinkLayer(t, Style.LLC, 22, 16, 8, 3, 2);
            case C_HDLC -> new LinkLayer(t, Style.CHDLC, 2, 4, 0, 1);
            case PFLOG -> new LinkLayer(t, Style.PFLOG, 1, Gen.VARIABLE, 0, 0);
            case IEEE802_11 -> new LinkLayer(t, Style.WLAN, Gen.VARIABLE + 6, Gen.VARIABLE, 8, 3, 4);
            case LINUX_SLL -> new LinkLayer(t, Style.SLL, 14, 16, 0, 0);
            case LINUX_SLL2 -> new LinkLayer(t, Style.SLL, 0, 20, 0, 0);
            case NULL -> new LinkLayer(t, Style.NULL_HOST, 0, 4, 0, 0);
            case LOOP -> new LinkLayer(t, Style.LOOP_NET, 0, 4, 0, 0);
            case RAW -> new LinkLayer(t, Style.RAW, -1, 0, 0, 0);
            case IPV4 -> new LinkLayer(t, Style.IPV4_ONLY, -1, 0, 0, 0);
            case IPV6 -> new LinkLayer(t, Style.IPV6_ONLY, -1, 0, 0, 0);
            // Pseudo-headers, switch tags, radio headers and 8-bit addresses (RadioHeaders, ArcnetGen, TagGen).
            case NETANALYZER -> new LinkLayer(t, Style.ETHER, 16, 18, 0, 3, 4);
            case NETANALYZER_TRANSPARENT -> new LinkLayer(t, Style.ETHER, 24, 26, 0, 3, 12);
            case DSA_TAG_BRCM, DSA_TAG_DSA -> new LinkLayer(t, Style.ETHER, 16, 18, 0, 3, 0);
            case IEEE802_11_RADIO, IEEE802_11_RADIO_AVS, PRISM_HEADER, PPI -> {
                LinkLayer l = new LinkLayer(t, Style.WLAN, Gen.VARIABLE + 6, Gen.VARIABLE, 8, 3, 4);
                l.hdr = Gen.header(0);
                yield l;
            }
            case ARCNET -> new LinkLayer(t, Style.ARCNET, 2, 6, 0, 0);
            case ARCNET_LINUX -> new LinkLayer(t, Style.ARCNET, 4, 8, 0, 0);
            case BACNET_MS_TP -> new LinkLayer(t, Style.NONE, -1, 0, 0, 0);
            case IPNET -> new LinkLayer(t, Style.IPNET, 1, 24, 0, 0);
            case APPLE_IP_OVER_IEEE1394 -> new LinkLayer(t, Style.ETHERTYPE, 16, 18, 0, 0);
            case ENC -> new LinkLayer(t, Style.NULL_HOST, 0, 12, 0, 0);
            // Serial and WAN links.
            case SLIP -> new LinkLayer(t, Style.SLIP, -1, 16, 0, 0);
            case SLIP_BSDOS -> new LinkLayer(t, Style.SLIP, -1, 24, 0, 0);
            case PPP_SERIAL, PPP_PPPD -> new LinkLayer(t, Style.PPP, 2, 4, 0, 0);
            case PPP_ETHER -> new LinkLayer(t, Style.PPP, 6, 8, 0, 0);
            case PPP_BSDOS -> new LinkLayer(t, Style.PPP, 5, 24, 0, 0);
            case FRELAY -> new LinkLayer(t, Style.FRELAY, -1, 0, 0, 0);
            case LTALK -> new LinkLayer(t, Style.LTALK, -1, 0, 0, 0);
            case JUNIPER_MFR -> new LinkLayer(t, Style.JUNIPER, -1, 4, 0, -1);
            case SYMANTEC_FIREWALL -> new LinkLayer(t, Style.ETHERTYPE, 6, 44, 0, 0);
            case ATM_RFC1483, ATM_CLIP -> new LinkLayer(t, Style.LLC, 6, 0, 8, 3, -1);
            case SUNATM -> new LinkLayer(t, Style.SUNATM, 10, 4, 8, 3, -1);
            default -> new LinkLayer(t, Style.NONE, -1, 0, 0, 0);
        };
    }

    /** Absolute offset of the network-layer header. */
    int net() { return linkpl + nl; }

    /** The test that the link layer carries {@code proto} (an Ethertype, or an LLC SAP when at most 1500). */
    Frag linktype(Gen g, int proto) {
        if (mplsDepth > 0) return mplsLinktype(g, proto);
        if (lane && style == Style.ETHER && !tunnel) return Frag.and(AtmGen.notLeControl(g), ether(g, proto));
        return switch (style) {
            case ETHER -> ether(g, proto);
            case LLC -> llc(g, proto);
            case CHDLC -> proto == SAP_ISONS ? g.eq(linktype, Size.H, 0xfefe)
                    : proto <= ETHERMTU ? Frag.FALSE : g.eq(linktype, Size.H, proto);
            case PFLOG -> AddressFamilies.pflog(g, proto);
            case WLAN -> {
                Frag data = g.eqMasked(hdr, Size.B, 0x0c, 0x08);
                yield Frag.and(data, llc(g, proto));
            }
            case SLL -> sll(g, proto);
            case NULL_HOST, LOOP_NET -> AddressFamilies.word(g, linktype, proto, style == Style.NULL_HOST);
            case RAW -> proto == IP ? g.eqMasked(linkpl, Size.B, 0xf0, 0x40)
                    : proto == IPV6 ? g.eqMasked(linkpl, Size.B, 0xf0, 0x60) : Frag.FALSE;
            case IPV4_ONLY -> Frag.constant(proto == IP);
            case IPV6_ONLY -> Frag.constant(proto == IPV6);
            case PPP -> ppp(g, proto);
            case SLIP -> proto == IP ? g.eqMasked(0, Size.B, 0xf0, 0x40)
                    : proto == IPV6 ? g.eqMasked(0, Size.B, 0xf0, 0x60) : Frag.FALSE;
            case FRELAY -> frelay(g, proto);
            case LTALK -> Frag.constant(proto == ATALK);
            case JUNIPER -> g.eqMasked(0, Size.W, 0xffffff00, 0x4d474300);
            case SUNATM -> Frag.and(AtmGen.llcTraffic(g), llc(g, proto));
            case ARCNET -> ArcnetGen.linktype(g, proto);
            case IPNET -> proto == IP ? g.eq(linktype, Size.B, 2) : proto == IPV6 ? g.eq(linktype, Size.B, 0x1a) : Frag.FALSE;
            case ETHERTYPE -> g.eq(linktype, Size.H, proto);
            case NONE -> throw new FilterSemanticException("link-layer type filtering not implemented for DLT_" + type.name());
        };
    }

    private Frag mplsLinktype(Gen g, int proto) {
        if (proto != IP && proto != IPV6) throw new FilterSemanticException("unsupported protocol over mpls");
        Frag bottom = g.jump(g.load(Size.B, linkpl + nl - 2), JmpOp.JSET, 0x01);
        return Frag.and(bottom, g.eqMasked(linkpl + nl, Size.B, 0xf0, proto == IP ? 0x40 : 0x60));
    }

    /** Not an 802.3 length field: {@code ldh [linktype]; jgt #1500} negated. */
    private Frag notLength(Gen g) {
        return g.cmpAbs(linktype, Size.H, -1, JmpOp.JGT, ETHERMTU).not();
    }

    private Frag ether(Gen g, int proto) {
        return switch (proto) {
            case SAP_ISONS, SAP_IP, SAP_NETBEUI -> Frag.and(notLength(g), g.eq(linkpl, Size.H, proto << 8 | proto));
            case SAP_IPX -> {
                Frag e = g.eq(linktype, Size.H, IPX);
                Frag llc = Frag.or(Frag.or(snap(g, linkpl, 0, IPX), g.eq(linkpl, Size.B, SAP_IPX)),
                        g.eq(linkpl, Size.H, 0xffff));
                yield Frag.or(e, Frag.and(notLength(g), llc));
            }
            case ATALK, AARP -> {
                Frag e = g.eq(linktype, Size.H, proto);
                yield Frag.or(e, Frag.and(notLength(g), snap(g, linkpl, proto == ATALK ? 0x080007 : 0, proto)));
            }
            default -> proto <= ETHERMTU
                    ? Frag.and(notLength(g), g.eq(linkpl, Size.B, proto))
                    : g.eq(linktype, Size.H, proto);
        };
    }

    /** 802.2 LLC links (FDDI, Token Ring): SAP tests on the LLC header, SNAP Ethertypes. */
    private Frag llc(Gen g, int proto) {
        return switch (proto) {
            case SAP_ISONS, SAP_IP, SAP_NETBEUI -> g.eq(linkpl, Size.H, proto << 8 | proto);
            case ATALK -> snap(g, linkpl, 0x080007, ATALK);
            default -> proto <= ETHERMTU ? g.eq(linkpl, Size.B, proto) : g.eq(linktype, Size.H, proto);
        };
    }

    int headerReg(Gen g) {
        if (headerReg < 0) headerReg = g.allocReg();
        return headerReg;
    }

    int payloadReg(Gen g) {
        if (payloadReg < 0) payloadReg = g.allocReg();
        return payloadReg;
    }

    /** Distance from the destination to the source MAC address (8 on Fibre Channel, which has a field between). */
    int macSourceDelta() {
        return type == LinkType.IP_OVER_FC ? 8 : 6;
    }

    /** Whether the link has MAC addresses (Ethernet, FDDI, Token Ring). */
    boolean hasMacs() {
        return macBase >= 0;
    }

    private static final int SLL_P_802_3 = 1, SLL_P_802_2 = 4;

    private Frag sll(Gen g, int proto) {
        return switch (proto) {
            case SAP_ISONS, SAP_IP, SAP_NETBEUI ->
                    Frag.and(g.eq(linktype, Size.H, SLL_P_802_2), g.eq(linkpl, Size.H, proto << 8 | proto));
            case SAP_IPX -> {
                Frag e = Frag.or(g.eq(linktype, Size.H, IPX), g.eq(linktype, Size.H, SLL_P_802_3));
                Frag llc = Frag.or(g.eq(linkpl, Size.B, SAP_IPX), snap(g, linkpl, 0, IPX));
                yield Frag.or(e, Frag.and(g.eq(linktype, Size.H, SLL_P_802_2), llc));
            }
            case ATALK, AARP -> Frag.or(g.eq(linktype, Size.H, proto), Frag.and(g.eq(linktype, Size.H, SLL_P_802_2),
                    snap(g, linkpl, proto == ATALK ? 0x080007 : 0, proto)));
            default -> proto <= ETHERMTU
                    ? Frag.and(g.eq(linktype, Size.H, SLL_P_802_2), g.eq(linkpl, Size.B, proto))
                    : g.eq(linktype, Size.H, proto);
        };
    }

    /** An LLC/SNAP header at {@code off}: AA AA 03, the OUI and the protocol, compared as two words from the end. */
    static Frag snap(Gen g, int off, int oui, int ptype) {
        Frag tail = g.eq(off + 4, Size.W, (oui & 0xffff) << 16 | ptype);
        return Frag.and(tail, g.eq(off, Size.W, 0xaaaa0300 | (oui >>> 16 & 0xff)));
    }

    /** Frame Relay: the Q.933 NLPID after the 2-byte address and the UI control byte, compared as one halfword. */
    private Frag frelay(Gen g, int proto) {
        return switch (proto) {
            case IP -> g.eq(2, Size.H, 0x03cc);
            case IPV6 -> g.eq(2, Size.H, 0x038e);
            case SAP_ISONS -> Frag.or(Frag.or(g.eq(2, Size.H, 0x0381), g.eq(2, Size.H, 0x0382)), g.eq(2, Size.H, 0x0383));
            default -> Frag.FALSE;
        };
    }

    private Frag ppp(Gen g, int proto) {
        if (type == LinkType.PPP_BSDOS && proto == IP && mplsDepth == 0 && !pppoes) {
            // BSD/OS also marks Van Jacobson compressed (0x2d) and uncompressed (0x2f) TCP/IP as IP.
            return Frag.or(Frag.or(g.eq(linktype, Size.H, 0x21), g.eq(linktype, Size.H, 0x2d)), g.eq(linktype, Size.H, 0x2f));
        }
        int p = switch (proto) {
            case IP -> 0x21;
            case IPV6 -> 0x57;
            case DN -> 0x27;
            case ATALK -> 0x29;
            case IPX, SAP_IPX -> 0x2b;
            case 0x0600 -> 0x25;
            case SAP_STP -> 0x31;
            case SAP_ISONS -> 0x23;
            case SAP_NETBEUI -> 0x3f;
            case MPLS -> 0x281;
            default -> proto;
        };
        return g.eq(linktype, Size.H, p);
    }

    /** Whether the link layer has a protocol field at all (libpcap: {@code off_linktype != -1}). */
    boolean hasLinktype() {
        return linktype >= 0;
    }
}
