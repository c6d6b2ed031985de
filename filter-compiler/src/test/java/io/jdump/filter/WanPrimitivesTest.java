package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edge cases of the ATM, SS7 and serial-link primitives that the filter suite does not reach: value lists and
 * their limits, which link types take which keyword, and the generic link layer's messages. A null message
 * means the expression must compile (optimized, as tcpdump does by default).
 */
class WanPrimitivesTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("MTP2", "sio (1 or 256)", "sio 256 greater than maximum 255"),
                Arguments.of("MTP2", "hsls > 16", "hsls 16 greater than maximum 15"),
                Arguments.of("MTP2", "hopc (1 or 16384)", "hopc 16384 greater than maximum 16383"),
                Arguments.of("MTP2", "sio ()", "syntax error"),
                Arguments.of("MTP2", "dpc (1 or 2", "syntax error"),
                Arguments.of("MTP2", "sio (1 or 2) and msu and not lsu", null),
                Arguments.of("MTP2_WITH_PHDR", "hdpc (1 || 2) or hfisu", null),
                Arguments.of("ERF", "sls 3 and fisu", null),
                Arguments.of("MTP3", "fisu", "'fisu' supported only on SS7"),
                Arguments.of("SUNATM", "vci (1 or 65536)", "VCI 65536 greater than maximum 65535"),
                Arguments.of("SUNATM", "vpi (0x10 or 010) and not oam", null),
                Arguments.of("SUNATM", "lane and vlan 3 and ip", null),
                Arguments.of("SUNATM", "llc u", null),
                Arguments.of("EN10MB", "vpi (1 or 2)", "'vpi' supported only on SUNATM"),
                Arguments.of("ATM_RFC1483", "lane", "'lane' supported only on SUNATM"),
                Arguments.of("ATM_CLIP", "llc", "'llc' not supported on DLT_ATM_CLIP"),
                Arguments.of("ATM_CLIP", "pppoes 3 and tcp", null),
                Arguments.of("PPP_SERIAL", "mpls", "'mpls' not supported on DLT_PPP_SERIAL"),
                Arguments.of("PPP_ETHER", "vlan", "'vlan' not supported on DLT_PPP_ETHER"),
                Arguments.of("EN10MB", "pppoes and vlan", "'vlan' not supported on DLT_PPP"),
                Arguments.of("EN10MB", "pppoes and mpls 3", null),
                Arguments.of("SLIP_BSDOS", "inbound", "not a live capture, 'inbound' not supported on DLT_SLIP_BSDOS"),
                Arguments.of("JUNIPER_MFR", "inbound and isis", null),
                Arguments.of("FRELAY", "arp", "expression rejects all packets"),
                Arguments.of("LTALK", "protochain 6", null),
                Arguments.of("A429", "ip", "link-layer type filtering not implemented for DLT_A429"),
                Arguments.of("A429", "tcp port 80", "link-layer type filtering not implemented for DLT_A429"),
                Arguments.of("A429", "ether src 1:2:3:4:5:6", "'link host XX:XX:XX:XX:XX:XX' not supported on DLT_A429"),
                Arguments.of("A429", "byte 3 = 1 and len > 10 and link[1:2] != 0", null),
                Arguments.of("USB_LINUX", "link host $21", "'link host $XX' not supported on DLT_USB_LINUX"),
                Arguments.of("USB_LINUX", "ip host $21", "'link' is the only valid proto qualifier for 'host $XX'"),
                Arguments.of("USB_LINUX", "link port $21", "'port' is not a valid qualifier for '$XX'"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void compilesOrFailsAsLibpcap(String dlt, String expr, String message) {
        CompileOptions o = CompileOptions.of(LinkType.valueOf(dlt)).withOptimize(true).withResolver(Fixtures.resolver());
        if (message == null) {
            assertDoesNotThrow(() -> FilterCompiler.compile(expr, o));
        } else {
            FilterException e = assertThrows(FilterException.class, () -> FilterCompiler.compile(expr, o));
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }
}
