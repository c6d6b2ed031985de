package io.jdump.capture;

import io.jdump.bpf.Program;
import io.jdump.capture.linux.VethPair;
import io.jdump.filter.LinkType;
import io.jdump.pcap.Frame;
import io.jdump.pcap.PcapReader;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jdump and tcpdump capture at the same time on the same interface with the same filter; the
 * frames tcpdump writes must be the frames jdump delivers: same bytes (VLAN tags put back, the
 * {@code LINUX_SLL2} header for {@code -i any}), same lengths, same link type.
 */
@Tag("kernel")
@Tag("oracle")
class TcpdumpParityTest {
    final int marker = ThreadLocalRandom.current().nextInt();

    @Test
    void ethernetFramesEqualTcpdumpsIncludingVlanTags() throws Throwable {
        try (VethPair v = VethPair.create()) {
            List<byte[]> sent = new ArrayList<>(TestFrames.frames(TestFrames.MATCH, marker, 0, 5));
            sent.add(TestFrames.tagged(0x8100, 0xa00c, TestFrames.MATCH, marker, 5));
            sent.add(TestFrames.tagged(0x8100, 0x0010, 0x0800, marker, 6));
            sent.addAll(TestFrames.frames(TestFrames.OTHER, marker, 7, 3));
            compare(v.rootEnd(), "ether proto 0x88b5", LiveCaptureTest.ethertype(TestFrames.MATCH), LinkType.EN10MB, () -> v.sendFromPeer(sent), 6);
        }
    }

    @Test
    void anyDeviceFramesEqualTcpdumpsLinuxSll2() throws Throwable {
        try (VethPair a = VethPair.create(); VethPair b = VethPair.create()) {
            // SLL2 protocol 0x88b5 and our marker just after the 20-byte header
            Program p = io.jdump.bpf.Assembler.parse(tcpdumpDdd(
                    "ether proto 0x88b5 and ether[20:4] = " + Integer.toUnsignedString(marker)));
            compare("any", "ether proto 0x88b5 and ether[20:4] = " + Integer.toUnsignedString(marker), p, LinkType.LINUX_SLL2,
                    () -> {
                        a.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 0, 3));
                        b.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 10, 3));
                        a.sendFromPeer(List.of(TestFrames.tagged(0x8100, 0x0007, TestFrames.MATCH, marker, 20)));
                        b.sendFromPeer(TestFrames.frames(TestFrames.OTHER, marker, 30, 3));
                    }, 7);
        }
    }

    interface Sender { void send() throws Exception; }

    static String tcpdumpDdd(String expr) throws Exception {
        Process p = new ProcessBuilder("tcpdump", "-y", "LINUX_SLL2", "-i", "any", "-ddd", expr).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "tcpdump -ddd " + expr);
        return out;
    }

    private void compare(String device, String expr, Program program, LinkType lt, Sender sender, int expected) throws Throwable {
        Requirements.require(Requirements.onPath("tcpdump") != null, "tcpdump");
        Path file = Files.createTempFile("jdump-parity-", ".pcap");
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "--immediate-mode", "-i", device, "-U", "-w", file.toString()));
        if (lt == LinkType.LINUX_SLL2) cmd.addAll(List.of("-y", "LINUX_SLL2"));
        cmd.add(expr);
        Process tcpdump = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            awaitListening(tcpdump);
            try (LiveCapture capture = LiveCapture.open(LiveOptions.forDevice(device), program, w -> { });
                 CaptureRun run = CaptureRun.start(capture)) {
                assertTrue(capture.kernelFilters(), "the kernel runs the filter");
                sender.send();
                assertTrue(run.awaitFrames(expected, 5000), "jdump saw " + expected + " frames");
                Thread.sleep(300);
                run.finish();
                tcpdump.destroy();
                assertTrue(tcpdump.waitFor(5, TimeUnit.SECONDS), "tcpdump ends on SIGTERM");
                List<Frame> theirs = readTheirs(file);
                List<Frame> ours = run.frames().stream().filter(f -> hasMarker(f)).toList();
                assertEquals(expected, theirs.size(), () -> "tcpdump's frame count; its output: " + drain(tcpdump)
                        + " file size " + file.toFile().length());
                assertEquals(describe(theirs), describe(ours));
            }
        } finally {
            tcpdump.destroyForcibly();
            Files.deleteIfExists(file);
        }
    }

    private boolean hasMarker(Frame f) {
        ByteBuffer b = ByteBuffer.wrap(f.data());
        for (int i = 0; i + 4 <= f.caplen(); i++) if (b.getInt(i) == marker) return true;
        return false;
    }

    private List<Frame> readTheirs(Path file) throws Exception {
        List<Frame> out = new ArrayList<>();
        try (PcapReader r = PcapReader.open(Files.newInputStream(file))) {
            for (Frame f; (f = r.next()) != null; ) if (hasMarker(f)) out.add(f);
        }
        return out;
    }

    private static String drain(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes());
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static List<String> describe(List<Frame> frames) {
        return frames.stream().map(f -> f.linkType() + " len " + f.wirelen() + " " + HexFormat.of().formatHex(f.data()))
                .sorted().toList();
    }

    private static void awaitListening(Process tcpdump) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(tcpdump.getInputStream()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String line;
        while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
            if (line.contains("listening on")) return;
        }
        throw new AssertionError("tcpdump did not start listening within 10 s");
    }
}
