package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The concolic packet search reaches accepting paths that random bytes practically never hit. */
class PathPacketsTest {
    private static final List<String[]> CASES = List.of(
            new String[] {"EN10MB", "ip host 1.2.3.4 and tcp port 80"},
            new String[] {"EN10MB", "vlan 5 and ip6 dst host ::1"},
            new String[] {"MTP2", "sio 3 and dpc 0x1234 and sls 5"},
            new String[] {"SUNATM", "lane and ether src 1:2:3:4:5:6 and arp"},
            new String[] {"RAW", "len > 200 and icmp[icmptype] = icmp-echo"});

    @Test
    void coversAcceptAndRejectPaths() {
        for (String[] c : CASES) {
            Program p = FilterCompiler.compile(c[1], CompileOptions.of(LinkType.valueOf(c[0])).withResolver(Fixtures.resolver()));
            List<Packets.Pkt> pkts = PathPackets.cover(p, List.of(new Packets.Pkt(new byte[96], 96)));
            Interpreter in = new Interpreter(p);
            boolean accepted = false, rejected = false;
            for (Packets.Pkt k : pkts) {
                int v = in.apply(k.data(), k.data().length, k.wirelen());
                accepted |= v != 0;
                rejected |= v == 0;
            }
            assertTrue(accepted && rejected, c[0] + " " + c[1] + ": accepted " + accepted + ", rejected " + rejected);
        }
    }
}
