package io.jdump.cli;

import io.jdump.pcap.Tcpdump;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code -V}: a list of savefiles read in turn, against the installed tcpdump (written bytes,
 * messages, exit status), and against {@code -r} of each file in turn.
 */
@Tag("oracle")
class FileListOracleTest {
    @TempDir static Path dir;

    private static String file(String key) {
        return switch (key) {
            case "http" -> Jdump.testdata("http.pcap");
            case "empty" -> "";
            default -> Requirements.sharedFile("corpus/" + key + ".pcap").toString();
        };
    }

    /** Writes a -V list of the files named by the keys; "missing" names a list that does not exist. */
    private static String list(String keys) throws Exception {
        if (keys.equals("missing")) return dir.resolve("no-such-list").toString();
        List<String> lines = keys.isEmpty() ? List.of() : Arrays.stream(keys.split(" ")).map(FileListOracleTest::file).toList();
        Path p = Files.createTempFile(dir, "list", ".txt");
        return Files.writeString(p, lines.isEmpty() ? "" : String.join("\n", lines) + "\n").toString();
    }

    @ParameterizedTest
    @CsvSource(value = {
        "http http;",
        "en10mb http;",
        "http en10mb;-c 2",
        "http null;",
        "http empty http;",
        "'';",
        "missing;",
        "http;-r " + "/dev/null",
        "en10mb sll;tcp",
    }, delimiter = ';')
    void readsTheFilesAsTcpdumpDoes(String keys, String extra) throws Exception {
        Tcpdump.require();
        List<String> args = new ArrayList<>(List.of("-V", list(keys), "-w", "-"));
        if (extra != null) args.addAll(Arrays.asList(extra.split(" ")));
        Tcpdump.Run expected = Tcpdump.run(new byte[0], args.toArray(String[]::new));
        Jdump.Result actual = Jdump.run(args.toArray(String[]::new));
        assertEquals(expected.status() != 0, actual.status() != 0, actual.err());
        assertEquals(expected.stderr().replace("tcpdump: ", "jdump: "), actual.err());
        assertArrayEquals(expected.stdout(), actual.bytes());
    }

    @Test
    void printsWhatReadingEachFileInTurnPrints() throws Exception {
        String a = Jdump.testdata("http.pcap");
        String b = Requirements.sharedFile("corpus/en10mb.pcap").toString();
        Jdump.Result both = Jdump.run("-V", list("http en10mb"), "-n", "-c", "4");
        Jdump.Result first = Jdump.run("-r", a, "-n", "-c", "4");
        Jdump.Result second = Jdump.run("-r", b, "-n", "-c", "4");
        assertEquals(0, both.status(), both.err());
        assertEquals(first.out() + second.out(), both.out());
        assertEquals(first.err() + second.err(), both.err());
    }
}
