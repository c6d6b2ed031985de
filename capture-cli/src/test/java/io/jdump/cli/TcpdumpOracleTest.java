package io.jdump.cli;

import io.jdump.pcap.Tcpdump;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * jdump against the installed tcpdump, which must write the same files byte for byte: the
 * filter is tcpdump's own program for the expression ({@code -ddd}), run with {@code --bpf}.
 */
@Tag("oracle")
class TcpdumpOracleTest {
    static final List<String> EXPRESSIONS = List.of("", "tcp", "host 10.0.0.1", "udp port 53", "ip6", "not ip", "greater 200");
    static final List<List<String>> OPTIONS = List.of(List.of(), List.of("-c", "5"), List.of("--nano"));

    @TempDir static Path dir;

    static List<Path> corpus() throws IOException {
        Path d = Requirements.sharedFile("corpus");
        try (Stream<Path> files = Files.list(d)) {
            return files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
    }

    /** tcpdump's program for {@code expr} on {@code file}, saved for --bpf. */
    static Path program(Path file, String expr) throws Exception {
        Tcpdump.Run d = Tcpdump.run(new byte[0], "-r", file.toString(), "-ddd", expr);
        assertEquals(0, d.status(), d.stderr());
        return Files.write(Files.createTempFile(dir, "prog", ".bpf"), d.stdout());
    }

    @TestFactory
    Stream<DynamicTest> writesTheSameFileAsTcpdump() throws Exception {
        Tcpdump.require();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : corpus()) {
            for (String expr : EXPRESSIONS) {
                Path prog = program(file, expr);
                for (List<String> opts : OPTIONS) {
                    String name = file.getFileName() + " '" + expr + "' " + String.join(" ", opts);
                    tests.add(dynamicTest(name, () -> sameOutput(file, expr, prog, opts)));
                }
            }
        }
        return tests.stream();
    }

    private static void sameOutput(Path file, String expr, Path prog, List<String> opts) throws Exception {
        List<String> t = new ArrayList<>(List.of("-r", file.toString(), "-w", "-"));
        t.addAll(opts);
        t.add(expr);
        Tcpdump.Run expected = Tcpdump.run(new byte[0], t.toArray(String[]::new));
        List<String> j = new ArrayList<>(List.of("-r", file.toString(), "-w", "-", "--bpf", prog.toString()));
        j.addAll(opts);
        Jdump.Result actual = Jdump.run(j.toArray(String[]::new));
        assertEquals(expected.status(), actual.status(), actual.err());
        assertEquals(expected.stderr().replace("tcpdump: ", "jdump: "), actual.err());
        assertArrayEquals(expected.stdout(), actual.bytes());
    }

    /**
     * Damaged copies of a corpus file (cut at seeded random points, or with a record header
     * overwritten): same exit status, same messages, same partial output as tcpdump.
     */
    @TestFactory
    Stream<DynamicTest> damagedFilesFailLikeTcpdump() throws Exception {
        Tcpdump.require();
        long seed = Long.getLong("jdump.seed", System.nanoTime());
        int cases = 20 * Integer.getInteger("jdump.fuzz.scale", 1);
        byte[] whole = Files.readAllBytes(corpus().getFirst());
        Random random = new Random(seed);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            byte[] bytes = i % 2 == 0
                    ? Arrays.copyOf(whole, random.nextInt(Math.min(whole.length, 4000)))
                    : overwrite(whole, random);
            String name = "seed " + seed + " case " + i;
            tests.add(dynamicTest(name, () -> damagedLikeTcpdump(bytes, name)));
        }
        return tests.stream();
    }

    /** pcapng files cut at seeded random points, or with bytes overwritten: same messages and partial output as tcpdump. */
    @TestFactory
    Stream<DynamicTest> cutPcapngFailsLikeTcpdump() throws Exception {
        Tcpdump.require();
        long seed = Long.getLong("jdump.seed", System.nanoTime());
        int cases = 10 * Integer.getInteger("jdump.fuzz.scale", 1);
        byte[] whole = Files.readAllBytes(Requirements.sharedFile("tcpdump-corpus/inputs/dhcp-option-108.pcapng"));
        Random random = new Random(seed);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            byte[] bytes = i % 2 == 0 ? Arrays.copyOf(whole, random.nextInt(whole.length)) : overwriteNg(whole, random);
            String name = "seed " + seed + " case " + i + " (" + bytes.length + " bytes)";
            tests.add(dynamicTest(name, () -> damagedLikeTcpdump(bytes, name)));
        }
        return tests.stream();
    }

    /** Four random bytes somewhere in the blocks after the first Section Header Block. */
    private static byte[] overwriteNg(byte[] whole, Random random) {
        byte[] b = whole.clone();
        int at = 196 + random.nextInt(b.length - 200);
        for (int k = 0; k < 4; k++) b[at + k] = (byte) random.nextInt(256);
        return b;
    }

    private static byte[] overwrite(byte[] whole, Random random) {
        byte[] b = Arrays.copyOf(whole, Math.min(whole.length, 4000));
        int at = 24 + random.nextInt(b.length - 40);
        for (int k = 0; k < 4; k++) b[at + k] = (byte) random.nextInt(256);
        return b;
    }

    private static void damagedLikeTcpdump(byte[] bytes, String name) throws Exception {
        Path file = Files.write(dir.resolve("damaged.pcap"), bytes);
        Tcpdump.Run expected = Tcpdump.run(new byte[0], "-r", file.toString(), "-w", "-");
        Jdump.Result actual = Jdump.run("-r", file.toString(), "-w", "-");
        String where = name + ": " + expected.stderr();
        assertEquals(expected.status(), actual.status(), where);
        assertEquals(expected.stderr().replace("tcpdump: ", "jdump: "), libpcap1103(actual.err()), where);
        assertArrayEquals(expected.stdout(), actual.bytes(), where);
    }

    /** Our message in libpcap 1.10.3's words where the suite's libpcap (HEAD) added numbers. */
    private static String libpcap1103(String err) {
        return err.replaceAll("block total length in header \\d+ and trailer \\d+ don't match",
                "block total length in header and trailer don't match");
    }

    @TestFactory
    Stream<DynamicTest> readsCorpusPcapngLikeTcpdump() throws Exception {
        Tcpdump.require();
        Path inputs = Requirements.sharedFile("tcpdump-corpus/inputs");
        List<Path> files;
        try (Stream<Path> s = Files.list(inputs)) {
            files = s.filter(p -> p.toString().endsWith(".pcapng")).sorted().toList();
        }
        return files.stream().map(f -> dynamicTest(f.getFileName().toString(), () -> {
            Tcpdump.Run expected = Tcpdump.run(new byte[0], "-r", f.toString(), "-w", "-", "--nano");
            Jdump.Result actual = Jdump.run(Files.readAllBytes(f), "-r", "-", "-w", "-", "--nano");
            assertEquals(expected.status(), actual.status(), actual.err());
            assertEquals(expected.stderr().replace(f.toString(), "-"), actual.err());
            assertArrayEquals(expected.stdout(), actual.bytes());
        }));
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
