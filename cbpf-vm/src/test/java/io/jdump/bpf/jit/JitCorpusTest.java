package io.jdump.bpf.jit;

import io.jdump.bpf.AncillaryData;
import io.jdump.bpf.Assembler;
import io.jdump.bpf.Interpreter;
import io.jdump.bpf.PacketFilter;
import io.jdump.bpf.Program;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JIT against the interpreter on real filter programs (tcpdump's own, read from {@code -ddd})
 * over every packet of the shared corpora (about 3,000 packets per link type, 5% truncated).
 */
@Tag("oracle")
class JitCorpusTest {
    private static final List<String> FILTERS = List.of(
        "ip", "tcp port 80 and host 10.0.0.1", "vlan and udp", "ip6 and icmp6", "tcp[tcpflags] & (tcp-syn|tcp-ack) != 0",
        "net 192.168.1.0/24", "ether multicast", "mpls", "pppoes and ip", "ip[6:2] & 0x1fff != 0", "greater 200 and udp",
        "ip6 proto 58 or ip6 proto 6", "udp dst port 53 or (ip and icmp[icmptype] = icmp-echo)", "arp or rarp");

    /** One corpus file and the libpcap DLT name to compile for. */
    record Corpus(String file, String dlt) {}

    private static final List<Corpus> CORPORA = List.of(
        new Corpus("corpus/en10mb.pcap", "EN10MB"), new Corpus("corpus/sll.pcap", "LINUX_SLL"), new Corpus("corpus/raw.pcap", "RAW"));

    @Test
    void tcpdumpProgramsAgreeOnTheCorpora() throws Exception {
        Requirements.require(Requirements.onPath("tcpdump") != null, "tcpdump on PATH");
        long executions = 0, programs = 0;
        List<String> mismatches = new ArrayList<>();
        for (Corpus c : CORPORA) {
            List<byte[]> packets = new ArrayList<>();
            List<Integer> wirelens = new ArrayList<>();
            readPcap(Requirements.sharedFile(c.file()), packets, wirelens);
            for (String filter : FILTERS) {
                for (String opt : new String[] {"-O", ""}) {
                    String ddd = tcpdump(c.dlt(), opt, filter);
                    if (ddd == null) continue;                  // not valid for this link type
                    Program p = Assembler.parse(ddd);
                    PacketFilter interpreter = new Interpreter(p), jit = Jit.compile(p);
                    programs++;
                    for (int i = 0; i < packets.size(); i++) {
                        byte[] pkt = packets.get(i);
                        int want = interpreter.apply(pkt, 0, pkt.length, wirelens.get(i), AncillaryData.NONE);
                        int got = jit.apply(pkt, 0, pkt.length, wirelens.get(i), AncillaryData.NONE);
                        executions++;
                        if (want != got) mismatches.add(c.dlt() + " '" + filter + "' " + opt + " packet " + i + ": " + want + " vs " + got);
                    }
                }
            }
        }
        System.out.printf("JIT on corpora: %d programs, %d executions, %d mismatches%n", programs, executions, mismatches.size());
        assertTrue(programs >= 40, "most filters compile: " + programs);
        assertEquals(List.of(), mismatches.stream().limit(5).toList(), mismatches.size() + " mismatches");
    }

    /** tcpdump's {@code -ddd} text, or null when tcpdump refuses the filter for this link type. */
    private static String tcpdump(String dlt, String opt, String filter) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-y", dlt));
        if (!opt.isEmpty()) cmd.add(opt);
        cmd.addAll(List.of("-ddd", filter));
        Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!proc.waitFor(30, TimeUnit.SECONDS)) proc.destroyForcibly();
        return proc.exitValue() == 0 ? out : null;
    }

    /** Reads a classic pcap file: captured bytes and wire lengths. */
    static void readPcap(Path file, List<byte[]> packets, List<Integer> wirelens) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) b.order(ByteOrder.BIG_ENDIAN);
        b.position(24);
        while (b.remaining() >= 16) {
            b.position(b.position() + 8);
            int caplen = b.getInt(), len = b.getInt();
            byte[] pkt = new byte[caplen];
            b.get(pkt);
            packets.add(pkt);
            wirelens.add(len);
        }
    }
}
