package io.jdump.pcap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A -w file: its channel takes the writers' direct buffer, and what reaches the file is what a stream of arrays gets. */
class FileStreamTest {
    @TempDir
    Path dir;

    @Test
    void writesSlicesOfArraysAndBuffersAndTruncatesAnOldFile() throws IOException {
        Path file = dir.resolve("out.pcap");
        Files.write(file, new byte[5000]);
        byte[] data = new byte[3 << 20];
        new Random(6).nextBytes(data);
        try (FileStream s = FileStream.create(file)) {
            s.write(data, 0, 1 << 20);
            s.write(data[1 << 20]);
            s.write(ByteBuffer.wrap(data, (1 << 20) + 1, 1000).slice());
            s.write(data, (1 << 20) + 1001, data.length - (1 << 20) - 1001);
            s.write(data, 7, 0);
        }
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @Test
    void writersThroughTheChannelWriteWhatTheyWriteToAStream() throws IOException {
        Random r = new Random(11);
        for (boolean ng : new boolean[] {false, true}) {
            Path file = dir.resolve("w" + ng);
            ByteArrayOutputStream array = new ByteArrayOutputStream();
            try (CaptureWriter a = open(ng, FileStream.create(file)); CaptureWriter b = open(ng, array)) {
                for (int i = 0; i < 40_000; i++) {   // ~60 MiB: many drains of the 1 MiB buffer
                    byte[] pkt = new byte[r.nextInt(3000)];
                    r.nextBytes(pkt);
                    a.write(1, 262144, i, i * 1000L, pkt.length + 3, pkt, 0, pkt.length);
                    b.write(1, 262144, i, i * 1000L, pkt.length + 3, pkt, 0, pkt.length);
                }
                a.write(1, 262144, 0, 0, 5 << 20, new byte[4 << 20], 0, 4 << 20);   // longer than the buffer
                b.write(1, 262144, 0, 0, 5 << 20, new byte[4 << 20], 0, 4 << 20);
            }
            assertArrayEquals(array.toByteArray(), Files.readAllBytes(file), ng ? "pcapng" : "pcap");
        }
    }

    private static CaptureWriter open(boolean ng, java.io.OutputStream out) throws IOException {
        return ng ? new PcapNgWriter(out, Precision.MICRO) : new PcapWriter(out, 1, 262144, Precision.MICRO);
    }

    @Test
    void devNullTakesWrites() throws IOException {
        try (FileStream s = FileStream.create(Path.of("/dev/null"))) {
            s.write(new byte[1 << 20], 0, 1 << 20);
        }
    }

    @Test
    void aMissingDirectoryIsTheOpenError() {
        Path name = dir.resolve("no/such/file");
        FileSystemException e = assertThrows(NoSuchFileException.class, () -> FileStream.create(name));
        assertEquals(name.toString(), e.getFile());
    }

    @Test
    void writingAfterCloseFails() throws IOException {
        FileStream s = FileStream.create(dir.resolve("x"));
        s.close();
        s.close();
        assertThrows(IOException.class, () -> s.write(1));
    }
}
