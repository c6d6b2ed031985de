package io.jdump.print;

import java.util.Map;

/** DNS RR type and class mnemonics as tcpdump prints them. */
final class DnsTypes {
    private DnsTypes() {}

    private static final Map<Integer, String> TYPES = Map.ofEntries(
            Map.entry(1, "A"), Map.entry(2, "NS"), Map.entry(3, "MD"), Map.entry(4, "MF"), Map.entry(5, "CNAME"),
            Map.entry(6, "SOA"), Map.entry(7, "MB"), Map.entry(8, "MG"), Map.entry(9, "MR"), Map.entry(10, "NULL"),
            Map.entry(11, "WKS"), Map.entry(12, "PTR"), Map.entry(13, "HINFO"), Map.entry(14, "MINFO"),
            Map.entry(15, "MX"), Map.entry(16, "TXT"), Map.entry(17, "RP"), Map.entry(18, "AFSDB"),
            Map.entry(19, "X25"), Map.entry(20, "ISDN"), Map.entry(21, "RT"), Map.entry(22, "NSAP"),
            Map.entry(23, "NSAP_PTR"), Map.entry(24, "SIG"), Map.entry(25, "KEY"), Map.entry(26, "PX"),
            Map.entry(27, "GPOS"), Map.entry(28, "AAAA"), Map.entry(29, "LOC"), Map.entry(30, "NXT"),
            Map.entry(31, "EID"), Map.entry(32, "NIMLOC"), Map.entry(33, "SRV"), Map.entry(34, "ATMA"),
            Map.entry(35, "NAPTR"), Map.entry(36, "KX"), Map.entry(37, "CERT"), Map.entry(38, "A6"),
            Map.entry(39, "DNAME"), Map.entry(40, "SINK"), Map.entry(41, "OPT"), Map.entry(42, "APL"),
            Map.entry(43, "DS"), Map.entry(44, "SSHFP"), Map.entry(45, "IPSECKEY"), Map.entry(46, "RRSIG"),
            Map.entry(47, "NSEC"), Map.entry(48, "DNSKEY"), Map.entry(49, "DHCID"), Map.entry(50, "NSEC3"),
            Map.entry(51, "NSEC3PARAM"), Map.entry(52, "TLSA"), Map.entry(55, "HIP"),
            Map.entry(59, "CDS"), Map.entry(60, "CDNSKEY"), Map.entry(61, "OPENPGPKEY"), Map.entry(99, "SPF"),
            Map.entry(100, "UINFO"), Map.entry(101, "UID"), Map.entry(102, "GID"), Map.entry(103, "UNSPEC"),
            Map.entry(249, "TKEY"), Map.entry(250, "TSIG"), Map.entry(251, "IXFR"), Map.entry(252, "AXFR"),
            Map.entry(253, "MAILB"), Map.entry(254, "MAILA"), Map.entry(255, "ANY"), Map.entry(256, "URI"), Map.entry(32768, "TA"), Map.entry(32769, "DLV"));

    static String name(int type) {
        String n = TYPES.get(type);
        return n != null ? n : "Type" + type;
    }

    static String className(int cls) {
        return switch (cls) {
            case 1 -> "IN";
            case 3 -> "CHAOS";
            case 4 -> "HS";
            case 255 -> "ANY";
            default -> "(Class " + cls + ")";
        };
    }
}
