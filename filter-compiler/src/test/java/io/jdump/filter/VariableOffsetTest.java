package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdump.bpf.Listing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Primitives after {@code geneve} and after a {@code vlan} compiled with Linux BPF extensions, whose loads are
 * relative to scratch registers. The expected unoptimized listings were printed by tcpdump 4.99.3 / libpcap 1.10.3
 * ({@code tcpdump -O -d expr}; {@code tcpdump -O -i eth0 -d expr} for the Linux-extension ones, a live Ethernet
 * handle being what turns the extensions on), stored under {@code libpcap-1.10.3/} in the test resources with the
 * expression on the first line. Only expressions that libpcap 1.10.3 and 1.11 compile alike are listed.
 */
class VariableOffsetTest {
    @ParameterizedTest
    @ValueSource(strings = {"geneve-vlan-tcp-port", "geneve-geneve-tcp", "geneve-ip6-udp", "geneve-icmp6", "vlan-geneve-ip",
            "linuxext-vlan-ip", "linuxext-vlan-ip6-udp", "linuxext-ip-or-vlan-ip", "linuxext-vlan-arp", "linuxext-vlan-ether-host"})
    void listingEqualsLibpcap(String name) throws IOException {
        String text;
        try (InputStream in = VariableOffsetTest.class.getResourceAsStream("libpcap-1.10.3/" + name + ".txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int nl = text.indexOf('\n');
        String[] head = text.substring(0, nl).split("\\|", 2);
        CompileOptions o = CompileOptions.of(LinkType.EN10MB).withOptimize(false).withLinuxExtensions(head[0].equals("live"));
        assertEquals(text.substring(nl + 1), Listing.image(FilterCompiler.compile(head[1], o)), head[1]);
    }
}
