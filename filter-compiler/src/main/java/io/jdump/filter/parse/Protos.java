package io.jdump.filter.parse;

import io.jdump.filter.ast.Proto;
import io.jdump.filter.lex.TokenKind;

/** Maps protocol keywords to {@link Proto} ({@code fddi}, {@code tr}, {@code wlan}, {@code ether} all mean the link layer). */
final class Protos {
    private Protos() {}

    static Proto of(TokenKind k) {
        return switch (k) {
            case LINK, FDDI, TR, WLAN -> Proto.LINK;
            case IP -> Proto.IP;
            case IP6 -> Proto.IP6;
            case ARP -> Proto.ARP;
            case RARP -> Proto.RARP;
            case SCTP -> Proto.SCTP;
            case TCP -> Proto.TCP;
            case UDP -> Proto.UDP;
            case ICMP -> Proto.ICMP;
            case ICMP6 -> Proto.ICMP6;
            case IGMP -> Proto.IGMP;
            case IGRP -> Proto.IGRP;
            case PIM -> Proto.PIM;
            case VRRP -> Proto.VRRP;
            case CARP -> Proto.CARP;
            case RADIO -> Proto.RADIO;
            case AH -> Proto.AH;
            case ESP -> Proto.ESP;
            case ATALK -> Proto.ATALK;
            case AARP -> Proto.AARP;
            case DECNET -> Proto.DECNET;
            case LAT -> Proto.LAT;
            case SCA -> Proto.SCA;
            case MOPRC -> Proto.MOPRC;
            case MOPDL -> Proto.MOPDL;
            case ISO -> Proto.ISO;
            case ESIS -> Proto.ESIS;
            case ISIS -> Proto.ISIS;
            case L1 -> Proto.ISIS_L1;
            case L2 -> Proto.ISIS_L2;
            case IIH -> Proto.ISIS_IIH;
            case LSP -> Proto.ISIS_LSP;
            case SNP -> Proto.ISIS_SNP;
            case CSNP -> Proto.ISIS_CSNP;
            case PSNP -> Proto.ISIS_PSNP;
            case CLNP -> Proto.CLNP;
            case STP -> Proto.STP;
            case IPX -> Proto.IPX;
            case NETBEUI -> Proto.NETBEUI;
            default -> null;
        };
    }
}
