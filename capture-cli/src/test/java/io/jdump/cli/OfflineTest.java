package io.jdump.cli;

import io.jdump.pcap.CaptureReader;
import io.jdump.pcap.Captures;
import io.jdump.pcap.Frame;
import io.jdump.pcap.PcapReader;
import io.jdump.pcap.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.jdump.cli.Jdump.testdata;
import static io.jdump.pcap.Captures.packet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline path against tcpdump's outputs stored in testdata/ (see testdata/README.md). */
class OfflineTest {
    static final String HTTP = testdata("http.pcap");
    static final String PORT_80 = testdata("tcp-port-80.bpf");
    static final String BANNER = "reading from file " + HTTP + ", link-type EN10MB (Ethernet), snapshot length 65535\n";

    static byte[] expected80() throws IOException {
        return Files.readAllBytes(Jdump.TESTDATA.resolve("http.tcp-port-80.pcap"));
    }

    static List<Frame> frames(byte[] file) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
            for (Frame f; (f = r.next()) != null; ) out.add(f);
        }
        return out;
    }

    @Test
    void writesExactlyWhatTcpdumpWrites(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("80.pcap");
        Jdump.Result r = Jdump.run("-r", HTTP, "--bpf", PORT_80, "-w", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(BANNER, r.err());
        assertArrayEquals(expected80(), Files.readAllBytes(out));
    }

    @Test
    void readsStandardInputAndWritesStandardOutput() throws IOException {
        Jdump.Result r = Jdump.run(Files.readAllBytes(Path.of(HTTP)), "-r", "-", "--bpf", PORT_80, "-w", "-");
        assertEquals(0, r.status(), r.err());
        assertEquals("reading from file -, link-type EN10MB (Ethernet), snapshot length 65535\n", r.err());
        assertArrayEquals(expected80(), r.bytes());
    }

    @Test
    void packetBufferedWritesTheSameBytes() throws IOException {
        Jdump.Result r = Jdump.run("-r", HTTP, "--bpf", PORT_80, "-w", "-", "-U");
        assertEquals(0, r.status(), r.err());
        assertArrayEquals(expected80(), r.bytes());
    }

    @Test
    void readsPcapngFromStandardInput() throws IOException {
        Jdump.Result ng = Jdump.run("-r", HTTP, "-w", "-", "--pcapng", "--nano");
        Jdump.Result r = Jdump.run(ng.bytes(), "-r", "-", "--bpf", PORT_80, "-w", "-");
        assertEquals(0, r.status(), r.err());
        assertArrayEquals(expected80(), r.bytes());
    }

    @Test
    void programFromStandardInput() throws IOException {
        Jdump.Result r = Jdump.run(Files.readAllBytes(Path.of(PORT_80)), "-r", HTTP, "--bpf", "-", "-w", "-");
        assertEquals(0, r.status(), r.err());
        assertArrayEquals(expected80(), r.bytes());
    }

    @Test
    void countStopsAfterNKeptPackets() throws IOException {
        Jdump.Result r = Jdump.run("-r", HTTP, "--bpf", PORT_80, "-w", "-", "-c", "3");
        assertEquals(0, r.status(), r.err());
        assertEquals(frames(expected80()).subList(0, 3), frames(r.bytes()));
    }

    static Stream<Arguments> counts() {
        return Stream.of(
                Arguments.of(new String[] {"--bpf", PORT_80}, "10 packets\n"),
                Arguments.of(new String[] {}, "17 packets\n"),
                Arguments.of(new String[] {"--bpf", PORT_80, "-c", "1"}, "1 packet\n"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("counts")
    void countPrintsOnlyTheNumberOfKeptPackets(String[] args, String expected) {
        List<String> all = new ArrayList<>(List.of("-r", HTTP, "--count"));
        all.addAll(Arrays.asList(args));
        Jdump.Result r = Jdump.run(all.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        assertEquals(expected, r.out());
    }

    @Test
    void printsTcpdumpsLinesForKeptPackets() throws IOException {
        Jdump.Result r = Jdump.run("-n", "-r", HTTP, "--bpf", PORT_80);
        assertEquals(0, r.status(), r.err());
        assertEquals(Files.readString(Path.of(testdata("http.tcp-port-80.tcpdump-n.out"))), r.out());
        Jdump.Result nano = Jdump.run("-n", "-r", HTTP, "--bpf", PORT_80, "--nano", "-c", "1");
        assertTrue(nano.out().startsWith("22:13:20.505000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S]"), nano.out());
    }

    @Test
    void printWithWriteDoesBoth() throws IOException {
        Jdump.Result r = Jdump.run("-r", HTTP, "--bpf", PORT_80, "-w", "-", "--print");
        assertEquals(10, r.out().lines().count());
        assertArrayEquals(expected80(), r.bytes());
    }

    @Test
    void nanoWritesNanosecondMagic() throws IOException {
        Jdump.Result r = Jdump.run("-r", HTTP, "--bpf", PORT_80, "-w", "-", "--nano");
        try (CaptureReader reader = CaptureReader.open(new ByteArrayInputStream(r.bytes()))) {
            assertEquals(Precision.NANO, ((PcapReader) reader).precision());
        }
        assertEquals(frames(expected80()), frames(r.bytes()));
    }

    @Test
    void pcapngOutputHoldsTheSamePackets() throws IOException {
        Jdump.Result r = Jdump.run("-r", HTTP, "--bpf", PORT_80, "-w", "-", "--pcapng");
        assertEquals(0, r.status(), r.err());
        assertEquals(0x0a0d0d0a, java.nio.ByteBuffer.wrap(r.bytes()).getInt());
        assertEquals(frames(expected80()), frames(r.bytes()));
    }

    @Test
    void dumpsTheProgramAsTcpdumpDoes() throws IOException {
        Jdump.Result d = Jdump.run("--bpf", PORT_80, "-d");
        assertEquals(Files.readString(Jdump.TESTDATA.resolve("tcp-port-80.d.out")), d.out());
        assertEquals("", d.err());
        Jdump.Result ddd = Jdump.run("--bpf", PORT_80, "-ddd");
        assertEquals(Files.readString(Path.of(PORT_80)), ddd.out());
        Jdump.Result dd = Jdump.run("--bpf", PORT_80, "-dd");
        assertTrue(dd.out().startsWith("{ 0x28, 0, 0, 0x0000000c },\n{ 0x15, 0, 6, 0x000086dd },\n"), dd.out());
        assertEquals(20, dd.out().lines().count());
    }

    static Stream<Arguments> emptyFilterPrograms() {
        return Stream.of(
                Arguments.of(new String[] {"-r", HTTP, "-d"}, "(000) ret      #65535\n", BANNER),
                Arguments.of(new String[] {"-y", "EN10MB", "-s", "100", "-d"}, "(000) ret      #100\n", ""),
                Arguments.of(new String[] {"-y", "LINUX_SLL", "-ddd"}, "1\n6 0 0 262144\n", ""),
                Arguments.of(new String[] {"-d"}, "(000) ret      #262144\n", "Warning: assuming Ethernet\n"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("emptyFilterPrograms")
    void emptyFilterKeepsWholePackets(String[] args, String out, String err) {
        Jdump.Result r = Jdump.run(args);
        assertEquals(0, r.status());
        assertEquals(out, r.out());
        assertEquals(err, r.err());
    }

    /** Damaged copies of http.pcap: the whole packets before the damage are written, then tcpdump's message and status 1. */
    static Stream<Arguments> damaged() throws IOException {
        byte[] http = Files.readAllBytes(Path.of(HTTP));
        return Stream.of(
                Arguments.of("truncated header", Arrays.copyOf(http, 10), -1,
                        "jdump: truncated dump file; tried to read 24 file header bytes, only got 6"),
                Arguments.of("wrong magic", Arrays.copyOfRange(http, 1, http.length), -1, "jdump: unknown file format"),
                Arguments.of("truncated record header", Arrays.copyOf(http, 24 + 58 + 58 + 6), 2,
                        "jdump: pcap_loop: truncated dump file; tried to read 16 header bytes, only got 6"),
                Arguments.of("truncated record", Arrays.copyOf(http, 24 + 58 + 58 + 16 + 10), 2,
                        "jdump: pcap_loop: truncated dump file; tried to read 74 captured bytes, only got 10"),
                Arguments.of("absurd caplen", absurd(http), 2,
                        "jdump: pcap_loop: invalid packet capture length 4294967295, bigger than snaplen of 65535"));
    }

    private static byte[] absurd(byte[] http) {
        byte[] b = http.clone();
        Arrays.fill(b, 24 + 58 + 58 + 8, 24 + 58 + 58 + 12, (byte) 0xff);
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void damagedFileKeepsPartialOutputAndFails(String name, byte[] file, int whole, String message, @TempDir Path dir) throws IOException {
        Path in = Files.write(dir.resolve("in.pcap"), file);
        Path out = dir.resolve("out.pcap");
        Jdump.Result r = Jdump.run("-r", in.toString(), "-w", out.toString());
        assertEquals(1, r.status());
        assertEquals(message, r.lastError());
        if (whole < 0) {
            assertFalse(Files.exists(out), "no output when the file cannot be opened");
        } else {
            assertEquals(whole, frames(Files.readAllBytes(out)).size());
        }
    }

    @Test
    void countIsPrintedEvenWhenTheFileIsDamaged(@TempDir Path dir) throws IOException {
        byte[] http = Files.readAllBytes(Path.of(HTTP));
        Path in = Files.write(dir.resolve("in.pcap"), Arrays.copyOf(http, http.length - 5));
        Jdump.Result r = Jdump.run("-r", in.toString(), "--count");
        assertEquals(1, r.status());
        assertEquals("16 packets\n", r.out());
    }

    @Test
    void classicPcapOutputRefusesASecondLinkType() {
        byte[] ng = Captures.pcapng(ByteOrder.LITTLE_ENDIAN).idb(1, 100, -1).idb(101, 100, -1)
                .epb(0, 1_000_000, 60, packet(60)).epb(1, 2_000_000, 40, packet(40)).bytes();
        Jdump.Result pcap = Jdump.run(ng, "-r", "-", "-w", "-");
        assertEquals(1, pcap.status());
        assertEquals("jdump: pcap_loop: an interface has a type 101 different from the type of the first interface", pcap.lastError());
        Jdump.Result pcapng = Jdump.run(ng, "-r", "-", "-w", "-", "--pcapng");
        assertEquals(0, pcapng.status(), pcapng.err());
        assertEquals(2, pcapng.bytes().length > 0 ? countFrames(pcapng.bytes()) : 0);
    }

    private static int countFrames(byte[] file) {
        try {
            return frames(file).size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Arguments> fractions() {
        return Stream.of(
                Arguments.of(Precision.MICRO, 999_999L), Arguments.of(Precision.MICRO, 1_000_000L),
                Arguments.of(Precision.MICRO, 2_147_483_647L), Arguments.of(Precision.MICRO, 2_147_483_648L),
                Arguments.of(Precision.MICRO, 0xffff_ffffL), Arguments.of(Precision.NANO, 1_000_000_000L),
                Arguments.of(Precision.NANO, 2_147_483_647L));
        // not yet: a nanosecond file's fraction >= 2^31 printed in microseconds, which libpcap
        // divides as a signed int (0xffffffff gives .000000); Frame does not carry the file's precision
    }

    /** A damaged file's time-stamp fraction is printed raw, as tcpdump does (e.g. {@code .2147483648}). */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fractions")
    void printsAnOutOfRangeFractionAsTcpdumpDoes(Precision precision, long fraction) throws Exception {
        byte[] file = Captures.pcap(ByteOrder.LITTLE_ENDIAN, precision, 65535, 1)
                .record(1_700_000_000L, fraction, 60, packet(60)).bytes();
        io.jdump.pcap.Tcpdump.Run t = io.jdump.pcap.Tcpdump.run(file, "-n", "-r", "-");
        assertEquals(0, t.status(), t.stderr());
        Jdump.Result r = Jdump.run(file, "-n", "-r", "-");
        assertEquals(0, r.status(), r.err());
        String want = t.stdoutText().split(" ", 2)[0];
        long shown = precision == Precision.MICRO ? fraction : fraction / 1000;   // tcpdump prints microseconds
        assertTrue(want.endsWith("." + shown), want);
        assertEquals(want, r.out().split(" ", 2)[0]);
    }
}
