package io.jdump.pcap;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RotatingWriterTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource({
        "0, 0, out",
        "1, 0, out1",
        "12, 0, out12",
        "0, 1, out",
        "0, 2, out0",
        "1, 2, out1",
        "0, 10, out0",
        "9, 10, out9",
        "0, 11, out00",
        "10, 11, out10",
        "0, 12, out00",
        "7, 100, out07",
        "7, 101, out007",
    })
    void namesFilesAsTcpdump(int index, int fileCount, String expected) {
        assertEquals(expected, RotatingWriter.name("out", index, fileCount));
    }

    /** 24-byte header, 16-byte record headers: 100-byte packets make files of 24, 140, 256... bytes. */
    @ParameterizedTest
    @CsvSource({
        "0, 'out=24+116+116, out1=24+116+116, out2=24+116+116, out3=24+116'",
        "2, 'out0=24+116+116, out1=24+116'",
    })
    void rotatesBeforeAPacketOnceTheFileIsLargerThanTheLimit(int fileCount, String expected) throws IOException {
        String base = dir.resolve("out").toString();
        try (RotatingWriter w = new RotatingWriter(base, 200, fileCount,
                name -> new PcapWriter(Files.newOutputStream(Path.of(name)), 1, 65535, Precision.MICRO))) {
            for (int i = 0; i < 7; i++) w.write(1, 65535, i, 0, 100, new byte[100], 0, 100);
        }
        List<String> sizes;
        try (Stream<Path> files = Files.list(dir)) {
            sizes = files.sorted().map(p -> p.getFileName() + "=" + p.toFile().length()).toList();
        }
        String want = Stream.of(expected.split(", ")).map(RotatingWriterTest::total).reduce((a, b) -> a + ", " + b).orElse("");
        assertEquals(want, String.join(", ", sizes));
    }

    /**
     * -G 10 with a clock that reads the packet's second: files named by strftime of the time they
     * were opened, a new one once 10 s have passed; with -C 200 as well the count restarts.
     */
    @ParameterizedTest
    @CsvSource({
        "9223372036854775807, 0, 'g-000000=24+116+116+116+116+116, g-000010=24+116+116, g-000023=24+116'",
        "200, 0, 'g-000000=24+116+116, g-0000001=24+116+116, g-0000002=24+116, g-000010=24+116+116, g-000023=24+116'",
    })
    void rotatesByTimeWithStrftimeNames(long limit, int fileCount, String expected) throws IOException {
        long[] now = {0};
        String base = dir.resolve("g-%H%M%S").toString();
        try (RotatingWriter w = new RotatingWriter(base, limit, fileCount, 10, () -> now[0], java.time.ZoneOffset.UTC,
                name -> new PcapWriter(Files.newOutputStream(Path.of(name)), 1, 65535, Precision.MICRO))) {
            for (long t : new long[] {0, 2, 4, 6, 9, 10, 19, 23}) {
                now[0] = t;
                w.write(1, 65535, t, 0, 100, new byte[100], 0, 100);
            }
        }
        List<String> sizes;
        try (Stream<Path> files = Files.list(dir)) {
            sizes = files.sorted().map(p -> p.getFileName() + "=" + p.toFile().length()).toList();
        }
        String want = Stream.of(expected.split(", ")).map(RotatingWriterTest::total).reduce((a, b) -> a + ", " + b).orElse("");
        assertEquals(want, String.join(", ", sizes));
    }

    /**
     * -G 10 -W N without -C: at most N files; the packet that would open file N+1 is not written
     * and the writer says it is exhausted (tcpdump then exits); packets after it are dropped too.
     */
    @ParameterizedTest
    @CsvSource({
        "1, 'g-000000=24+116+116+116+116+116', 5",
        "2, 'g-000000=24+116+116+116+116+116, g-000010=24+116+116', 7",
        "3, 'g-000000=24+116+116+116+116+116, g-000010=24+116+116, g-000023=24+116', -1",
        "0, 'g-000000=24+116+116+116+116+116, g-000010=24+116+116, g-000023=24+116', -1",
    })
    void fileLimitWithTimeRotationEndsTheCapture(int files, String expected, int exhaustedAt) throws IOException {
        long[] now = {0};
        String base = dir.resolve("g-%H%M%S").toString();
        long[] times = {0, 2, 4, 6, 9, 10, 19, 23};
        int firstExhausted = -1;
        try (RotatingWriter w = new RotatingWriter(base, Long.MAX_VALUE, 0, 10, () -> now[0], java.time.ZoneOffset.UTC,
                name -> new PcapWriter(Files.newOutputStream(Path.of(name)), 1, 65535, Precision.MICRO))
                .withFileLimit(files)) {
            for (int i = 0; i < times.length; i++) {
                now[0] = times[i];
                w.write(1, 65535, times[i], 0, 100, new byte[100], 0, 100);
                if (w.exhausted() && firstExhausted < 0) firstExhausted = i;
            }
            assertEquals(files, w.fileLimit());
        }
        List<String> sizes;
        try (Stream<Path> listing = Files.list(dir)) {
            sizes = listing.sorted().map(p -> p.getFileName() + "=" + p.toFile().length()).toList();
        }
        String want = Stream.of(expected.split(", ")).map(RotatingWriterTest::total).reduce((a, b) -> a + ", " + b).orElse("");
        assertEquals(want, String.join(", ", sizes));
        assertEquals(exhaustedAt, firstExhausted);
    }

    private static String total(String spec) {
        String[] kv = spec.split("=");
        return kv[0] + "=" + Stream.of(kv[1].split("\\+")).mapToInt(Integer::parseInt).sum();
    }
}
