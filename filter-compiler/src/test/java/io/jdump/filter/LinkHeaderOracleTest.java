package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdump.bpf.Interpreter;
import io.jdump.testing.Requirements;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The link types with radio headers, pseudo-headers and ipnet/ENC/IEEE 1394 framing against the installed
 * libpcap 1.10.3: a fixed table of expressions, compiled by both (ours unoptimized and optimized), run on
 * re-framed corpus frames ({@link LinkFrames}) and seeded mutants; verdicts must be equal and both must
 * compile. Left out are meanings that changed after 1.10.3 (the filter suite, libpcap 1.11, is followed
 * there): {@code ip multicast}, {@code inbound}/{@code outbound} outside live captures, 802.11 keywords on PPI,
 * ARCnet's RFC 1051 protocol ids and {@code $XX} parsing, and link types 1.10.3 cannot filter (DSA tags, MS/TP).
 */
@Tag("oracle")
class LinkHeaderOracleTest {
    private static final List<String> COMMON = List.of("ip", "ip6", "arp", "rarp", "tcp", "udp port 53", "tcp port 80", "icmp",
            "ip src 10.0.0.1", "ip host 192.168.1.1", "ip6 host fe80::1", "net 10.0.0.0/8", "ip proto 17", "ip[9] = 6",
            "tcp[13] & 2 != 0", "udp[0:2] = 53", "icmp[0] = 8", "ip6 multicast", "less 100", "greater 200", "len > 60",
            "not ip and not arp", "ip or ip6", "tcp portrange 1-1024", "ip6 proto 58", "icmp6", "stp", "ipx", "atalk",
            "decnet", "iso", "link[1] & 3 = 1", "link[12:2] = 0x800");
    private static final List<String> MACS = List.of("ether host 01:00:5e:00:00:01", "ether src 00:10:18:de:38:1e",
            "ether dst ff:ff:ff:ff:ff:ff", "broadcast", "multicast");
    private static final List<String> WLAN = List.of("wlan type data", "wlan type mgt subtype beacon", "wlan subtype qos-data",
            "wlan dir tods", "type ctl subtype ack", "wlan addr1 ff:ff:ff:ff:ff:ff", "wlan addr2 00:10:18:de:38:1e",
            "wlan ra ff:ff:ff:ff:ff:ff", "wlan ta 00:10:18:de:38:1e", "link[0] = 0x88", "llc");
    private static final List<String> VLAN = List.of("vlan", "vlan 500", "vlan and ip", "vlan 2061 and vlan 2014");

    private static final Map<String, List<List<String>>> TABLE = Map.ofEntries(
            Map.entry("IEEE802_11_RADIO", List.of(COMMON, MACS, WLAN, VLAN, List.of("radio[2] = 12", "radio[4:4] & 2 != 0"))),
            Map.entry("IEEE802_11_RADIO_AVS", List.of(COMMON, MACS, WLAN, VLAN, List.of("radio[7] = 64"))),
            Map.entry("PRISM_HEADER", List.of(COMMON, MACS, WLAN, VLAN, List.of("radio[0] = 0x80"))),
            Map.entry("PPI", List.of(COMMON, MACS, List.of("link[0] = 0x88"))),
            Map.entry("NETANALYZER", List.of(COMMON, MACS, VLAN, List.of("mpls", "mpls 12345"))),
            Map.entry("NETANALYZER_TRANSPARENT", List.of(COMMON, MACS, VLAN)),
            Map.entry("IPNET", List.of(COMMON)),
            Map.entry("APPLE_IP_OVER_IEEE1394", List.of(COMMON)),
            Map.entry("ENC", List.of(COMMON)),
            Map.entry("ARCNET", List.of(List.of("ip6", "ip6 and tcp", "rarp", "broadcast", "multicast", "link[2] = 0xd4"))),
            Map.entry("ARCNET_LINUX", List.of(List.of("ip6", "icmp6", "broadcast", "link[4] = 0xd5"))));

    @Test
    void verdictsEqualLibpcap() throws IOException {
        Requirements.require(Libpcap.available(), "libpcap (libpcap.so via JNA)");
        List<Packets.Pkt> corpus = Packets.read(Requirements.sharedFile("corpus/en10mb.pcap"));
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (var e : new java.util.TreeMap<>(TABLE).entrySet()) {
            LinkType t = LinkType.valueOf(e.getKey());
            List<Packets.Pkt> pkts = new ArrayList<>(Packets.reframe(corpus, e.getKey()));
            pkts.addAll(Packets.mutate(new ArrayList<>(pkts), 300, 7));
            for (List<String> group : e.getValue()) {
                for (String expr : group) {
                    int[] theirs = Libpcap.verdicts(t.dlt(), CompileOptions.DEFAULT_SNAPLEN, expr, false, pkts);
                    String diff = theirs == null ? "libpcap refuses it" : compare(t, expr, pkts, theirs);
                    if (diff != null) failures.add(t + " " + expr + ": " + diff);
                    compared++;
                }
            }
        }
        System.out.println("link-header oracle: " + compared + " expressions, " + failures.size() + " disagreements");
        assertEquals(List.of(), failures);
    }

    private static String compare(LinkType t, String expr, List<Packets.Pkt> pkts, int[] theirs) {
        for (boolean optimize : new boolean[] {false, true}) {
            Interpreter ours;
            try {
                ours = new Interpreter(FilterCompiler.compile(expr, CompileOptions.of(t).withOptimize(optimize).withResolver(Fixtures.resolver())));
            } catch (FilterException x) {
                // The optimizer refuses a filter that can never match: then libpcap must not match anything either.
                boolean never = optimize && x.getMessage().equals("expression rejects all packets");
                if (never && java.util.Arrays.stream(theirs).allMatch(v -> v == 0)) continue;
                return "jdump refuses it: " + x.getMessage();
            }
            for (int i = 0; i < pkts.size(); i++) {
                Packets.Pkt p = pkts.get(i);
                int v = ours.apply(p.data(), p.data().length, p.wirelen());
                if (v != theirs[i]) {
                    return "packet " + i + (optimize ? " (optimized)" : "") + ": jdump " + v + ", libpcap " + theirs[i];
                }
            }
        }
        return null;
    }
}
