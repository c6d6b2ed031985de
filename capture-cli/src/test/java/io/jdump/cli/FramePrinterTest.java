package io.jdump.cli;

import io.jdump.pcap.CaptureReader;
import io.jdump.pcap.Frame;
import io.jdump.pcap.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FramePrinterTest {
    /** The placeholder printer's time stamps are tcpdump's: compare with tcpdump -n output made under TZ=UTC. */
    @Test
    void timeStampsMatchTcpdumpsInUtc() throws IOException {
        StringWriter text = new StringWriter();
        FramePrinter printer = FramePrinter.basic(new PrintWriter(text, true), Precision.MICRO, ZoneOffset.UTC);
        try (CaptureReader r = CaptureReader.open(Jdump.TESTDATA.resolve("http.pcap"))) {
            for (Frame f; (f = r.next()) != null; ) printer.print(f);
        }
        List<String> ours = text.toString().lines().map(l -> l.substring(0, l.indexOf(' '))).toList();
        List<String> tcpdump = Files.readAllLines(Jdump.TESTDATA.resolve("http.tcpdump-n.out")).stream()
                .map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertEquals(tcpdump, ours);
    }

    @Test
    void nanosecondPrecisionPrintsNineDigits() {
        assertEquals("00:00:01.000000042", FramePrinter.timeOfDay(1, 42, Precision.NANO, ZoneOffset.UTC));
        assertEquals("00:00:01.000000", FramePrinter.timeOfDay(1, 42, Precision.MICRO, ZoneOffset.UTC));
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
