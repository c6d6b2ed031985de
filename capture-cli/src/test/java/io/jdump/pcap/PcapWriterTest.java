package io.jdump.pcap;

import io.jdump.filter.LinkType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static io.jdump.pcap.Captures.packet;
import static io.jdump.pcap.PcapReaderTest.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PcapWriterTest {
    static final List<Frame> FRAMES = List.of(
            new Frame(LinkType.EN10MB, 1_700_000_000L, 123_456_789, 60, packet(60)),
            new Frame(LinkType.EN10MB, 1_700_000_001L, 5_000, 1514, packet(99)));

    static byte[] write(CaptureWriter w, ByteArrayOutputStream out) throws IOException {
        try (w) {
            for (Frame f : FRAMES) w.write(f, 1, 65535);
        }
        return out.toByteArray();
    }

    @Test
    void headerIsWhatLibpcapWrites() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PcapWriter(out, 12, 65535, Precision.MICRO).close();
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.nativeOrder());
        assertEquals(24, b.remaining());
        assertEquals(0xa1b2c3d4, b.getInt());
        assertEquals(2, b.getShort());
        assertEquals(4, b.getShort());
        assertEquals(0, b.getLong());
        assertEquals(65535, b.getInt());
        assertEquals(101, b.getInt(), "DLT_RAW (12) is written as LINKTYPE_RAW (101)");
    }

    @Test
    void microsecondFilesTruncateNanoseconds() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Frame> back = readAll(write(new PcapWriter(out, 1, 65535, Precision.MICRO), out)).frames();
        assertEquals(123_456_000, back.get(0).nanos());
        assertEquals(5_000, back.get(1).nanos());
        assertEquals(1514, back.get(1).wirelen());
        assertArrayEquals(packet(99), back.get(1).data());
    }

    @Test
    void nanosecondFilesKeepThemAll() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(FRAMES, readAll(write(new PcapWriter(out, 1, 65535, Precision.NANO), out)).frames());
    }

    @Test
    void pcapngRoundTripsThroughTheReader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapReaderTest.Result r = readAll(write(new PcapNgWriter(out, Precision.NANO), out));
        assertNull(r.error());
        assertEquals(FRAMES, r.frames());
    }

    @Test
    void pcapngGetsOneInterfacePerLinkType() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapNgWriter w = new PcapNgWriter(out, Precision.MICRO)) {
            w.write(1, 100, 1, 0, 60, packet(60), 0, 60);
            w.write(101, 100, 2, 0, 40, packet(40), 0, 40);
            w.write(1, 100, 3, 0, 60, packet(60), 0, 60);
        }
        List<Frame> back = readAll(out.toByteArray()).frames();
        assertEquals(List.of(LinkType.EN10MB, LinkType.RAW, LinkType.EN10MB), back.stream().map(Frame::linkType).toList());
    }

    @Test
    void classicPcapRefusesASecondLinkType() throws IOException {
        try (PcapWriter w = new PcapWriter(new ByteArrayOutputStream(), 1, 100, Precision.MICRO)) {
            IOException e = assertThrows(IOException.class, () -> w.write(101, 100, 1, 0, 40, packet(40), 0, 40));
            assertEquals("an interface has a type 101 different from the type of the first interface", e.getMessage());
        }
    }

    /** tcpdump reads our pcapng and writes the same classic pcap as from our classic pcap. */
    @Tag("oracle")
    @Test
    void tcpdumpReadsOurPcapng() throws Exception {
        ByteArrayOutputStream ng = new ByteArrayOutputStream();
        ByteArrayOutputStream pcap = new ByteArrayOutputStream();
        byte[] fromNg = Tcpdump.run(write(new PcapNgWriter(ng, Precision.MICRO), ng), "-r", "-", "-w", "-").stdout();
        assertArrayEquals(write(new PcapWriter(pcap, 1, 65535, Precision.MICRO), pcap), fromNg);
    }
}
