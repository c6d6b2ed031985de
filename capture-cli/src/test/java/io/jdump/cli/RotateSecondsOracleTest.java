package io.jdump.cli;

import io.jdump.pcap.Tcpdump;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * {@code -G} against the installed tcpdump: reading a small file takes well under the interval,
 * so both write one file named by strftime of the start time (by day, so that an hour turning
 * between the two runs does not matter), with the same bytes; and the same errors for bad values.
 */
@Tag("oracle")
class RotateSecondsOracleTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"-G 3600", "-G 5x", "-G abc", "-G 0", "-G 3600 -C 1", "-G -1", "-G -5 -C 1"})
    void writesTheSameFileAsTcpdump(String options) throws Exception {
        Tcpdump.require();
        String input = Jdump.testdata("http.pcap");
        String name = "x-%Y%m%d-%j-%a-%Q%%.pcap";
        Path expected = Files.createDirectories(dir.resolve("tcpdump"));
        Path actual = Files.createDirectories(dir.resolve("jdump"));
        List<String> opts = Arrays.asList(options.split(" "));
        List<String> t = new ArrayList<>(List.of("-Z", "root", "-r", input, "-w", expected.resolve(name).toString()));
        t.addAll(opts);
        Tcpdump.Run run = Tcpdump.run(new byte[0], t.toArray(String[]::new));
        List<String> j = new ArrayList<>(List.of("-r", input, "-w", actual.resolve(name).toString()));
        j.addAll(opts);
        Jdump.Result result = Jdump.run(j.toArray(String[]::new));
        assertEquals(run.status() != 0, result.status() != 0, result.err());
        if (run.status() != 0) {
            assertEquals(run.stderr().strip().lines().toList().getLast().replace("tcpdump: ", "jdump: "), result.lastError());
            return;
        }
        List<String> names = names(expected);
        assertFalse(names.isEmpty(), "tcpdump wrote no file: " + run.stderr());
        assertEquals(names, names(actual));
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(n)), Files.readAllBytes(actual.resolve(n)), n);
        }
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
