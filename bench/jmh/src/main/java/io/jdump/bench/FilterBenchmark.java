package io.jdump.bench;

import io.jdump.bpf.AncillaryData;
import io.jdump.bpf.Assembler;
import io.jdump.bpf.Interpreter;
import io.jdump.bpf.PacketFilter;
import io.jdump.bpf.Program;
import io.jdump.bpf.jit.Jit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Interpreter vs JIT on typical tcpdump filter programs over the packets of a capture file
 * (default: ../shared/corpus/en10mb.pcap, about 3,000 varied Ethernet frames). Each invocation
 * filters one packet, cycling through the capture, so the score is time per packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FilterBenchmark {
    /** tcpdump 4.99.3 / libpcap 1.10.3 {@code -d} output, EN10MB, optimised. */
    private static final Map<String, String> FILTERS = Map.of(
        "tcp port 80 and host 10.0.0.1", """
            (000) ldh      [12]
            (001) jeq      #0x86dd          jt 17	jf 2
            (002) jeq      #0x800           jt 3	jf 17
            (003) ldb      [23]
            (004) jeq      #0x6             jt 5	jf 17
            (005) ldh      [20]
            (006) jset     #0x1fff          jt 17	jf 7
            (007) ldxb     4*([14]&0xf)
            (008) ldh      [x + 14]
            (009) jeq      #0x50            jt 12	jf 10
            (010) ldh      [x + 16]
            (011) jeq      #0x50            jt 12	jf 17
            (012) ld       [26]
            (013) jeq      #0xa000001       jt 16	jf 14
            (014) ld       [30]
            (015) jeq      #0xa000001       jt 16	jf 17
            (016) ret      #262144
            (017) ret      #0
            """,
        "ip", """
            (000) ldh      [12]
            (001) jeq      #0x800           jt 2	jf 3
            (002) ret      #262144
            (003) ret      #0
            """);

    @Param({"tcp port 80 and host 10.0.0.1", "ip"})
    public String filter;

    /** A classic pcap file; relative paths resolve against the working directory. */
    @Param({"../shared/corpus/en10mb.pcap"})
    public String capture;

    private PacketFilter interpreter;
    private PacketFilter jit;
    private Program program;
    private byte[][] packets;
    private int[] wirelens;
    private int next;

    @Setup
    public void setup() throws IOException {
        program = Assembler.parse(FILTERS.get(filter));
        interpreter = new Interpreter(program);
        jit = Jit.compile(program);
        readPcap(Path.of(capture));
        for (int i = 0; i < packets.length; i++) {
            int want = interpreter.apply(packets[i], 0, packets[i].length, wirelens[i], AncillaryData.NONE);
            int got = jit.apply(packets[i], 0, packets[i].length, wirelens[i], AncillaryData.NONE);
            if (want != got) throw new IllegalStateException("JIT and interpreter disagree on packet " + i);
        }
    }

    @Benchmark
    public int interpreter() {
        int i = advance();
        return interpreter.apply(packets[i], 0, packets[i].length, wirelens[i], AncillaryData.NONE);
    }

    @Benchmark
    public int jit() {
        int i = advance();
        return jit.apply(packets[i], 0, packets[i].length, wirelens[i], AncillaryData.NONE);
    }

    /** Cost of compiling the program (class generation and definition). */
    @Benchmark
    public PacketFilter jitCompile() {
        return Jit.compile(program);
    }

    private int advance() {
        int i = next;
        next = i + 1 == packets.length ? 0 : i + 1;
        return i;
    }

    /** Reads a classic pcap file (either byte order, micro- or nanosecond magic). */
    private void readPcap(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) b.order(ByteOrder.BIG_ENDIAN);
        b.position(24);
        List<byte[]> data = new ArrayList<>();
        List<Integer> wire = new ArrayList<>();
        while (b.remaining() >= 16) {
            b.getInt();
            b.getInt();
            int caplen = b.getInt(), len = b.getInt();
            byte[] pkt = new byte[caplen];
            b.get(pkt);
            data.add(pkt);
            wire.add(len);
        }
        packets = data.toArray(byte[][]::new);
        wirelens = wire.stream().mapToInt(Integer::intValue).toArray();
        if (packets.length == 0) throw new IOException("no packets in " + file);
    }
}
