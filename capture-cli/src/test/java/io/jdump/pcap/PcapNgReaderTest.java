package io.jdump.pcap;

import io.jdump.filter.LinkType;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.jdump.pcap.Captures.packet;
import static io.jdump.pcap.PcapReaderTest.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PcapNgReaderTest {
    static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jdump.pcap.PcapReaderTest#orders")
    void readsEnhancedPacketsInBothByteOrders(ByteOrder order, Precision unused) throws IOException {
        byte[] file = Captures.pcapng(order).idb(1, 65535, -1).epb(0, 1_500_000_000_123_456L, 60, packet(60)).bytes();
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
            assertEquals(LinkType.EN10MB, r.linkType());
            assertEquals(65535, r.snaplen());
            Frame f = r.next();
            assertEquals(1_500_000_000L, f.seconds());
            assertEquals(123_456_000, f.nanos());
            assertArrayEquals(packet(60), f.data());
            assertNull(r.next());
        }
    }

    /** if_tsresol values and the time stamp (seconds, nanoseconds) a count of units gives. */
    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of(6, 1_500_000_000_123_456L, 1_500_000_000L, 123_456_000L),
                Arguments.of(9, 1_500_000_000_123_456_789L, 1_500_000_000L, 123_456_789L),
                Arguments.of(3, 1_500_000_000_123L, 1_500_000_000L, 123_000_000L),
                Arguments.of(0x80 | 20, (1_500_000_000L << 20) | (1 << 19), 1_500_000_000L, 500_000_000L),
                Arguments.of(19, Long.parseUnsignedLong("10000000000000000000"), 1L, 0L),
                Arguments.of(0x80 | 63, 1L << 62, 0L, 500_000_000L));
    }

    @ParameterizedTest(name = "tsresol {0}")
    @MethodSource("resolutions")
    void timeStampsFollowTheInterfaceResolution(int tsresol, long units, long seconds, long nanos) throws IOException {
        byte[] file = Captures.pcapng(LE).idb(1, 0, tsresol).epb(0, units, 60, packet(60)).bytes();
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
            assertEquals(262144, r.snaplen());
            r.advance();
            assertEquals(seconds, r.seconds());
            assertEquals(nanos, r.nanos());
        }
    }

    @Test
    void simplePacketsAreCutToTheSnaplenAndHaveNoTimeStamp() {
        List<Frame> frames = readAll(Captures.pcapng(LE).idb(1, 100, -1).spb(60, packet(60)).spb(180, packet(180)).bytes()).frames();
        assertEquals(List.of(60, 100), frames.stream().map(Frame::caplen).toList());
        assertEquals(180, frames.get(1).wirelen());
        assertEquals(0, frames.get(1).seconds());
    }

    @Test
    void skipsNameResolutionStatisticsAndUnknownBlocks() {
        byte[] file = Captures.pcapng(LE).block(4, new byte[] {0, 0, 0, 0}).idb(1, 100, -1).block(5, new byte[20])
                .block(0x999, "hello".getBytes()).block(0x80000bad, new byte[8]).epb(0, 1_000_000, 60, packet(60)).block(5, new byte[20]).bytes();
        PcapReaderTest.Result r = readAll(file);
        assertNull(r.error());
        assertEquals(1, r.frames().size());
    }

    @Test
    void readsSeveralSectionsEvenInDifferentByteOrders() {
        byte[] file = Captures.pcapng(LE).idb(1, 100, -1).epb(0, 1_000_000, 60, packet(60))
                .section(BE, 1, 0).idb(1, 200, 9).epb(0, 2_000_000_000L, 60, packet(60)).bytes();
        PcapReaderTest.Result r = readAll(file);
        assertNull(r.error());
        assertEquals(List.of(1L, 2L), r.frames().stream().map(Frame::seconds).toList());
    }

    @Test
    void interfacesMayHaveDifferentLinkTypes() throws IOException {
        byte[] file = Captures.pcapng(LE).idb(1, 100, -1).idb(101, 300, -1)
                .epb(0, 1_000_000, 60, packet(60)).epb(1, 2_000_000, 40, packet(40)).bytes();
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
            assertEquals(LinkType.EN10MB, r.next().linkType());
            Frame raw = r.next();
            assertEquals(LinkType.RAW, raw.linkType());
            assertEquals(1, r.rawLinkType());
            assertEquals(2, ((PcapNgReader) r).interfaces().size());
        }
    }

    /** Damaged pcapng files; messages checked against libpcap 1.10.3 (trailer mismatch: the suite's HEAD wording). */
    static Stream<Arguments> damaged() {
        Captures two = Captures.pcapng(LE).idb(1, 100, -1).epb(0, 1_000_000, 60, packet(60)).epb(0, 2_000_000, 60, packet(60));
        return Stream.of(
                Arguments.of("block cut", two.cut(10), 1, "truncated pcapng dump file; tried to read 84 bytes, only got 74"),
                Arguments.of("block header cut", two.cut(86), 1, "truncated pcapng dump file; tried to read 8 bytes, only got 6"),
                Arguments.of("section header cut", java.util.Arrays.copyOf(one().bytes(), 20), 0,
                        "truncated pcapng dump file; tried to read 16 bytes, only got 8"),
                Arguments.of("section header too short to tell", java.util.Arrays.copyOf(one().bytes(), 6), 0, "unknown file format"),
                Arguments.of("caplen above snaplen", Captures.pcapng(LE).idb(1, 40, -1).epb(0, 1, 60, packet(60)).bytes(), 0,
                        "invalid packet capture length 60, bigger than snaplen of 40"),
                Arguments.of("no interface", Captures.pcapng(LE).idb(1, 100, -1).epb(3, 1, 60, packet(60)).bytes(), 0,
                        "a packet arrived on interface 3, but there's no Interface Description Block for that interface"),
                Arguments.of("packet before interface", Captures.pcapng(LE).epb(0, 1, 60, packet(60)).bytes(), 0,
                        "the capture file has a packet block before any Interface Description Blocks"),
                Arguments.of("unknown block type with the high bit set, then a packet", Captures.pcapng(LE)
                        .block(0xb2628f49, new byte[4]).epb(0, 1, 60, packet(60)).bytes(), 0,
                        "the capture file has a packet block before any Interface Description Blocks"),
                Arguments.of("no interface at all", Captures.pcapng(LE).bytes(), 0, "the capture file has no Interface Description Blocks"),
                Arguments.of("version 2.0", Captures.pcapng(LE, 2, 0).bytes(), 0, "unsupported pcapng savefile version 2.0"),
                Arguments.of("later section version 2.0", one().raw(Captures.pcapng(LE, 2, 0).bytes()).bytes(), 1,
                        "unknown pcapng savefile major version number 2"),
                Arguments.of("tsresol too fine", Captures.pcapng(LE).idb(1, 0, 20).bytes(), 0,
                        "Interface Description Block if_tsresol option resolution 10^-20 is too high"),
                Arguments.of("block length not a multiple of 4", one().raw(new byte[] {6, 0, 0, 0, 22, 0, 0, 0}).bytes(), 1,
                        "block in pcapng dump file has a length of 22 that is not a multiple of 4"),
                Arguments.of("huge block", Captures.pcapng(LE).idb(1, 100, -1).raw(new byte[] {6, 0, 0, 0, (byte) 0xf0, (byte) 0xff, (byte) 0xff, 0x7f}).bytes(), 0,
                        "pcapng block size 2147483632 > maximum 16777216"),
                Arguments.of("trailer mismatch", mismatch(), 0, "block total length in header 92 and trailer 99 don't match"));
    }

    private static Captures one() {
        return Captures.pcapng(LE).idb(1, 100, -1).epb(0, 1_000_000, 60, packet(60));
    }

    private static byte[] mismatch() {
        byte[] b = Captures.pcapng(LE).idb(1, 100, -1).epb(0, 1, 60, packet(60)).bytes();
        b[b.length - 4] = 99;
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void damagedFileKeepsWholePacketsThenFailsWithLibpcapsMessage(String name, byte[] file, int whole, String message) {
        PcapReaderTest.Result r = readAll(file);
        assertEquals(message, r.error());
        assertEquals(whole, r.frames().size());
    }

    static Stream<Path> corpusPcapng() throws IOException {
        Path dir = Requirements.sharedFile("tcpdump-corpus/inputs");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".pcapng")).sorted().toList().stream();
        }
    }

    /** tcpdump -r F.pcapng -w - writes classic pcap; so must our reader plus PcapWriter, byte for byte. */
    @Tag("oracle")
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusPcapng")
    void corpusPcapngConvertsToTheSamePcapAsTcpdump(Path file) throws Exception {
        Tcpdump.Run expected = Tcpdump.run(new byte[0], "-r", file.toString(), "-w", "-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaptureReader r = CaptureReader.open(Files.newInputStream(file));
             PcapWriter w = PcapWriter.like(r, out, Precision.MICRO)) {
            while (r.advance()) w.write(r);
        }
        assertEquals(0, expected.status(), expected.stderr());
        assertArrayEquals(expected.stdout(), out.toByteArray());
    }
}
