package io.jdump.capture.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PinnedFileStreamTest {
    @TempDir
    Path dir;

    @Test
    void writesSlicesOfArraysAndTruncatesAnOldFile() throws IOException {
        Path file = dir.resolve("out.pcap");
        Files.write(file, new byte[5000]);
        byte[] data = new byte[3 << 20];
        new Random(6).nextBytes(data);
        try (PinnedFileStream s = PinnedFileStream.open(file.toString())) {
            assertNotNull(s);
            s.write(data, 0, 1 << 20);
            s.write(data[1 << 20]);
            s.write(data, (1 << 20) + 1, data.length - (1 << 20) - 1);
            s.write(data, 7, 0);
        }
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @Test
    void devNullIsTakenOtherSpecialFilesAreNot() throws IOException {
        try (PinnedFileStream s = PinnedFileStream.open("/dev/null")) {
            assertNotNull(s);
            s.write(new byte[1 << 20], 0, 1 << 20);
        }
        assertNull(PinnedFileStream.open("/dev/zero"));
        assertNull(PinnedFileStream.open(dir.toString()));
    }

    @Test
    void aLinkToNothingAPathNamesIsLeftToTheOrdinaryStream() throws IOException {
        Path link = dir.resolve("stdout");
        Files.createSymbolicLink(link, Path.of("pipe:[12345]"));   // as /dev/stdout -> /proc/self/fd/1 on a pipe
        assertNull(PinnedFileStream.open(link.toString()));
    }

    @Test
    void aMissingDirectoryIsTheOpenError() {
        String name = dir.resolve("no/such/file").toString();
        FileSystemException e = assertThrows(NoSuchFileException.class, () -> PinnedFileStream.open(name));
        assertEquals("No such file or directory", e.getReason());
    }

    @Test
    void writingAfterCloseFails() throws IOException {
        PinnedFileStream s = PinnedFileStream.open(dir.resolve("x").toString());
        assertNotNull(s);
        s.close();
        s.close();
        assertThrows(IOException.class, () -> s.write(1));
    }
}
