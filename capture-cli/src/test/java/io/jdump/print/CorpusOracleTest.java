package io.jdump.print;

import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential test against the installed tcpdump: the five generated corpora in
 * {@code shared/corpus} printed with {@code -n} and {@code -n -e -v}; reports the share of
 * tcpdump's lines we print identically (in order) and fails below a ratcheted floor.
 */
@Tag("oracle")
class CorpusOracleTest {
    /** Ratchet: raise when the printers improve, never lower. */
    static final double FLOOR = 0.993;

    static final List<String> FILES = List.of("en10mb", "raw", "sll", "sll2", "null");
    static final List<String> OPTIONS = List.of("-n", "-n -e -v");

    @Test
    void linesMatchTcpdump() throws Exception {
        Path dir = Requirements.shared().resolve("corpus");
        Requirements.require(Files.isDirectory(dir), "shared corpus " + dir);
        Requirements.require(Tcpdump.available(), "tcpdump on PATH");
        long same = 0, total = 0;
        List<String> report = new ArrayList<>();
        for (String name : FILES) {
            for (String opts : OPTIONS) {
                Path file = dir.resolve(name + ".pcap");
                List<String> expected = LineMatch.lines(Tcpdump.run(file, opts));
                List<String> actual = LineMatch.lines(Render.file(file, PrintOptions.parse(opts)));
                int common = LineMatch.common(expected, actual);
                same += common;
                total += expected.size();
                report.add(String.format("%-7s %-9s %5d/%5d %.4f", name, opts, common, expected.size(),
                        common / (double) expected.size()));
            }
        }
        double rate = same / (double) total;
        report.add(String.format("overall %d/%d %.4f", same, total, rate));
        String text = String.join("\n", report);
        System.out.println("[print] corpus vs tcpdump\n" + text);
        assertTrue(rate >= FLOOR, () -> "line-identical rate below " + FLOOR + "\n" + text);
    }

    /** Runs the installed tcpdump as the oracle. */
    static final class Tcpdump {
        private Tcpdump() {}

        static boolean available() {
            try {
                Process p = new ProcessBuilder("tcpdump", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        static String run(Path file, String opts) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of("tcpdump", "-r", file.toString()));
            cmd.addAll(List.of(opts.split(" ")));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("TZ", "UTC");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            p.waitFor(120, TimeUnit.SECONDS);
            return out;
        }
    }
}
