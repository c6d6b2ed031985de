package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The serial and WAN link types beyond the suite's few accept cases: {@code wan-links-tcpdump.txt} holds what
 * tcpdump 4.99.3 / libpcap 1.10.3 prints for {@code -y DLT -d EXPR} over a table of expressions (the IP, IPv6,
 * ARP, OSI, AppleTalk primitives, ports, lengths, and the ATM and SS7 keywords). Where it compiles, our
 * optimized program must give the same verdict on random packets and on packets covering the paths of both
 * programs; where it refuses, we must refuse too. {@link #NEWER} lists the differences that are libpcap's own
 * changes since 1.10.3 (the filter suite, which follows libpcap's current sources, decides those).
 */
class WanLinksTest {
    /**
     * Where jdump follows newer libpcap rather than 1.10.3: SLIP's {@code outbound} is direction byte 1 (the suite's
     * listing; 1.10.3 took any non-zero byte), {@code inbound}/{@code outbound} on links without a direction field
     * fail with "not a live capture" (the suite; 1.10.3 loaded the Linux packet type, {@code [type]}), and NetBEUI over PPP is PPP
     * protocol 0x3f as on {@code DLT_PPP} (1.10.3 compared the raw SAP 0xf0).
     */
    private static final Set<String> NEWER = Set.of("SLIP outbound", "PPP_BSDOS netbeui", "PPP_PPPD netbeui",
            "PPP_SERIAL netbeui", "PPP_ETHER netbeui");

    record Case(String dlt, String expr, String listing, String error) {}

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = WanLinksTest.class.getResourceAsStream("wan-links-tcpdump.txt")) {
            assertNotNull(in, "wan-links-tcpdump.txt");
            String dlt = null, expr = null;
            StringBuilder listing = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("# ") && line.contains("\t")) {
                    if (dlt != null && !listing.isEmpty()) out.add(new Case(dlt, expr, listing.toString(), null));
                    String[] f = line.substring(2).split("\t", 2);
                    dlt = f[0];
                    expr = f[1];
                    listing.setLength(0);
                } else if (line.startsWith("! ")) {
                    out.add(new Case(dlt, expr, null, line.substring(2)));
                    dlt = null;
                } else if (line.startsWith("(")) {
                    listing.append(line.stripTrailing()).append('\n');
                }
            }
            if (dlt != null && !listing.isEmpty()) out.add(new Case(dlt, expr, listing.toString(), null));
        }
        return out;
    }

    @Test
    void agreesWithLibpcap() throws IOException {
        List<Case> cases = cases();
        List<String> bad = new ArrayList<>();
        List<Packets.Pkt> base = Packets.random(200, 96, 3);
        for (Case c : cases) {
            String key = c.dlt() + " " + c.expr();
            if (NEWER.contains(key) || c.error() == null && c.listing().contains("[type]")) continue;
            CompileOptions o = CompileOptions.of(LinkType.valueOf(c.dlt())).withResolver(Fixtures.resolver());
            Program ours;
            try {
                ours = FilterCompiler.compile(c.expr(), o);
            } catch (FilterException e) {
                if (c.listing() != null) bad.add(key + ": we refuse (" + e.getMessage() + ")");
                continue;
            }
            if (c.error() != null) {
                bad.add(key + ": we compile, libpcap says " + c.error());
                continue;
            }
            Program want = ListingParser.parse(c.listing());
            if (want == null) {
                bad.add(key + ": listing not parsed");
                continue;
            }
            List<Packets.Pkt> pkts = new ArrayList<>(base);
            List<Packets.Pkt> seeds = List.of(new Packets.Pkt(new byte[96], 96));
            pkts.addAll(PathPackets.cover(want, seeds));
            pkts.addAll(PathPackets.cover(ours, seeds));
            Interpreter a = new Interpreter(want);
            Interpreter b = new Interpreter(ours);
            for (Packets.Pkt p : pkts) {
                if (a.apply(p.data(), p.data().length, p.wirelen()) != b.apply(p.data(), p.data().length, p.wirelen())) {
                    bad.add(key + ": verdicts differ\n" + ours);
                    break;
                }
            }
        }
        System.out.printf("wan links: %d cases from tcpdump, %d differ%n", cases.size(), bad.size());
        for (String b : bad) System.out.println("  " + b.replace("\n", "\n    "));
        assertEquals(List.of(), bad);
    }
}
