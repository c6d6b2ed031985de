package io.jdump.capture;

import io.jdump.capture.linux.VethPair;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command-line face of live capture, against tcpdump run as a black box: {@code -D}, the
 * errors a user meets (same text, {@code tcpdump} replaced by {@code jdump}), {@code -c}, and
 * Ctrl-C ending a capture with the three counting lines and exit status 0.
 */
@Tag("kernel")
@Tag("oracle")
class LiveSourceTest {
    final int marker = ThreadLocalRandom.current().nextInt();

    record Result(int status, String out, String err) {}

    static Result execute(String... args) {
        LiveOptions options = new LiveOptions();
        new CommandLine(options).parseArgs(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LiveSource.execute(options, lt -> null, f -> { }, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    static Result run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "finished: " + cmd);
        return new Result(p.exitValue(), new String(out), new String(err));
    }

    static Result tcpdump(String... args) throws Exception {
        Requirements.require(Requirements.onPath("tcpdump") != null, "tcpdump");
        List<String> cmd = new ArrayList<>(List.of("tcpdump"));
        cmd.addAll(Arrays.asList(args));
        Result r = run(cmd);
        return new Result(r.status(), r.out(), r.err().replace("tcpdump: ", "jdump: "));
    }

    @Test
    void listsInterfacesAsTcpdumpDoes() throws Exception {
        try (VethPair up = VethPair.create(); VethPair down = VethPair.createDown()) {
            String ours = null;
            String theirs = null;
            for (int attempt = 0; attempt < 3; attempt++) {     // other processes may add or remove interfaces meanwhile
                ours = withoutNumbers(execute("-D").out());
                theirs = netdevLines(tcpdump("-D").out(), ours);
                if (ours.equals(theirs)) break;
            }
            assertEquals(theirs, ours);
            assertTrue(ours.contains(up.rootEnd() + " [Up, Running, Connected]"), ours);
            assertTrue(ours.contains(down.rootEnd() + " [none, Disconnected]"), ours);
        }
    }

    /** tcpdump's lines for the devices we list too (it also lists nflog, dbus, ...). */
    private static String netdevLines(String tcpdumpD, String ours) {
        StringBuilder b = new StringBuilder();
        for (String line : tcpdumpD.split("\n")) {
            String name = line.substring(line.indexOf('.') + 1).split(" ")[0];
            if (("\n" + ours).contains("\n" + name + " ")) b.append(line).append(System.lineSeparator());
        }
        return withoutNumbers(b.toString());
    }

    /** The lines without their {@code N.} prefixes: tcpdump numbers devices we do not list (nflog, dbus...) too. */
    private static String withoutNumbers(String lines) {
        StringBuilder b = new StringBuilder();
        for (String line : lines.split(System.lineSeparator())) {
            if (!line.isEmpty()) b.append(line.substring(line.indexOf('.') + 1)).append('\n');
        }
        return b.toString();
    }

    @Test
    void interfaceNumbersFollowTheListing() throws Exception {
        String[] first = execute("-D").out().split("\n")[0].split("[. ]");
        assertEquals("1", first[0]);
        Result byNumber = execute("-L", "-i", "1");
        assertEquals(0, byNumber.status(), byNumber.err());
        assertTrue(byNumber.err().startsWith("Data link types for " + first[1] + " (use option -y to set):\n"), byNumber.err());
    }

    @Test
    void withoutDashIThePickedInterfaceIsTcpdumps() throws Exception {
        Requirements.require(Requirements.isRoot() && Requirements.onPath("tcpdump") != null, "root and tcpdump");
        Result theirs = run(List.of("timeout", "-s", "INT", "1", "tcpdump", "-w", "/dev/null", "ether proto 0x88b7"));
        String line = theirs.err().lines().filter(l -> l.contains("listening on")).findFirst().orElseThrow();
        String name = line.substring(line.indexOf("listening on ") + 13, line.indexOf(','));
        assertEquals(name, CaptureTarget.resolve(null).name());
    }

    @Test
    void userErrorsReadAsTcpdumps() throws Exception {
        try (VethPair down = VethPair.createDown()) {
            for (String[] args : List.of(new String[] {"-i", "jdumpnosuch0"}, new String[] {"-i", down.rootEnd()},
                    new String[] {"-i", "999"}, new String[] {"-B", "0", "-i", "lo"})) {
                Result theirs = tcpdump(args);
                Result ours = execute(args);
                assertEquals(1, ours.status(), String.join(" ", args));
                assertEquals(theirs.err().strip(), ours.err().strip(), String.join(" ", args));
            }
        }
    }

    @Test
    void withoutCapNetRawTheErrorIsTcpdumps() throws Exception {
        Requirements.require(Requirements.onPath("setpriv") != null, "setpriv");
        try (VethPair v = VethPair.create()) {
            List<String> drop = List.of("setpriv", "--bounding-set=-net_raw", "--inh-caps=-net_raw");
            List<String> tcpdump = new ArrayList<>(drop);
            tcpdump.addAll(List.of("tcpdump", "-i", v.rootEnd(), "-c", "1"));
            Result theirs = run(tcpdump);
            Result ours = run(javaCommand(drop, "-i", v.rootEnd(), "-c", "1"));
            assertEquals(1, ours.status());
            assertEquals(theirs.err().replace("tcpdump: ", "jdump: ").strip(), ours.err().strip());
        }
    }

    @Test
    void countEndsTheCaptureWithTcpdumpsCountingLines() throws Throwable {
        try (VethPair v = VethPair.create()) {
            LiveOptions options = new LiveOptions();
            new CommandLine(options).parseArgs("-i", v.rootEnd());
            options.withCount(3);
            StringWriter err = new StringWriter();
            int[] status = {-1};
            Thread t = new Thread(() -> status[0] = LiveSource.execute(options, lt -> LiveCaptureTest.ethertype(TestFrames.MATCH),
                    f -> { }, new PrintWriter(new StringWriter()), new PrintWriter(err)));
            t.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!err.toString().contains("listening on") && System.nanoTime() < deadline) Thread.sleep(10);
            v.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 0, 3));
            t.join(5000);
            assertEquals(0, status[0]);
            assertEquals(String.join(System.lineSeparator(),
                    "jdump: listening on " + v.rootEnd() + ", link-type EN10MB (Ethernet), snapshot length 262144 bytes",
                    "3 packets captured", "3 packets received by filter", "0 packets dropped by kernel", ""), err.toString());
        }
    }

    @Test
    void sigintStopsPromptlyWithCompleteCountsAndStatusZero() throws Exception {
        sigintStops(false);
    }

    /** A shell starts a background job with SIGINT ignored; tcpdump stops on it all the same. */
    @Test
    void sigintInheritedAsIgnoredStillStops() throws Exception {
        sigintStops(true);
    }

    private void sigintStops(boolean ignoredByParent) throws Exception {
        try (VethPair v = VethPair.create()) {
            Path file = java.nio.file.Files.createTempFile("jdump-live-", ".pcap");
            List<String> command = new ArrayList<>();
            if (ignoredByParent) command.addAll(List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh"));
            command.addAll(javaCommand(List.of(), "-i", v.rootEnd(), "-w", file.toString(), "ether", "proto", "0x88b5"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
                StringBuilder text = new StringBuilder();
                for (String line; (line = reader.readLine()) != null; ) {
                    text.append(line).append('\n');
                    if (line.contains("listening on")) break;
                }
                v.sendFromPeer(TestFrames.interleave(TestFrames.frames(TestFrames.MATCH, marker, 0, 7),
                        TestFrames.frames(TestFrames.OTHER, marker, 0, 5)));
                Thread.sleep(200);
                long start = System.nanoTime();
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                assertTrue(p.waitFor(5, TimeUnit.SECONDS), "ends within 5 s of SIGINT");
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                text.append(new String(p.getInputStream().readAllBytes()));
                assertEquals(0, p.exitValue(), text::toString);
                assertTrue(text.toString().endsWith("7 packets captured\n7 packets received by filter\n0 packets dropped by kernel\n"),
                        text::toString);
                assertTrue(millis < 2000, "stopped in " + millis + " ms");
                assertEquals(24 + 7 * (16 + 60), java.nio.file.Files.size(file), "7 frames written and flushed");
            } finally {
                p.destroyForcibly();
                java.nio.file.Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void relinquishesPrivilegesAfterOpeningTheSocket() throws Exception {
        try (VethPair v = VethPair.create()) {
            assertEquals("jdump: Couldn't find user 'jdumpnosuchuser'",
                    run(javaCommand(List.of(), "-i", v.rootEnd(), "-Z", "jdumpnosuchuser")).err().strip());
            Process p = new ProcessBuilder(javaCommand(List.of(), "-i", v.rootEnd(), "-Z", "nobody", "-c", "1",
                    "ether", "proto", "0x88b5")).redirectErrorStream(true).start();
            try {
                var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
                for (String line; (line = reader.readLine()) != null && !line.contains("listening on"); ) { }
                String status = java.nio.file.Files.readString(Path.of("/proc", Long.toString(p.pid()), "status"));
                assertTrue(status.contains("\nUid:\t65534\t65534\t65534\t65534\n"), status);
                v.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 0, 1));
                assertTrue(p.waitFor(5, TimeUnit.SECONDS), "-c 1 ends the capture as nobody");
                assertEquals(0, p.exitValue());
            } finally {
                p.destroyForcibly();
            }
        }
    }

    /** {@code java -cp <test classpath> io.jdump.capture.LiveMain args}, behind {@code prefix}. */
    static List<String> javaCommand(List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LiveMain.class.getName()));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }
}
