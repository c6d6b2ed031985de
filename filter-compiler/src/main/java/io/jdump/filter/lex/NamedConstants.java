package io.jdump.filter.lex;

import java.util.Map;

/**
 * Names the scanner turns into numbers: header field offsets ({@code tcpflags}, {@code icmptype})
 * and field values ({@code tcp-syn}, {@code icmp-echo}, {@code icmp6-echo}), as listed in
 * pcap-filter(7).
 */
final class NamedConstants {
    private NamedConstants() {}

    static final Map<String, Integer> ALL = Map.ofEntries(
            Map.entry("icmptype", 0), Map.entry("icmpcode", 1),
            Map.entry("icmp-echoreply", 0), Map.entry("icmp-unreach", 3), Map.entry("icmp-sourcequench", 4),
            Map.entry("icmp-redirect", 5), Map.entry("icmp-echo", 8), Map.entry("icmp-routeradvert", 9),
            Map.entry("icmp-routersolicit", 10), Map.entry("icmp-timxceed", 11), Map.entry("icmp-paramprob", 12),
            Map.entry("icmp-tstamp", 13), Map.entry("icmp-tstampreply", 14), Map.entry("icmp-ireq", 15),
            Map.entry("icmp-ireqreply", 16), Map.entry("icmp-maskreq", 17), Map.entry("icmp-maskreply", 18),
            Map.entry("icmp6type", 0), Map.entry("icmp6code", 1),
            Map.entry("icmp6-destinationunreach", 1), Map.entry("icmp6-packettoobig", 2),
            Map.entry("icmp6-timeexceeded", 3), Map.entry("icmp6-parameterproblem", 4),
            Map.entry("icmp6-echo", 128), Map.entry("icmp6-echoreply", 129),
            Map.entry("icmp6-multicastlistenerquery", 130), Map.entry("icmp6-multicastlistenerreportv1", 131),
            Map.entry("icmp6-multicastlistenerdone", 132), Map.entry("icmp6-routersolicit", 133),
            Map.entry("icmp6-routeradvert", 134), Map.entry("icmp6-neighborsolicit", 135),
            Map.entry("icmp6-neighboradvert", 136), Map.entry("icmp6-redirect", 137),
            Map.entry("icmp6-routerrenum", 138), Map.entry("icmp6-nodeinformationquery", 139),
            Map.entry("icmp6-nodeinformationresponse", 140), Map.entry("icmp6-ineighbordiscoverysolicit", 141),
            Map.entry("icmp6-ineighbordiscoveryadvert", 142), Map.entry("icmp6-multicastlistenerreportv2", 143),
            Map.entry("icmp6-homeagentdiscoveryrequest", 144), Map.entry("icmp6-homeagentdiscoveryreply", 145),
            Map.entry("icmp6-mobileprefixsolicit", 146), Map.entry("icmp6-mobileprefixadvert", 147),
            Map.entry("icmp6-certpathsolicit", 148), Map.entry("icmp6-certpathadvert", 149),
            Map.entry("icmp6-multicastrouteradvert", 151), Map.entry("icmp6-multicastroutersolicit", 152),
            Map.entry("icmp6-multicastrouterterm", 153),
            Map.entry("tcpflags", 13), Map.entry("tcp-fin", 0x01), Map.entry("tcp-syn", 0x02),
            Map.entry("tcp-rst", 0x04), Map.entry("tcp-push", 0x08), Map.entry("tcp-ack", 0x10),
            Map.entry("tcp-urg", 0x20), Map.entry("tcp-ece", 0x40), Map.entry("tcp-cwr", 0x80));
}
