package io.jdump.cli;

import io.jdump.pcap.FileStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** File opening with tcpdump's error wording ({@code No such file or directory}), and {@code -} for the standard streams. */
final class Io {
    private Io() {}

    /** The strerror-like reason of an I/O failure. */
    static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "No such file or directory";
            case AccessDeniedException x -> "Permission denied";
            case FileSystemException x when x.getReason() != null -> x.getReason();
            default -> e.getMessage();
        };
    }

    /** The whole text of a file, or of standard input for {@code -}; failures read {@code can't open F: reason}. */
    static String readText(String name, InputStream stdin) {
        try {
            byte[] bytes = name.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(name));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("can't open " + name + ": " + reason(e), e);
        }
    }

    /** A stream writing to file {@code name}, or to {@code stdout} for {@code -} (closing it then only flushes). */
    static OutputStream create(String name, OutputStream stdout) {
        if (name.equals("-")) {
            return new FilterOutputStream(stdout) {
                @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
                @Override public void close() throws IOException { flush(); }
            };
        }
        try {
            return FileStream.create(Path.of(name));
        } catch (IOException e) {
            throw new CliException(name + ": " + reason(e), e);
        }
    }
}
