package io.jdump.cli;

import io.jdump.pcap.CaptureReader;
import io.jdump.pcap.Frame;
import io.jdump.print.PrintOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FramePrinterTest {
    /** The whole printed output of a capture equals tcpdump's ({@code -n}, made under TZ=UTC). */
    @Test
    void linesMatchTcpdumpsInUtc() throws IOException {
        StringWriter text = new StringWriter();
        FramePrinter printer = FramePrinter.tcpdump(new PrintWriter(text, true), PrintOptions.defaults(), ZoneOffset.UTC, false);
        try (CaptureReader r = CaptureReader.open(Jdump.TESTDATA.resolve("http.pcap"))) {
            for (Frame f; (f = r.next()) != null; ) printer.print(f);
        }
        assertEquals(Files.readString(Jdump.TESTDATA.resolve("http.tcpdump-n.out")), text.toString());
    }

    @Test
    void expressionFileCommentsAreDropped(@TempDir Path dir) throws IOException {
        assertEquals("tcp \nand port 80", Session.withoutComments("tcp # the protocol\nand port 80"));
        Path f = Files.writeString(dir.resolve("filter.txt"), "# only a comment\n");
        Jdump.Result r = Jdump.run("-r", Jdump.testdata("http.pcap"), "-F", f.toString(), "--count", "ignored", "words");
        assertEquals(0, r.status(), r.err());
        assertEquals("17 packets\n", r.out());
    }
}
