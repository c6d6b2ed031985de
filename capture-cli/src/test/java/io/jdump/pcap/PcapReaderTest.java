package io.jdump.pcap;

import io.jdump.filter.LinkType;
import io.jdump.testing.Requirements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.jdump.pcap.Captures.packet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PcapReaderTest {
    static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** What reading a file gives: its frames, then the error message or null. */
    record Result(List<Frame> frames, String error) {}

    static Result readAll(byte[] file) {
        List<Frame> frames = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
            for (Frame f; (f = r.next()) != null; ) frames.add(f);
            return new Result(frames, null);
        } catch (IOException e) {
            return new Result(frames, e.getMessage());
        }
    }

    static Stream<Arguments> orders() {
        return Stream.of(Arguments.of(LE, Precision.MICRO), Arguments.of(BE, Precision.MICRO),
                Arguments.of(LE, Precision.NANO), Arguments.of(BE, Precision.NANO));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("orders")
    void readsBothByteOrdersAndPrecisions(ByteOrder order, Precision precision) throws IOException {
        byte[] file = Captures.pcap(order, precision, 65535, 1)
                .record(1_700_000_000L, 123_456, 60, packet(60))
                .record(0xfffffffeL, 999_999, 1514, packet(100))
                .bytes();
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
            PcapReader p = (PcapReader) r;
            assertEquals(order, p.byteOrder());
            assertEquals(precision, p.precision());
            assertEquals(LinkType.EN10MB, r.linkType());
            assertEquals(65535, r.snaplen());
            Frame a = r.next();
            assertEquals(1_700_000_000L, a.seconds());
            assertEquals(precision.toNanos(123_456), a.nanos());
            assertArrayEquals(packet(60), a.data());
            Frame b = r.next();
            assertEquals(0xfffffffeL, b.seconds());
            assertEquals(1514, b.wirelen());
            assertEquals(100, b.caplen());
            assertNull(r.next());
        }
    }

    @Test
    void snaplenZeroMeansTheLinkTypesMaximum() throws IOException {
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(Captures.pcap(LE, Precision.MICRO, 0, 231).bytes()))) {
            assertEquals(128 * 1024 * 1024, r.snaplen());
        }
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(Captures.pcap(LE, Precision.MICRO, 0, 1).bytes()))) {
            assertEquals(262144, r.snaplen());
        }
    }

    @Test
    void recordLongerThanSnaplenIsCutToIt() {
        Result r = readAll(Captures.pcap(LE, Precision.MICRO, 40, 1).record(1, 2, 100, packet(60)).record(1, 3, 60, packet(60)).bytes());
        assertEquals(null, r.error());
        assertEquals(List.of(40, 40), r.frames().stream().map(Frame::caplen).toList());
        assertEquals(100, r.frames().getFirst().wirelen());
    }

    @Test
    void fcsBitsStayInTheRawLinkTypeButNotInTheName() throws IOException {
        int raw = 1 | 0x14000000;
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(Captures.pcap(LE, Precision.MICRO, 100, raw).bytes()))) {
            assertEquals(raw, r.rawLinkType());
            assertEquals(LinkType.EN10MB, r.linkType());
        }
    }

    /** Damaged files: messages and exit statuses checked against tcpdump 4.99.3 / libpcap 1.10.3 by hand. */
    static Stream<Arguments> damaged() {
        Captures two = Captures.pcap(LE, Precision.MICRO, 65535, 1).record(1, 0, 60, packet(60)).record(2, 0, 81, packet(81));
        return Stream.of(
                Arguments.of("empty file", new byte[0], 0, "truncated dump file; tried to read 4 file header bytes, only got 0"),
                Arguments.of("two bytes", new byte[] {(byte) 0xd4, (byte) 0xc3}, 0, "truncated dump file; tried to read 4 file header bytes, only got 2"),
                Arguments.of("truncated header", java.util.Arrays.copyOf(two.bytes(), 10), 0,
                        "truncated dump file; tried to read 24 file header bytes, only got 6"),
                Arguments.of("wrong magic", new byte[] {0, 1, 2, 3, 0, 0, 0, 0}, 0, "unknown file format"),
                Arguments.of("truncated record header", two.cut(81 + 10), 1, "truncated dump file; tried to read 16 header bytes, only got 6"),
                Arguments.of("truncated record", two.cut(21), 1, "truncated dump file; tried to read 81 captured bytes, only got 60"),
                Arguments.of("record above snaplen, cut in its first snaplen bytes",
                        Captures.pcap(LE, Precision.MICRO, 40, 1).record(1, 0, 100, 100, new byte[30]).bytes(), 0,
                        "truncated dump file; tried to read 40 captured bytes, only got 30"),
                Arguments.of("record above snaplen, cut after them",
                        Captures.pcap(LE, Precision.MICRO, 40, 1).record(1, 0, 100, 100, new byte[60]).bytes(), 0,
                        "truncated dump file; tried to read 100 captured bytes, only got 60"),
                Arguments.of("absurd caplen", Captures.pcap(LE, Precision.MICRO, 65535, 1).record(1, 0, 60, packet(60))
                        .record(1, 0, 0x7fffffff, 60, packet(60)).bytes(), 1,
                        "invalid packet capture length 2147483647, bigger than snaplen of 65535"),
                Arguments.of("caplen above maximum", Captures.pcap(LE, Precision.MICRO, 300000, 1)
                        .record(1, 0, 270000, 270000, new byte[270000]).bytes(), 0,
                        "invalid packet capture length 270000, bigger than maximum of 262144"),
                Arguments.of("version 2.5", Captures.pcap(LE, Precision.MICRO.magic(), 2, 5, 100, 1).bytes(), 0,
                        "unsupported pcap savefile version 2.5"),
                Arguments.of("reserved link-type bits", Captures.pcap(BE, Precision.MICRO, 100, 0x00300001).bytes(), 0,
                        "savefile linktype reserved field not zero (0x00300000)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void damagedFileKeepsWholeRecordsThenFailsWithLibpcapsMessage(String name, byte[] file, int whole, String message) {
        Result r = readAll(file);
        assertEquals(message, r.error());
        assertEquals(whole, r.frames().size());
    }

    /** libpcap's TESTrun savefile_reject cases: each file must be refused with the suite's message. */
    static Stream<Arguments> savefileRejects() throws IOException {
        Path cases = Requirements.sharedFile("libpcap-filter-suite/cases.jsonl");
        Pattern file = Pattern.compile("\"savefile\": \"([^\"]+)\"");
        Pattern error = Pattern.compile("\"expected_error\": \"Failed opening: ([^\"]+)\"");
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(cases)) {
            if (!line.contains("\"kind\": \"savefile_reject\"")) continue;
            Matcher f = file.matcher(line);
            Matcher e = error.matcher(line);
            if (f.find() && e.find()) out.add(Arguments.of(f.group(1), e.group(1)));
        }
        assertEquals(6, out.size(), "savefile_reject cases in the suite");
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("savefileRejects")
    void refusesLibpcapsRejectedSavefiles(String savefile, String message) throws IOException {
        byte[] bytes = Files.readAllBytes(Requirements.sharedFile("libpcap-filter-suite/savefiles/" + savefile));
        IOException e = assertThrows(IOException.class, () -> {
            try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(bytes))) {
                while (r.advance()) { /* read everything */ }
            }
        });
        assertEquals(message, e.getMessage());
    }

    /** A regular file is mapped part by part: records straddling the parts read the same as from a stream. */
    @Test
    void readsAFileLargerThanOneMappedPart(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Captures c = Captures.pcap(LE, Precision.MICRO, 65535, 1);
        int n = 0;
        for (long size = 24; size < Input.MAP_WINDOW * 2 + 5000; size += 16 + 1000 + n % 7, n++) {
            c.record(n, n % 1_000_000, 1000 + n % 7, packet(1000 + n % 7));
        }
        byte[] bytes = c.bytes();
        Path file = dir.resolve("big.pcap");
        Files.write(file, bytes);
        List<Frame> fromStream = readAll(bytes).frames();
        assertEquals(n, fromStream.size());
        try (CaptureReader r = CaptureReader.open(file)) {
            for (Frame want : fromStream) assertEquals(want, r.next());
            assertNull(r.next());
        }
    }
}
