package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hermetic checks of whole compilations (no shared data needed): unoptimized listings as libpcap
 * 1.11 prints them (from its filter suite), libpcap's error messages, and long-jump emission.
 */
class CompileTest {
    private static CompileOptions opts(LinkType t) {
        return CompileOptions.of(t).withOptimize(false).withResolver(Fixtures.resolver());
    }

    static Stream<Arguments> listings() {
        return Stream.of(
                Arguments.of(LinkType.EN10MB, "tcp[0xab] == 0xcd", """
                        (000) ldh      [12]
                        (001) jeq      #0x800           jt 2\tjf 20
                        (002) ldb      [23]
                        (003) jeq      #0x6             jt 4\tjf 20
                        (004) ldh      [20]
                        (005) jset     #0x1fff          jt 20\tjf 6
                        (006) ld       #0xab
                        (007) st       M[0]
                        (008) ldxb     4*([14]&0xf)
                        (009) ld       M[0]
                        (010) add      x
                        (011) tax
                        (012) ldb      [x + 14]
                        (013) st       M[1]
                        (014) ld       #0xcd
                        (015) st       M[2]
                        (016) ldx      M[2]
                        (017) ld       M[1]
                        (018) jeq      x                jt 19\tjf 20
                        (019) ret      #262144
                        (020) ret      #0
                        """),
                Arguments.of(LinkType.EN10MB, "udp src port 53", """
                        (000) ldh      [12]
                        (001) jeq      #0x86dd          jt 2\tjf 6
                        (002) ldb      [20]
                        (003) jeq      #0x11            jt 4\tjf 6
                        (004) ldh      [54]
                        (005) jeq      #0x35            jt 15\tjf 6
                        (006) ldh      [12]
                        (007) jeq      #0x800           jt 8\tjf 16
                        (008) ldb      [23]
                        (009) jeq      #0x11            jt 10\tjf 16
                        (010) ldh      [20]
                        (011) jset     #0x1fff          jt 16\tjf 12
                        (012) ldxb     4*([14]&0xf)
                        (013) ldh      [x + 14]
                        (014) jeq      #0x35            jt 15\tjf 16
                        (015) ret      #262144
                        (016) ret      #0
                        """),
                Arguments.of(LinkType.EN10MB, "ether proto \\atalk", """
                        (000) ldh      [12]
                        (001) jeq      #0x809b          jt 8\tjf 2
                        (002) ldh      [12]
                        (003) jgt      #0x5dc           jt 9\tjf 4
                        (004) ld       [18]
                        (005) jeq      #0x7809b         jt 6\tjf 9
                        (006) ld       [14]
                        (007) jeq      #0xaaaa0308      jt 8\tjf 9
                        (008) ret      #262144
                        (009) ret      #0
                        """),
                Arguments.of(LinkType.RAW, "ip6 net fe80::/10", """
                        (000) ldb      [0]
                        (001) and      #0xf0
                        (002) jeq      #0x60            jt 3\tjf 10
                        (003) ld       [8]
                        (004) and      #0xffc00000
                        (005) jeq      #0xfe800000      jt 9\tjf 6
                        (006) ld       [24]
                        (007) and      #0xffc00000
                        (008) jeq      #0xfe800000      jt 9\tjf 10
                        (009) ret      #262144
                        (010) ret      #0
                        """),
                Arguments.of(LinkType.LINUX_SLL2, "rarp host 1.2.3.4", """
                        (000) ldh      [0]
                        (001) jeq      #0x8035          jt 2\tjf 7
                        (002) ld       [34]
                        (003) jeq      #0x1020304       jt 6\tjf 4
                        (004) ld       [44]
                        (005) jeq      #0x1020304       jt 6\tjf 7
                        (006) ret      #262144
                        (007) ret      #0
                        """),
                Arguments.of(LinkType.IPV4, "not ip6 or ip", """
                        (000) ld       #0x1
                        (001) jeq      #0x0             jt 2\tjf 3
                        (002) ret      #0
                        (003) ret      #262144
                        """),
                Arguments.of(LinkType.EN10MB, "mpls and mpls", """
                        (000) ldh      [12]
                        (001) jeq      #0x8847          jt 2\tjf 5
                        (002) ldb      [16]
                        (003) jset     #0x1             jt 5\tjf 4
                        (004) ret      #262144
                        (005) ret      #0
                        """),
                Arguments.of(LinkType.NULL, "link proto \\ip6", """
                        (000) ld       [0]
                        (001) jeq      #0xa000000       jt 2\tjf 3
                        (002) ret      #262144
                        (003) ret      #0
                        """),
                Arguments.of(LinkType.EN10MB, "", "(000) ret      #262144\n"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("listings")
    void unoptimizedListingMatchesLibpcap(LinkType t, String expr, String listing) {
        assertEquals(listing, FilterCompiler.compile(expr, opts(t)).toString());
    }

    /** Inside MPLS a host or net without a protocol is IPv4 only (libpcap 1.10.3's listing is that of {@code ip host}). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"host 10.0.0.1|ip host 10.0.0.1", "src net 10.0.0.0/8|ip src net 10.0.0.0/8",
            "dst host 10.1.2.3 or net 192.168|ip dst host 10.1.2.3 or ip net 192.168"})
    void hostInsideMplsIsIpv4Only(String tail, String ipTail) {
        for (String stack : new String[] {"mpls and ", "mpls 5 and mpls and "}) {
            assertEquals(FilterCompiler.compile(stack + "(" + ipTail + ")", opts(LinkType.EN10MB)).toString(),
                    FilterCompiler.compile(stack + "(" + tail + ")", opts(LinkType.EN10MB)).toString(), stack + tail);
        }
        assertThrows(FilterSemanticException.class, () -> FilterCompiler.compile("mpls and arp host 10.0.0.1", opts(LinkType.EN10MB)));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(LinkType.EN10MB, "host 1.2.3.0/24", "'host' is not a valid qualifier for '1.2.3.0/24'"),
                Arguments.of(LinkType.EN10MB, "tcp host 1.2.3.4", "'tcp' is not a valid qualifier for 'host <IPv4 address>'"),
                Arguments.of(LinkType.EN10MB, "ip port 80", "'ip' is not a valid qualifier for 'port'"),
                Arguments.of(LinkType.EN10MB, "port 70000", "port number 70000 greater than maximum 65535"),
                Arguments.of(LinkType.EN10MB, "addr1 1.2.3.4", "'addr1' is valid for 802.11 syntax only"),
                Arguments.of(LinkType.EN10MB, "host nosuch.invalid", "unknown host 'nosuch.invalid'"),
                Arguments.of(LinkType.EN10MB, "ip broadcast", "netmask not known, so 'ip broadcast' not supported"),
                Arguments.of(LinkType.EN10MB, "len / 0 = 1", "division by zero"),
                Arguments.of(LinkType.RAW, "vlan", "'vlan' not supported on DLT_RAW"),
                Arguments.of(LinkType.RAW, "inbound", "not a live capture, 'inbound' not supported on DLT_RAW"),
                Arguments.of(LinkType.EN10MB, "ip proto nosuchprotocol", "unknown 'ip proto' value 'nosuchprotocol'"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errors")
    void refusesWithLibpcapsMessage(LinkType t, String expr, String message) {
        assertEquals(message, assertThrows(FilterException.class, () -> FilterCompiler.compile(expr, opts(t))).getMessage());
    }

    @Test
    void optimizingAConstantFalseExpressionRejectsAllPackets() {
        FilterException e = assertThrows(FilterException.class,
                () -> FilterCompiler.compile("igmp and ip6", opts(LinkType.IPV4).withOptimize(true)));
        assertEquals("expression rejects all packets", e.getMessage());
    }

    @Test
    void longJumpsKeepTheMeaning() {
        StringBuilder sb = new StringBuilder("ether[0] = 0");
        for (int i = 1; i < 300; i += 2) sb.append(" or (ether[0] = ").append(i & 0xff).append(" and ether[1] = ").append(i % 7).append(')');
        Program p = FilterCompiler.compile(sb.toString(), opts(LinkType.EN10MB));
        Interpreter in = new Interpreter(p);
        for (int b0 = 0; b0 < 256; b0++) {
            for (int b1 = 0; b1 < 8; b1++) {
                boolean want = b0 == 0;
                for (int i = 1; i < 300; i += 2) want |= b0 == (i & 0xff) && b1 == i % 7;
                byte[] pkt = {(byte) b0, (byte) b1, 0, 0};
                assertEquals(want ? 262144 : 0, in.apply(pkt, 4, 4), b0 + "/" + b1);
            }
        }
    }
}
