package io.jdump.filter.ast;

/** Protocol qualifiers ({@code pname} in libpcap's grammar); {@link #DEFAULT} when none is written, {@link #UNDEF} after a primitive that passes no qualifiers on. */
public enum Proto {
    DEFAULT, UNDEF, LINK, IP, ARP, RARP, SCTP, TCP, UDP, ICMP, IGMP, IGRP, ATALK, DECNET, LAT, SCA, MOPRC, MOPDL,
    IP6, ICMP6, AH, ESP, PIM, VRRP, CARP, AARP, ISO, ESIS, ISIS, CLNP, STP, IPX, NETBEUI, RADIO,
    ISIS_L1, ISIS_L2, ISIS_IIH, ISIS_LSP, ISIS_SNP, ISIS_CSNP, ISIS_PSNP;

    /** The keyword as libpcap's messages spell it. */
    public String word() {
        return switch (this) {
            case ISIS_L1 -> "l1";
            case ISIS_L2 -> "l2";
            case ISIS_IIH -> "iih";
            case ISIS_LSP -> "lsp";
            case ISIS_SNP -> "snp";
            case ISIS_CSNP -> "csnp";
            case ISIS_PSNP -> "psnp";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
