package io.jdump.cli;

import io.jdump.capture.linux.VethPair;
import io.jdump.pcap.PcapReader;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real command ({@link Main}, as {@code ./jdump} runs it, in a child JVM) capturing live next to
 * tcpdump on the same veth end, at the same time, with the same options: the {@code -w} files hold
 * the same packets with the same bytes, and the closing lines are tcpdump's, whether the capture
 * ends on SIGINT, SIGTERM, {@code -c} or {@code -W} files with {@code -G}. Each test makes its own
 * namespace and veth pair, sends a bounded number of frames, and bounds every wait.
 */
@Tag("kernel")
@Tag("oracle")
class LiveCliTest {
    private static final int MATCH = 0x88b5;
    private static final int OTHER = 0x88b6;
    private static final String FILTER = "ether proto 0x88b5";
    final int marker = ThreadLocalRandom.current().nextInt();

    @TempDir Path dir;

    @Test
    void writeFileEqualsTcpdumpsPacketForPacketAndCountLinesAreTcpdumps() throws Exception {
        try (VethPair v = VethPair.create()) {
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < 6; i++) frames.add(frame(i % 3 == 2 ? OTHER : MATCH, i, 60 + 37 * i));
            frames.add(tagged(0x8100, 0x200a, MATCH, 6));
            frames.add(tagged(0x8100, 0x0003, OTHER, 7));
            frames.add(frame(MATCH, 8, 1514));
            parity(List.of("-i", v.rootEnd()), FILTER, () -> v.sendFromPeer(frames), 6, "-INT");
        }
    }

    @Test
    void docsisOnEthernetWritesTcpdumpsFile() throws Exception {
        try (VethPair v = VethPair.create()) {
            List<byte[]> frames = List.of(frame(MATCH, 0, 60), frame(OTHER, 1, 100), tagged(0x8100, 0x0005, MATCH, 2));
            parity(List.of("-i", v.rootEnd(), "-y", "DOCSIS"), "", () -> v.sendFromPeer(frames), 3, "-TERM");
        }
    }

    @Test
    void anyAsLinuxCookedV1WritesTcpdumpsFile() throws Exception {
        try (VethPair a = VethPair.create(); VethPair b = VethPair.create()) {
            String filter = FILTER + " and ether[16:4] = " + Integer.toUnsignedString(marker);
            parity(List.of("-i", "any", "-y", "LINUX_SLL"), filter, () -> {
                a.sendFromPeer(List.of(frame(MATCH, 0, 60), frame(OTHER, 1, 60), tagged(0x8100, 0x0007, MATCH, 2)));
                b.sendFromPeer(List.of(frame(MATCH, 3, 200), frame(OTHER, 4, 60)));
            }, 3, "-INT");
        }
    }

    /**
     * Ctrl-C while jdump is still opening the capture (the socket is there, the JIT warm-up runs,
     * nothing is printed yet): the warm-up is cut short and the capture ends with its counts and
     * status 0, as tcpdump does, instead of the JVM dying on the signal with nothing printed.
     */
    @Test
    void sigintWhileOpeningEndsWithCountsAndStatusZero() throws Exception {
        requireTools();
        try (VethPair v = VethPair.create()) {
            Path ours = dir.resolve("early.pcap");
            Child j = start(jdump("-i", v.rootEnd(), "-w", ours.toString(), FILTER));
            try {
                awaitSocket(j);
                assertFalse(j.reader().ready(), "printed before the signal: not opening any more");
                long start = System.nanoTime();
                String text = signalAndRead(j, "-INT");
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(0, j.exitValue(), text);
                assertTrue(millis < 3000, "ended " + millis + " ms after the signal: the warm-up went on");
                assertTrue(text.contains("listening on " + v.rootEnd()), text);
                assertEquals(List.of("0 packets captured", "0 packets received by filter", "0 packets dropped by kernel"),
                        countLines(text), text);
                assertEquals(List.of(), records(ours));
            } finally {
                j.destroyForcibly();
            }
        }
    }

    /** Waits (10 s at most) until the child holds a socket: it is opening the capture. */
    private static void awaitSocket(Child c) throws IOException {
        Path fds = Path.of("/proc", Long.toString(c.process().pid()), "fd");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && c.isAlive()) {
            try (var links = Files.list(fds)) {
                if (links.anyMatch(l -> {
                    try {
                        return Files.readSymbolicLink(l).toString().startsWith("socket:");
                    } catch (IOException e) {
                        return false;   // closed meanwhile
                    }
                })) return;
            }
            pause(5);
        }
        throw new AssertionError("no socket within 10 s");
    }

    /**
     * {@code inbound} and {@code outbound} compiled by jdump for a live socket (the kernel's packet
     * type): exactly the frames received, or sent, are written, and only they reach user space
     * (received by filter). Not compared with tcpdump: 4.99.3 with libpcap 1.10.3 writes none of
     * the inbound frames its kernel filter accepted ("0 packets captured, 3 packets received by
     * filter" by hand on a veth).
     */
    @Test
    void directionFiltersLiveKeepExactlyThatDirection() throws Exception {
        requireTools();
        try (VethPair v = VethPair.create()) {
            for (String dir : List.of("inbound", "outbound")) {
                Path ours = this.dir.resolve(dir + ".pcap");
                Child j = start(jdump("-i", v.rootEnd(), "-w", ours.toString(), dir + " and " + FILTER));
                try {
                    String text = awaitListening(j);
                    v.sendFromPeer(List.of(frame(MATCH, 0, 60), frame(OTHER, 1, 60), frame(MATCH, 2, 60), frame(MATCH, 3, 60)));
                    v.sendFromRoot(List.of(frame(MATCH, 10, 60), frame(OTHER, 11, 60), frame(MATCH, 12, 60)));
                    Thread.sleep(500);
                    text += signalAndRead(j, "-INT");
                    List<Integer> expected = dir.equals("inbound") ? List.of(0, 2, 3) : List.of(10, 12);
                    assertEquals(0, j.exitValue(), text);
                    assertEquals(List.of(expected.size() + " packets captured", expected.size() + " packets received by filter",
                            "0 packets dropped by kernel"), countLines(text), text);
                    assertEquals(expected, seqs(ours, 14), dir);
                } finally {
                    j.destroyForcibly();
                }
            }
        }
    }

    /** {@code ifindex} on {@code any} (the kernel's interface index): the frames of that interface only, as tcpdump. */
    @Test
    void ifindexOnAnyKeepsOneInterfaceAsTcpdump() throws Exception {
        try (VethPair a = VethPair.create(); VethPair b = VethPair.create()) {
            String filter = "ifindex " + a.rootIndex() + " and " + FILTER + " and ether[20:4] = " + Integer.toUnsignedString(marker);
            parity(List.of("-i", "any"), filter, () -> {
                a.sendFromPeer(List.of(frame(MATCH, 0, 60), frame(OTHER, 1, 60), frame(MATCH, 2, 60)));
                b.sendFromPeer(List.of(frame(MATCH, 3, 60), frame(MATCH, 4, 60)));
            }, 2, "-TERM");
        }
    }

    /**
     * {@code ip broadcast} live: tcpdump 4.99.3 compiles it with netmask 0 whatever the interface's
     * address (its kernel program tests 0.0.0.0 and 255.255.255.255 only; no SIOCGIFNETMASK is
     * made), so 192.0.2.255 on a 192.0.2.1/24 interface is not matched; jdump does the same.
     */
    @Test
    void ipBroadcastUsesTcpdumpsNetmaskOnAnInterfaceWithAnAddress() throws Exception {
        try (VethPair v = VethPair.create()) {
            VethPair.ip("addr", "add", "192.0.2.1/24", "dev", v.rootEnd());
            List<byte[]> frames = List.of(ipv4(0xc00002ff, 0), ipv4(0xffffffff, 1), ipv4(0, 2), ipv4(0xc0000207, 3),
                    frame(MATCH, 4, 60));
            parity(List.of("-i", v.rootEnd()), "ip broadcast and udp port 9", () -> v.sendFromPeer(frames), 2, "-INT");
        }
    }

    @Test
    void countStopsTheCaptureAtNAsTcpdump() throws Exception {
        requireTools();
        try (VethPair v = VethPair.create()) {
            Path ours = dir.resolve("jdump.pcap");
            Path theirs = dir.resolve("tcpdump.pcap");
            Child j = start(jdump("-i", v.rootEnd(), "-c", "3", "-w", ours.toString(), FILTER));
            Child t = start(tcpdump("-i", v.rootEnd(), "-c", "3", "-w", theirs.toString(), FILTER));
            try {
                String jText = awaitListening(j);
                String tText = awaitListening(t);
                List<byte[]> frames = new ArrayList<>();
                for (int i = 0; i < 8; i++) frames.add(frame(i % 2 == 0 ? MATCH : OTHER, i, 60));
                for (int i = 8; i < 12; i++) frames.add(frame(MATCH, i, 60));
                v.sendFromPeer(frames);
                assertTrue(j.waitFor(5) && t.waitFor(5), "-c 3 ends both by themselves");
                jText += j.rest();
                tText += t.rest();
                assertEquals(0, j.exitValue(), jText);
                assertEquals(0, t.exitValue(), tText);
                assertEquals("3 packets captured", countLines(jText).getFirst(), jText);
                assertEquals(countLines(tText).getFirst(), countLines(jText).getFirst());
                assertEquals(3, records(ours).size());
                assertEquals(records(theirs), records(ours));
            } finally {
                j.destroyForcibly();
                t.destroyForcibly();
            }
        }
    }

    /**
     * {@code -Z nobody}: the process becomes nobody after opening the socket and before opening
     * the {@code -w} file, so the file is nobody's, as tcpdump's is; the capture still works.
     */
    @Test
    void relinquishedPrivilegesOwnTheWriteFileAsTcpdumps() throws Exception {
        requireTools();
        try (VethPair v = VethPair.create()) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Path open = Files.createDirectory(dir.resolve("open"));
            Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            Path ours = open.resolve("jdump.pcap");
            Path theirs = open.resolve("tcpdump.pcap");
            Child j = start(jdump("-i", v.rootEnd(), "-Z", "nobody", "-c", "2", "-w", ours.toString(), FILTER));
            Child t = start(List.of("tcpdump", "-i", v.rootEnd(), "-Z", "nobody", "-c", "2", "-w", theirs.toString(), FILTER));
            try {
                String jText = awaitListening(j);
                String tText = awaitListening(t);
                v.sendFromPeer(List.of(frame(OTHER, 0, 60), frame(MATCH, 1, 60), frame(MATCH, 2, 60)));
                assertTrue(j.waitFor(5) && t.waitFor(5), "-c 2 ends both by themselves");
                jText += j.rest();
                tText += t.rest();
                assertEquals(0, j.exitValue(), jText);
                assertEquals(0, t.exitValue(), tText);
                assertEquals("nobody", Files.getOwner(theirs).getName());
                assertEquals(Files.getOwner(theirs), Files.getOwner(ours));
                assertEquals(records(theirs), records(ours));
            } finally {
                j.destroyForcibly();
                t.destroyForcibly();
            }
        }
    }

    @Test
    void linkTypeListingAndChoiceErrorsAreTcpdumps() throws Exception {
        requireTools();
        try (VethPair v = VethPair.create()) {
            for (String dev : List.of(v.rootEnd(), "any", "lo")) {
                Result theirs = runTcpdump("-L", "-i", dev);
                Jdump.Result ours = Jdump.run("-L", "-i", dev);
                assertEquals(theirs.status(), ours.status(), dev);
                assertEquals(theirs.out(), ours.out(), dev);
                assertEquals(theirs.err().replace("tcpdump: ", "jdump: "), ours.err(), dev);
            }
            for (String[] args : List.of(new String[] {"-i", v.rootEnd(), "-y", "LINUX_SLL"},
                    new String[] {"-i", "any", "-y", "en10mb"}, new String[] {"-i", v.rootEnd(), "-y", "FOO"},
                    new String[] {"-i", "jdumpnosuch0", "-y", "DOCSIS"})) {
                Result theirs = runTcpdump(args);
                Jdump.Result ours = Jdump.run(args);
                assertEquals(1, ours.status(), String.join(" ", args));
                assertEquals(theirs.status(), ours.status(), String.join(" ", args));
                assertEquals(theirs.err().strip().replace("tcpdump: ", "jdump: "), ours.err().strip(), String.join(" ", args));
            }
        }
    }

    interface Sender { void send() throws Exception; }

    record Result(int status, String out, String err) {}

    private static Result runTcpdump(String... args) throws Exception {
        Process p = new ProcessBuilder(tcpdump(args)).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "tcpdump " + String.join(" ", args));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /**
     * jdump and tcpdump with {@code options -w FILE filter} at the same time; {@code sender} sends,
     * Ctrl-C ends both: same exit status 0, the same three count lines ({@code expected} packets),
     * the same file header and the same records (lengths and bytes) in the same order.
     */
    private void parity(List<String> options, String filter, Sender sender, int expected, String signal) throws Exception {
        requireTools();
        Path ours = dir.resolve("jdump.pcap");
        Path theirs = dir.resolve("tcpdump.pcap");
        List<String> jArgs = new ArrayList<>(options);
        jArgs.addAll(List.of("-w", ours.toString()));
        if (!filter.isEmpty()) jArgs.add(filter);
        List<String> tArgs = new ArrayList<>(jArgs);
        tArgs.set(tArgs.indexOf(ours.toString()), theirs.toString());
        Child j = start(jdump(jArgs.toArray(String[]::new)));
        Child t = start(tcpdump(tArgs.toArray(String[]::new)));
        try {
            String jText = awaitListening(j);
            String tText = awaitListening(t);
            sender.send();
            Thread.sleep(1500);   // past tcpdump's 1 s ring block timeout: SIGINT does not wait for a block still filling
            jText += signalAndRead(j, signal);
            tText += signalAndRead(t, signal);
            assertEquals(0, j.exitValue(), jText);
            assertEquals(0, t.exitValue(), tText);
            assertEquals(List.of(expected + " packets captured", expected + " packets received by filter",
                    "0 packets dropped by kernel"), countLines(jText), jText);
            assertEquals(countLines(tText), countLines(jText));
            assertEquals(tText.lines().filter(l -> l.contains("data link type")).toList(),
                    jText.lines().filter(l -> l.contains("data link type")).map(l -> l.replace("jdump: ", "tcpdump: ")).toList());
            assertEquals(records(theirs), records(ours));
            assertEquals(header(theirs), header(ours));
        } finally {
            j.destroyForcibly();
            t.destroyForcibly();
        }
    }

    @Test
    void liveFileLimitWithTimeRotationEndsTheCaptureAsTcpdump() throws Exception {
        requireTools();
        try (VethPair v = VethPair.create()) {
            Path ours = Files.createDirectories(dir.resolve("jdump"));
            Path theirs = Files.createDirectories(dir.resolve("tcpdump"));
            String name = "g-%s.pcap";
            Child j = start(jdump("-i", v.rootEnd(), "-G", "1", "-W", "2", "-w", ours.resolve(name).toString(), FILTER));
            Child t = start(tcpdump("-i", v.rootEnd(), "-G", "1", "-W", "2", "-w", theirs.resolve(name).toString(), FILTER));
            try {
                String jText = awaitListening(j);
                String tText = awaitListening(t);
                for (int i = 0; i < 25 && (j.isAlive() || t.isAlive()); i++) {
                    v.sendFromPeer(List.of(frame(MATCH, i, 60)));
                    Thread.sleep(300);
                }
                assertTrue(j.waitFor(5) && t.waitFor(5), "both end by themselves");
                jText += j.rest();
                tText += t.rest();
                assertEquals(0, t.exitValue(), tText);
                assertEquals(0, j.exitValue(), jText);
                assertTrue(tText.contains("\nMaximum file limit reached: 2\n"), tText);
                assertTrue(jText.contains("\nMaximum file limit reached: 2\n" + countLines(jText).getFirst()), jText);
                for (Path d : List.of(theirs, ours)) {
                    List<Path> files = list(d);
                    assertEquals(2, files.size(), d + ": " + files);
                    String text = d == ours ? jText : tText;
                    long captured = Long.parseLong(countLines(text).getFirst().split(" ")[0]);
                    long written = 0;
                    for (Path f : files) written += records(f).size();
                    assertEquals(captured - 1, written, "the packet that would open a third file is counted, not written: " + text);
                }
            } finally {
                j.destroyForcibly();
                t.destroyForcibly();
            }
        }
    }

    @Test
    void offlineFileLimitWithTimeRotationEndsTheRunAsTcpdump() throws Exception {
        Requirements.require(Requirements.onPath("tcpdump") != null, "tcpdump");
        Path ours = Files.createDirectories(dir.resolve("jdump"));
        Path theirs = Files.createDirectories(dir.resolve("tcpdump"));
        String name = "r-%s.pcap";
        Process t = new ProcessBuilder(tcpdump("-r", "-", "-G", "1", "-W", "2", "-w", theirs.resolve(name).toString()))
                .redirectErrorStream(true).start();
        Thread feeder = Thread.ofPlatform().start(() -> {
            try (OutputStream out = t.getOutputStream(); InputStream slow = slowCapture(10, 400)) {
                byte[] buf = new byte[4096];
                for (int k; (k = slow.read(buf, 0, buf.length)) >= 0; ) {
                    out.write(buf, 0, k);
                    out.flush();
                }
            } catch (IOException expected) {
                // tcpdump stops reading once it exits
            }
        });
        Jdump.Result result;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.StringWriter err = new java.io.StringWriter();
        try (InputStream slow = slowCapture(10, 400)) {
            var cmd = Main.commandLine(new Main(slow, bytes)).setErr(new java.io.PrintWriter(err));
            int status = cmd.execute("-r", "-", "-G", "1", "-W", "2", "-w", ours.resolve(name).toString());
            result = new Jdump.Result(status, "", err.toString(), bytes.toByteArray());
        }
        assertTrue(t.waitFor(10, TimeUnit.SECONDS), "tcpdump ends");
        feeder.join(10_000);
        String tText = new String(t.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("tcpdump: ", "jdump: ");
        assertEquals(0, t.exitValue(), tText);
        assertEquals(0, result.status(), result.err());
        assertEquals(tText.lines().toList(), result.err().lines().toList());
        assertEquals(2, list(theirs).size());
        assertEquals(2, list(ours).size());
    }

    /** A pcap stream of {@code n} 60-byte frames whose reader waits {@code millis} before each record. */
    private InputStream slowCapture(int n, long millis) {
        ByteBuffer b = ByteBuffer.allocate(24 + n * 76).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int i = 0; i < n; i++) b.putInt(1000 + i).putInt(0).putInt(60).putInt(60).put(frame(MATCH, i, 60));
        byte[] all = b.array();
        return new InputStream() {
            int at;

            @Override public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override public int read(byte[] buf, int off, int len) throws IOException {
                if (at >= all.length) return -1;
                if (at >= 24 && (at - 24) % 76 == 0) pause();
                int end = at < 24 ? 24 : at + 76 - (at - 24) % 76;
                int k = Math.min(len, end - at);
                System.arraycopy(all, at, buf, off, k);
                at += k;
                return k;
            }

            private void pause() throws IOException {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        };
    }

    private static void requireTools() {
        Requirements.require(Requirements.isRoot() && Requirements.onPath("tcpdump") != null, "root and tcpdump");
    }

    /** The real command in a child JVM with the test class path. */
    static List<String> jdump(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** tcpdump, kept root ({@code -Z root}) so it can write into the test's folder. */
    static List<String> tcpdump(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-Z", "root"));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** A child process, its standard output and error merged and read through one reader. */
    record Child(Process process, BufferedReader reader) {
        boolean isAlive() { return process.isAlive(); }

        int exitValue() { return process.exitValue(); }

        boolean waitFor(long seconds) throws InterruptedException { return process.waitFor(seconds, TimeUnit.SECONDS); }

        void destroyForcibly() { process.destroyForcibly(); }

        /** Everything left to read; call once the process ended. */
        String rest() throws IOException {
            StringBuilder text = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) text.append(line).append('\n');
            return text.toString();
        }
    }

    private static Child start(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }

    /** Reads the child's output up to its {@code listening on} line (10 s at most); returns what it read. */
    private static String awaitListening(Child c) throws IOException {
        StringBuilder text = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!c.reader().ready() && c.isAlive()) {
                pause(10);
                continue;
            }
            String line = c.reader().readLine();
            if (line == null) break;
            text.append(line).append('\n');
            if (line.contains("listening on")) return text.toString();
        }
        throw new AssertionError("no 'listening on' within 10 s: " + text);
    }

    /** {@code kill signal} ({@code -INT}: Ctrl-C; {@code -TERM}), then everything the child prints until it ends (5 s at most). */
    private static String signalAndRead(Child c, String signal) throws Exception {
        new ProcessBuilder("kill", signal, Long.toString(c.process().pid())).start().waitFor(5, TimeUnit.SECONDS);
        assertTrue(c.waitFor(5), "ends within 5 s of " + signal);
        return c.rest();
    }

    private static List<String> countLines(String text) {
        return text.lines().filter(l -> l.matches("\\d+ packets? (captured|received by filter|dropped by kernel)")).toList();
    }

    /** Each record's lengths and bytes, in file order (time stamps left out: the two tools read the clock apart). */
    private static List<String> records(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (PcapReader r = PcapReader.open(Files.newInputStream(file))) {
            while (r.advance()) {
                out.add(r.wirelen() + "/" + r.caplen() + " "
                        + HexFormat.of().formatHex(r.buffer(), r.offset(), r.offset() + r.caplen()));
            }
        }
        return out;
    }

    /** The sequence number of each record (the int after the marker, {@code header} bytes into the frame). */
    private static List<Integer> seqs(Path file, int header) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (PcapReader r = PcapReader.open(Files.newInputStream(file))) {
            while (r.advance()) out.add(ByteBuffer.wrap(r.buffer(), r.offset() + header + 4, 4).getInt());
        }
        return out;
    }

    /** The file header: magic, version, link type and snapshot length. */
    private static String header(Path file) throws IOException {
        byte[] h = Arrays.copyOf(Files.readAllBytes(file), 24);
        return HexFormat.of().formatHex(h);
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.sorted().toList();
        }
    }

    /** An untagged broadcast frame of {@code type} carrying the test's marker and {@code seq}, {@code length} bytes long. */
    private byte[] frame(int type, int seq, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put(new byte[] {-1, -1, -1, -1, -1, -1, 0x02, 0x6a, 0x64, 0x75, 0x6d, 0x70}).putShort((short) type)
                .putInt(marker).putInt(seq);
        for (int i = b.position(); i < length; i++) b.put((byte) (i * 7 + seq));
        return b.array();
    }

    /** A broadcast Ethernet frame carrying IPv4 UDP from 192.0.2.2 to {@code dst}, port 9, with the marker and {@code seq}. */
    private byte[] ipv4(int dst, int seq) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(new byte[] {-1, -1, -1, -1, -1, -1, 0x02, 0x6a, 0x64, 0x75, 0x6d, 0x70}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 36).putShort((short) seq).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).putInt(0xc0000202).putInt(dst);
        b.putShort((short) 9).putShort((short) 9).putShort((short) 16).putShort((short) 0).putInt(marker).putInt(seq);
        return b.array();
    }

    /** The same frame (60 bytes) behind an 802.1Q tag. */
    private byte[] tagged(int tpid, int tci, int type, int seq) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put(new byte[] {-1, -1, -1, -1, -1, -1, 0x02, 0x6a, 0x64, 0x75, 0x6d, 0x70}).putShort((short) tpid)
                .putShort((short) tci).putShort((short) type).putInt(marker).putInt(seq);
        return b.array();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
