package io.jdump.filter.sema;

import java.util.Map;

/** A built-in table of common service and protocol names (a subset of IANA's registries, as in {@code /etc/services}). */
public final class WellKnown {
    private WellKnown() {}

    private static final Map<String, Integer> PORTS = Map.ofEntries(
            Map.entry("ftp-data", 20), Map.entry("ftp", 21), Map.entry("ssh", 22), Map.entry("telnet", 23),
            Map.entry("smtp", 25), Map.entry("domain", 53), Map.entry("bootps", 67), Map.entry("bootpc", 68),
            Map.entry("tftp", 69), Map.entry("http", 80), Map.entry("www", 80), Map.entry("pop3", 110),
            Map.entry("sunrpc", 111), Map.entry("ntp", 123), Map.entry("netbios-ns", 137), Map.entry("imap", 143),
            Map.entry("snmp", 161), Map.entry("bgp", 179), Map.entry("ldap", 389), Map.entry("https", 443),
            Map.entry("syslog", 514), Map.entry("amqp", 5672), Map.entry("x11", 6000));

    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("ip", 0), Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ggp", 3),
            Map.entry("ipencap", 4), Map.entry("st", 5), Map.entry("tcp", 6), Map.entry("egp", 8),
            Map.entry("igp", 9), Map.entry("pup", 12), Map.entry("udp", 17), Map.entry("hmp", 20),
            Map.entry("xns-idp", 22), Map.entry("rdp", 27), Map.entry("iso-tp4", 29), Map.entry("dccp", 33),
            Map.entry("xtp", 36), Map.entry("ddp", 37), Map.entry("idpr-cmtp", 38), Map.entry("ipv6", 41),
            Map.entry("ipv6-route", 43), Map.entry("ipv6-frag", 44), Map.entry("idrp", 45), Map.entry("rsvp", 46),
            Map.entry("gre", 47), Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("skip", 57),
            Map.entry("ipv6-icmp", 58), Map.entry("ipv6-nonxt", 59), Map.entry("ipv6-opts", 60),
            Map.entry("rspf", 73), Map.entry("vmtp", 81), Map.entry("eigrp", 88), Map.entry("ospf", 89),
            Map.entry("ax.25", 93), Map.entry("ipip", 94), Map.entry("etherip", 97), Map.entry("encap", 98),
            Map.entry("pim", 103), Map.entry("ipcomp", 108), Map.entry("vrrp", 112), Map.entry("l2tp", 115),
            Map.entry("isis", 124), Map.entry("sctp", 132), Map.entry("fc", 133), Map.entry("mobility-header", 135),
            Map.entry("udplite", 136), Map.entry("mpls-in-ip", 137), Map.entry("manet", 138), Map.entry("hip", 139),
            Map.entry("shim6", 140), Map.entry("wesp", 141), Map.entry("rohc", 142), Map.entry("ethernet", 143));

    /** The well-known port of {@code name} (same for tcp, udp and sctp here), or -1. */
    public static int port(String name, String proto) {
        return PORTS.getOrDefault(name, -1);
    }

    /** The IP protocol number of {@code name}, or -1. */
    public static int protocol(String name) {
        return PROTOCOLS.getOrDefault(name, -1);
    }
}
