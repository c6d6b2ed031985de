package io.jdump.print;

import io.jdump.pcap.Frame;
import io.jdump.pcap.PcapReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/** Test helper: prints every frame of a classic pcap file with {@link PacketPrinter}, as tcpdump -r would. */
final class Render {
    private Render() {}

    static final ZoneId UTC = ZoneId.of("UTC");

    /** The whole output for {@code file}; a damaged trailing record ends the output as tcpdump's does. */
    static String file(Path file, PrintOptions opts) throws IOException {
        return file(file, opts, Integer.MAX_VALUE);
    }

    /** As {@link #file(Path, PrintOptions)}, stopping after {@code count} frames (tcpdump's {@code -c}). */
    static String file(Path file, PrintOptions opts, int count) throws IOException {
        StringBuilder out = new StringBuilder();
        PacketPrinter printer = new PacketPrinter(UTC);
        try (PcapReader r = PcapReader.open(new BufferedInputStream(Files.newInputStream(file)))) {
            long n = 0;
            while (n < count) {
                Frame f;
                try {
                    f = r.next();
                } catch (IOException e) {
                    break;
                }
                if (f == null) break;
                printer.print(out, ++n, f, opts);
            }
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        System.out.print(file(Path.of(args[0]), PrintOptions.parse(args.length > 1 ? args[1] : "-n")));
    }
}
