package io.jdump.cli;

import io.jdump.pcap.Tcpdump;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code -C} and {@code -W} against the installed tcpdump: the same files, name by name and byte
 * for byte, from a 3 MB input (a corpus file's records eight times over) cut at 1,000,000 bytes.
 */
@Tag("oracle")
class RotationOracleTest {
    @TempDir static Path dir;

    /** The corpus's Ethernet capture with its records repeated eight times. */
    static Path bigInput() throws IOException {
        Path big = dir.resolve("big.pcap");
        if (Files.exists(big)) return big;
        byte[] file = Files.readAllBytes(Requirements.sharedFile("corpus/en10mb.pcap"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, 24);
        for (int i = 0; i < 8; i++) out.write(file, 24, file.length - 24);
        return Files.write(big, out.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-C 1", "-C 1 -W 1", "-C 1 -W 2", "-C 1 -W 10", "-C 1 -W 12", "-C 2", "-C 1 -c 3000", "-C 1 -W 3 --nano"})
    void writesTheSameFilesAsTcpdump(String options) throws Exception {
        Tcpdump.require();
        Path input = bigInput();
        String tag = options.replaceAll("[^0-9A-Za-z]", "");
        Path expected = Files.createDirectories(dir.resolve("tcpdump" + tag));
        Path actual = Files.createDirectories(dir.resolve("jdump" + tag));
        List<String> opts = Arrays.asList(options.split(" "));
        List<String> t = new ArrayList<>(List.of("-Z", "root", "-r", input.toString(), "-w", expected.resolve("out.pcap").toString()));
        t.addAll(opts);
        Tcpdump.Run run = Tcpdump.run(new byte[0], t.toArray(String[]::new));
        assertEquals(0, run.status(), run.stderr());
        List<String> j = new ArrayList<>(List.of("-r", input.toString(), "-w", actual.resolve("out.pcap").toString()));
        j.addAll(opts);
        Jdump.Result result = Jdump.run(j.toArray(String[]::new));
        assertEquals(0, result.status(), result.err());
        List<String> names = names(expected);
        assertFalse(names.isEmpty(), "tcpdump wrote no file: " + run.stderr());
        assertEquals(names, names(actual));
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-C 0", "-C -1", "-C 1k", "-C 0.5", "-W 0", "-W x", "-C 1 -W -2"})
    void rejectsWhatTcpdumpRejects(String options) throws Exception {
        Tcpdump.require();
        Path input = bigInput();
        List<String> opts = Arrays.asList(options.split(" "));
        List<String> t = new ArrayList<>(List.of("-Z", "root", "-r", input.toString(), "-w", dir.resolve("bad.pcap").toString()));
        t.addAll(opts);
        Tcpdump.Run run = Tcpdump.run(new byte[0], t.toArray(String[]::new));
        List<String> j = new ArrayList<>(List.of("-r", input.toString(), "-w", dir.resolve("bad.pcap").toString()));
        j.addAll(opts);
        Jdump.Result result = Jdump.run(j.toArray(String[]::new));
        assertEquals(run.status() != 0, result.status() != 0, result.err());
        assertEquals(run.stderr().strip().lines().toList().getLast().replace("tcpdump: ", "jdump: "), result.lastError());
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
