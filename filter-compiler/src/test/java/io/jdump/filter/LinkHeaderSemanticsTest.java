package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdump.bpf.Interpreter;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What filters mean on link types with radio headers, switch tags, pseudo-headers and one-byte addresses, on
 * hand-built packets: where the 802.11 header and its payload start behind radiotap (little-endian length,
 * data padding after the flags field), PPI (only 802.11 PPI packets), AVS and Prism (AVS magic), ARCnet and
 * MS/TP station ids, DSA tag directions, and a savefile's BSD address families. Each case is compiled
 * unoptimized and optimized; both must give the expected verdict.
 */
class LinkHeaderSemanticsTest {
    private static final String MAC_A = "020000000001", MAC_B = "020000000002";
    /** IPv4 header, protocol TCP, 10.0.0.1 to 10.0.0.2, then 4 bytes of ports. */
    private static final String IP_TCP = "45000018" + "00000000" + "4006" + "0000" + "0a000001" + "0a000002" + "0050" + "1f90";
    private static final String SNAP_IP = "aaaa030000000800";

    /** An 802.11 QoS data frame (26-byte header, to-DS clear) with {@code pad} filler bytes, LLC/SNAP and IPv4/TCP. */
    private static String qosData(int pad) {
        return "8800" + "0000" + MAC_A + MAC_B + MAC_B + "0000" + "0000" + "00".repeat(pad) + SNAP_IP + IP_TCP;
    }

    /** An 802.11 QoS data frame with LLC/SNAP Ethertype 0x8100, a VLAN tag {@code vid}, then IPv4/TCP. */
    private static String vlanData(int vid) {
        return "8800" + "0000" + MAC_A + MAC_B + MAC_B + "0000" + "0000" + "aaaa030000008100" + String.format("%04x", vid) + "0800" + IP_TCP;
    }

    /** An 802.11 QoS data frame carrying IPv4/UDP to port 4789, VXLAN {@code vni}, then an Ethernet frame with IPv4/TCP. */
    private static String vxlanData(int vni) {
        String inner = MAC_A + MAC_B + "0800" + IP_TCP;
        String udp = "1234" + "12b5" + "0000" + "0000" + "08000000" + String.format("%06x", vni) + "00" + inner;
        String ip = "45000000" + "00000000" + "4011" + "0000" + "0a000001" + "0a000002" + udp;
        return "8800" + "0000" + MAC_A + MAC_B + MAC_B + "0000" + "0000" + SNAP_IP + ip;
    }

    private static String radiotap(int len, int present, int flags, boolean tsft) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 0, (byte) len, (byte) (len >> 8), (byte) present, (byte) (present >> 8), (byte) (present >> 16),
                (byte) (present >>> 24)});
        if (tsft) b.writeBytes(new byte[8]);
        if ((present & 2) != 0) b.write(flags);
        while (b.size() < len) b.write(0);
        return HexFormat.of().formatHex(b.toByteArray());
    }

    static Stream<Arguments> cases() {
        String avs64 = "80211001" + "00000040" + "00".repeat(56);
        return Stream.of(
                // radiotap: 802.11 after the little-endian length; QoS adds 2
                Arguments.of("IEEE802_11_RADIO", "ip proto \\tcp", radiotap(12, 0, 0, false) + qosData(0), true),
                Arguments.of("IEEE802_11_RADIO", "ip src 10.0.0.1", radiotap(12, 0, 0, false) + qosData(0), true),
                Arguments.of("IEEE802_11_RADIO", "tcp dst port 8080", radiotap(12, 0, 0, false) + qosData(0), true),
                // flags field with the data-pad bit: the payload starts at a multiple of 4 (9 + 26 = 35, padded to 36)
                Arguments.of("IEEE802_11_RADIO", "ip proto \\tcp", radiotap(9, 2, 0x20, false) + qosData(1), true),
                Arguments.of("IEEE802_11_RADIO", "ip proto \\tcp", radiotap(9, 2, 0x00, false) + qosData(1), false),
                Arguments.of("IEEE802_11_RADIO", "ip proto \\tcp", radiotap(9, 2, 0x00, false) + qosData(0), true),
                // after a TSFT field the flags are at 16: 17 + 26 = 43, padded to 44
                Arguments.of("IEEE802_11_RADIO", "ip proto \\tcp", radiotap(17, 3, 0x20, true) + qosData(1), true),
                Arguments.of("IEEE802_11_RADIO", "wlan src " + colons(MAC_B), radiotap(12, 0, 0, false) + qosData(0), true),
                Arguments.of("IEEE802_11_RADIO", "wlan dst " + colons(MAC_B), radiotap(12, 0, 0, false) + qosData(0), false),
                // VLAN inside 802.11: the tag follows the SNAP header
                Arguments.of("IEEE802_11_RADIO", "vlan 5 and ip proto \\tcp", radiotap(12, 0, 0, false) + vlanData(5), true),
                Arguments.of("IEEE802_11_RADIO", "vlan 6", radiotap(12, 0, 0, false) + vlanData(5), false),
                // VXLAN inside 802.11 behind radiotap (libpcap 1.11's listing for this reads unset scratch registers)
                Arguments.of("IEEE802_11_RADIO", "vxlan 100 and tcp dst port 8080", radiotap(12, 0, 0, false) + vxlanData(100), true),
                Arguments.of("IEEE802_11_RADIO", "vxlan 101", radiotap(12, 0, 0, false) + vxlanData(100), false),
                Arguments.of("IEEE802_11_RADIO", "radio[2] = 12", radiotap(12, 0, 0, false) + qosData(0), true),
                Arguments.of("IEEE802_11_RADIO", "link[0] = 0x88", radiotap(12, 0, 0, false) + qosData(0), true),
                // PPI: only 802.11 (DLT 105) packets can match, even filters that look at nothing
                Arguments.of("PPI", "wlan type data", "0000080069000000" + qosData(0), true),
                Arguments.of("PPI", "wlan type data", "0000080001000000" + qosData(0), false),
                Arguments.of("PPI", "len > 0", "0000080001000000" + qosData(0), false),
                Arguments.of("PPI", "ip dst 10.0.0.2", "00000c006900000000000000" + qosData(0), true),
                // AVS: big-endian length at 4; Prism: 144 bytes unless the first word is the AVS magic
                Arguments.of("IEEE802_11_RADIO_AVS", "ip proto \\tcp", avs64 + qosData(0), true),
                Arguments.of("PRISM_HEADER", "ip proto \\tcp", "00000044" + "00".repeat(140) + qosData(0), true),
                Arguments.of("PRISM_HEADER", "ip proto \\tcp", avs64 + qosData(0), true),
                Arguments.of("PRISM_HEADER", "ip proto \\tcp", "00000044" + "00".repeat(60) + qosData(0), false),
                // ARCnet (BSD and Linux framing) and BACnet MS/TP one-byte stations
                Arguments.of("ARCNET", "link src host $0e and link dst $a4 and ip", "0ea4d4000000" + IP_TCP, true),
                Arguments.of("ARCNET", "broadcast", "0e00d4000000" + IP_TCP, true),
                Arguments.of("ARCNET", "ip", "0ea4f0000000" + IP_TCP, false),
                Arguments.of("ARCNET_LINUX", "ip src 10.0.0.1", "0ea40000d4000000" + IP_TCP, true),
                Arguments.of("BACNET_MS_TP", "link src $a8 and link dst $ff", "55ff06ffa8000800", true),
                Arguments.of("BACNET_MS_TP", "broadcast", "55ff0607a8000800", false),
                // switch tags: the Ethertype after the 4-byte tag, the direction in the tag
                Arguments.of("DSA_TAG_BRCM", "ip and inbound", MAC_A + MAC_B + "00000000" + "0800" + IP_TCP, true),
                Arguments.of("DSA_TAG_BRCM", "outbound", MAC_A + MAC_B + "20000000" + "0800" + IP_TCP, true),
                Arguments.of("DSA_TAG_DSA", "outbound", MAC_A + MAC_B + "40000000" + "0800" + IP_TCP, true),
                Arguments.of("DSA_TAG_DSA", "inbound", MAC_A + MAC_B + "c0000000" + "0800" + IP_TCP, false),
                Arguments.of("NETANALYZER", "ether src " + colons(MAC_B) + " and tcp", "00000000" + MAC_A + MAC_B + "0800" + IP_TCP, true),
                Arguments.of("NETANALYZER", "link[12:2] = 0x800", "00000000" + MAC_A + MAC_B + "0800" + IP_TCP, true),
                Arguments.of("NETANALYZER_TRANSPARENT", "ether[6] = 2 and ip", "00".repeat(12) + MAC_A + MAC_B + "0800" + IP_TCP, true),
                Arguments.of("IPNET", "ip and inbound", "0102000200000000" + "00".repeat(16) + IP_TCP, true),
                Arguments.of("ENC", "ip dst 10.0.0.2", "020000000000000000000000" + IP_TCP, true));
    }

    private static String colons(String hex) {
        return hex.replaceAll("(..)(?!$)", "$1:");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void verdict(String dlt, String expr, String hex, boolean match) {
        byte[] pkt = HexFormat.of().parseHex(hex);
        for (boolean optimize : new boolean[] {false, true}) {
            CompileOptions o = CompileOptions.of(LinkType.valueOf(dlt)).withOptimize(optimize);
            int v = new Interpreter(FilterCompiler.compile(expr, o)).apply(pkt, pkt.length, pkt.length);
            assertEquals(match ? CompileOptions.DEFAULT_SNAPLEN : 0, v, dlt + " " + expr + (optimize ? " (optimized)" : ""));
        }
    }

    /** A savefile filter accepts every BSD's AF_INET6 in DLT_NULL, in either byte order; a live one only Linux's. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("families")
    void savefileFamilies(CompileOptions.Offline offline, String header, boolean match) {
        byte[] pkt = HexFormat.of().parseHex(header + "6000000000000000" + "00".repeat(32));
        CompileOptions o = CompileOptions.of(LinkType.NULL).withOffline(offline);
        assertEquals(match ? CompileOptions.DEFAULT_SNAPLEN : 0, new Interpreter(FilterCompiler.compile("ip6", o)).apply(pkt, pkt.length, pkt.length));
    }

    static Stream<Arguments> families() {
        return Stream.of(Arguments.of(CompileOptions.Offline.LIVE, "0a000000", true),
                Arguments.of(CompileOptions.Offline.LIVE, "1c000000", false),
                Arguments.of(CompileOptions.Offline.UNSWAPPED, "1c000000", true),
                Arguments.of(CompileOptions.Offline.UNSWAPPED, "0000001e", true),
                Arguments.of(CompileOptions.Offline.SWAPPED, "00000018", true),
                Arguments.of(CompileOptions.Offline.SWAPPED, "0a000000", false));
    }
}
