package io.jdump.print;

import io.jdump.pcap.Frame;
import io.jdump.pcap.PcapReader;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * tcpdump's rule for printers: whatever the captured length, printing ends with valid text or a
 * {@code [|proto]} marker and never lets an exception escape. Every packet of the shared corpora
 * is cut at every length from 0 to its capture length and printed with two option sets;
 * {@code -Djdump.fuzz.scale=N} with N >= 2 adds more option sets for longer manual runs.
 */
class TruncationPropertyTest {
    static final List<String> FILES = List.of("en10mb", "raw", "sll", "sll2", "null");
    static final List<PrintOptions> OPTIONS = List.of(PrintOptions.parse("-n"), PrintOptions.parse("-n -e -vvv -X"));
    static final List<PrintOptions> MORE_OPTIONS = List.of(PrintOptions.parse("-n -q -A"),
            PrintOptions.parse("-n -S -vv -xx"), PrintOptions.parse("-n -e -v -ttttt --nano"));

    @Test
    void everyCutPrintsWithoutEscapingException() throws IOException {
        Path dir = Requirements.shared().resolve("corpus");
        Requirements.require(Files.isDirectory(dir), "shared corpus " + dir);
        int scale = Integer.getInteger("jdump.fuzz.scale", 1);
        List<PrintOptions> options = scale >= 2
                ? java.util.stream.Stream.concat(OPTIONS.stream(), MORE_OPTIONS.stream()).toList() : OPTIONS;
        long prints = 0;
        for (String name : FILES) {
            prints += cutAll(dir.resolve(name + ".pcap"), options);
        }
        System.out.println("[print] truncation property: " + prints + " prints");
        assertTrue(prints > 0, "no packets were tried");
    }

    private static long cutAll(Path file, List<PrintOptions> options) throws IOException {
        long prints = 0;
        try (PcapReader r = PcapReader.open(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = 0;
            for (Frame f = next(r); f != null; f = next(r)) {
                n++;
                for (PrintOptions o : options) {
                    PacketPrinter printer = new PacketPrinter(Render.UTC);
                    for (int len = 0; len <= f.caplen(); len++) {
                        Frame cut = new Frame(f.linkType(), f.seconds(), f.nanos(), f.wirelen(), Arrays.copyOf(f.data(), len));
                        check(printer, cut, o, file, n, len);
                        prints++;
                    }
                }
            }
        }
        return prints;
    }

    private static void check(PacketPrinter printer, Frame f, PrintOptions o, Path file, int n, int len) {
        StringBuilder out = new StringBuilder();
        try {
            printer.print(out, n, f, o);
        } catch (RuntimeException e) {
            fail(file.getFileName() + " packet " + n + " cut at " + len + " " + o + ": " + e, e);
        }
        String text = out.toString();
        if (!text.endsWith("\n") || text.contains("(internal error)")) {
            fail(file.getFileName() + " packet " + n + " cut at " + len + ": " + text);
        }
    }

    private static Frame next(PcapReader r) {
        try {
            return r.next();
        } catch (IOException e) {
            return null;
        }
    }

}
