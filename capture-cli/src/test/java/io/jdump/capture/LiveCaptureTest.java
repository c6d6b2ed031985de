package io.jdump.capture;

import io.jdump.bpf.Extension;
import io.jdump.bpf.Insn;
import io.jdump.bpf.Insn.JmpK;
import io.jdump.bpf.Insn.LoadAbs;
import io.jdump.bpf.Insn.RetK;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Program;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.capture.linux.VethPair;
import io.jdump.pcap.Frame;
import org.junit.jupiter.api.Tag;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.LinkType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live capture against the kernel, on a veth pair the test makes in its own namespace. Every
 * frame is a raw Ethernet frame with a test ethertype sent between the two ends only.
 */
@Tag("kernel")
class LiveCaptureTest {
    static final int SNAP = 262144;
    final int marker = ThreadLocalRandom.current().nextInt();

    /** {@code ldh [12]; jeq #type; ret #262144; ret #0}. */
    static Program ethertype(int type) {
        return Program.of(new LoadAbs(Size.H, 12), new JmpK(JmpOp.JEQ, type, 0, 1), new RetK(SNAP), new RetK(0));
    }

    /** {@code prefix} behind {@code n} no-op loads: the same verdicts, too long for the kernel. */
    static Program tooLong(Program p, int n) {
        List<Insn> insns = new ArrayList<>();
        for (int i = 0; i < n; i++) insns.add(new Insn.LoadImm(Reg.X, i));
        insns.addAll(p.insns());
        return new Program(insns);
    }

    static LiveCapture open(VethPair v, Program p, List<String> warnings) throws CaptureException {
        return LiveCapture.open(LiveOptions.forDevice(v.rootEnd()), p, warnings::add);
    }

    static int seq(Frame f, int offset) {
        return ByteBuffer.wrap(f.data()).getInt(offset);
    }

    @Test
    void kernelFilterDeliversExactlyTheMatchingFrames() throws Throwable {
        try (VethPair v = VethPair.create()) {
            List<String> warnings = new ArrayList<>();
            try (LiveCapture capture = open(v, ethertype(TestFrames.MATCH), warnings);
                 CaptureRun run = CaptureRun.start(capture)) {
                assertTrue(capture.kernelFilters() && capture.usesRing(), "kernel filter and TPACKET_V3 ring");
                v.sendFromPeer(TestFrames.interleave(TestFrames.frames(TestFrames.MATCH, marker, 0, 20),
                        TestFrames.frames(TestFrames.OTHER, marker, 100, 30)));
                assertTrue(run.awaitFrames(20, 5000), "20 matching frames within 5 s");
                Thread.sleep(150);
                CaptureStats stats = run.finish();
                assertEquals(new CaptureStats(20, 20, 0), stats, "captured, received by filter, dropped");
                for (Frame f : run.frames()) {
                    assertEquals(TestFrames.MATCH, ((f.data()[12] & 0xff) << 8) | (f.data()[13] & 0xff));
                    assertEquals(LinkType.EN10MB, f.linkType());
                    assertEquals(60, f.wirelen());
                }
            }
            assertEquals(List.of(), warnings);
        }
    }

    @Test
    void countStopsTheCaptureAtN() throws Throwable {
        try (VethPair v = VethPair.create()) {
            LiveOptions o = LiveOptions.forDevice(v.rootEnd()).withCount(5);
            try (CaptureRun run = CaptureRun.start(LiveCapture.open(o, ethertype(TestFrames.MATCH), w -> { }))) {
                v.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 0, 12));
                CaptureStats stats = run.awaitEnd(5000);
                assertTrue(stats != null, "-c 5 ends the capture by itself");
                assertEquals(5, stats.captured());
                assertEquals(List.of(0, 1, 2, 3, 4), run.frames().stream().map(f -> seq(f, 18)).toList());
            }
        }
    }

    @Test
    void strippedVlanTagIsPutBack() throws Throwable {
        try (VethPair v = VethPair.create()) {
            byte[] tagged = TestFrames.tagged(0x8100, 0x2005, TestFrames.MATCH, marker, 7);
            byte[] qinq = TestFrames.tagged(0x88a8, 0x0123, TestFrames.MATCH, marker, 8);
            // the kernel runs the filter on the frame without its tag: [12] is the inner ethertype there
            try (CaptureRun run = CaptureRun.start(open(v, ethertype(TestFrames.MATCH), new ArrayList<>()))) {
                v.sendFromPeer(List.of(tagged, qinq));
                assertTrue(run.awaitFrames(2, 5000), "both tagged frames within 5 s");
                List<Frame> frames = run.frames();
                assertArrayEquals(tagged, frames.get(0).data());
                assertEquals(tagged.length, frames.get(0).wirelen());
                assertArrayEquals(qinq, frames.get(1).data());
            }
        }
    }

    @Test
    void programTheKernelRefusesRunsInTheJvmWithTheSameVerdicts() throws Throwable {
        try (VethPair v = VethPair.create()) {
            List<String> warnings = new ArrayList<>();
            Program big = tooLong(ethertype(TestFrames.MATCH), 5000);
            try (LiveCapture capture = open(v, big, warnings); CaptureRun run = CaptureRun.start(capture)) {
                assertFalse(capture.kernelFilters());
                v.sendFromPeer(TestFrames.interleave(TestFrames.frames(TestFrames.MATCH, marker, 0, 10),
                        TestFrames.frames(TestFrames.OTHER, marker, 100, 10)));
                assertTrue(run.awaitFrames(10, 5000));
                Thread.sleep(150);
                CaptureStats stats = run.finish();
                assertEquals(10, stats.captured());
                assertEquals(20, stats.received(), "the kernel keeps everything; the JVM filters");
                assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), run.frames().stream().map(f -> seq(f, 18)).toList());
            }
            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.getFirst().contains("refused"), warnings::toString);
        }
    }

    /** {@code ldb [vlanp]; jeq #1; ld [vlan_tci]; jeq #tci; ret; ret #0}: reads only ancillary data. */
    static Program vlanAncillary(int tci) {
        return Program.of(new LoadAbs(Size.B, Extension.VLAN_TAG_PRESENT.k()), new JmpK(JmpOp.JEQ, 1, 0, 3),
                new LoadAbs(Size.H, Extension.VLAN_TAG.k()), new JmpK(JmpOp.JEQ, tci, 0, 1), new RetK(SNAP), new RetK(0));
    }

    @Test
    void ancillaryLoadsSeeTheSameValuesInTheKernelAndInTheJvm() throws Throwable {
        for (Program p : List.of(vlanAncillary(0x2005), tooLong(vlanAncillary(0x2005), 5000))) {
            try (VethPair v = VethPair.create()) {
                List<byte[]> sent = List.of(TestFrames.tagged(0x8100, 0x2005, TestFrames.MATCH, marker, 1),
                        TestFrames.tagged(0x8100, 0x2006, TestFrames.MATCH, marker, 2),
                        TestFrames.frame(TestFrames.MATCH, marker, 3),
                        TestFrames.tagged(0x8100, 0x2005, TestFrames.MATCH, marker, 4));
                try (CaptureRun run = CaptureRun.start(open(v, p, new ArrayList<>()))) {
                    v.sendFromPeer(sent);
                    assertTrue(run.awaitFrames(2, 5000));
                    Thread.sleep(150);
                    assertEquals(2, run.finish().captured(), "program of " + p.size() + " instructions");
                    assertEquals(List.of(1, 4), run.frames().stream().map(f -> seq(f, 22)).toList());
                }
            }
        }
    }

    /**
     * {@code vlan 5 and ether proto 0x88b5} compiled as for a live Linux socket (Linux extensions):
     * the kernel strips the tag before the filter runs, so only the ancillary loads can see it.
     */
    @Test
    void compiledVlanFilterMatchesStrippedTagsInTheKernel() throws Throwable {
        Program p = FilterCompiler.compile("vlan 5 and ether proto 0x88b5",
                CompileOptions.of(LinkType.EN10MB).withSnaplen(SNAP).withLinuxExtensions(true));
        try (VethPair v = VethPair.create()) {
            List<byte[]> sent = List.of(TestFrames.tagged(0x8100, 0x2005, TestFrames.MATCH, marker, 1),
                    TestFrames.tagged(0x8100, 0x2006, TestFrames.MATCH, marker, 2),
                    TestFrames.frame(TestFrames.MATCH, marker, 3),
                    TestFrames.tagged(0x8100, 0x0005, TestFrames.OTHER, marker, 4),
                    TestFrames.tagged(0x8100, 0x0005, TestFrames.MATCH, marker, 5));
            try (LiveCapture capture = open(v, p, new ArrayList<>()); CaptureRun run = CaptureRun.start(capture)) {
                assertTrue(capture.kernelFilters(), "the kernel accepts the compiled program");
                v.sendFromPeer(sent);
                assertTrue(run.awaitFrames(2, 5000));
                Thread.sleep(150);
                CaptureStats stats = run.finish();
                assertEquals(2, stats.received(), "only the two vlan-5 0x88b5 frames reach user space");
                assertEquals(List.of(1, 5), run.frames().stream().map(f -> seq(f, 22)).toList());
            }
        }
    }

    @Test
    void directionKeepsOnlyReceivedOrOnlySentFrames() throws Throwable {
        for (Direction d : Direction.values()) {
            try (VethPair v = VethPair.create()) {
                LiveOptions o = LiveOptions.forDevice(v.rootEnd()).withDirection(d);
                try (CaptureRun run = CaptureRun.start(LiveCapture.open(o, ethertype(TestFrames.MATCH), w -> { }))) {
                    v.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 0, 3));
                    v.sendFromRoot(TestFrames.frames(TestFrames.MATCH, marker, 100, 2));
                    Thread.sleep(300);
                    run.finish();
                    List<Integer> seqs = run.frames().stream().map(f -> seq(f, 18)).sorted().toList();
                    List<Integer> expected = switch (d) {
                        case IN -> List.of(0, 1, 2);
                        case OUT -> List.of(100, 101);
                        case INOUT -> List.of(0, 1, 2, 100, 101);
                    };
                    assertEquals(expected, seqs, "-Q " + d.option());
                }
            }
        }
    }

    @Test
    void stoppingLeavesCompleteCounts() throws Throwable {
        try (VethPair v = VethPair.create()) {
            try (CaptureRun run = CaptureRun.start(open(v, ethertype(TestFrames.MATCH), new ArrayList<>()))) {
                v.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 0, 50));
                CaptureStats stats = run.finish();
                assertEquals(new CaptureStats(50, 50, 0), stats);
                assertEquals(50, run.frames().size());
            }
        }
    }

    /** An idle capture waits up to a second per poll; stop() wakes that wait (eventfd) instead of being seen at its end. */
    @Test
    void stopWakesAnIdleCaptureAtOnce() throws Throwable {
        try (VethPair v = VethPair.create()) {
            try (CaptureRun run = CaptureRun.start(open(v, ethertype(TestFrames.MATCH), new ArrayList<>()))) {
                v.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 0, 3));
                assertTrue(run.awaitFrames(3, 5000));
                Thread.sleep(300);   // in its long poll now
                long t0 = System.nanoTime();
                CaptureStats stats = run.finish();
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(new CaptureStats(3, 3, 0), stats);
                assertTrue(millis < 700, "stop took " + millis + " ms (the drain after it takes ~150 ms)");
            }
        }
    }

    @Test
    void snaplenCutsFramesButKeepsTheirLength() throws Throwable {
        try (VethPair v = VethPair.create()) {
            LiveOptions o = LiveOptions.forDevice(v.rootEnd()).withSnaplen(20);
            try (CaptureRun run = CaptureRun.start(LiveCapture.open(o, ethertype(TestFrames.MATCH), w -> { }))) {
                v.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 0, 3));
                assertTrue(run.awaitFrames(3, 5000));
                for (Frame f : run.frames()) {
                    assertEquals(20, f.caplen());
                    assertEquals(60, f.wirelen());
                }
            }
        }
    }

    /** LINUX_SLL2: {@code ldh [0]; jeq #0x88b5; ld [20]; jeq #marker; ret #262144; ret #0}. */
    static Program cookedMarker(int marker) {
        return Program.of(new LoadAbs(Size.H, 0), new JmpK(JmpOp.JEQ, TestFrames.MATCH, 0, 3), new LoadAbs(Size.W, 20),
                new JmpK(JmpOp.JEQ, marker, 0, 1), new RetK(SNAP), new RetK(0));
    }

    @Test
    void anyDeviceSeesBothInterfacesWithLinuxSll2Headers() throws Throwable {
        try (VethPair a = VethPair.create(); VethPair b = VethPair.create()) {
            try (LiveCapture capture = LiveCapture.open(LiveOptions.forDevice("any"), cookedMarker(marker), w -> { });
                 CaptureRun run = CaptureRun.start(capture)) {
                assertTrue(capture.kernelFilters(), "the SLL2 program, rewritten for the cooked socket, runs in the kernel");
                assertEquals(LinkType.LINUX_SLL2, capture.linkType());
                a.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 0, 2));
                b.sendFromPeer(TestFrames.frames(TestFrames.MATCH, marker, 10, 2));
                b.sendFromPeer(TestFrames.frames(TestFrames.OTHER, marker, 20, 2));
                assertTrue(run.awaitFrames(4, 5000));
                Thread.sleep(150);
                assertEquals(4, run.finish().captured());
                List<String> seen = new ArrayList<>();
                for (Frame f : run.frames()) {
                    ByteBuffer h = ByteBuffer.wrap(f.data());
                    assertEquals(TestFrames.MATCH, h.getShort(0) & 0xffff, "protocol");
                    assertEquals(1, h.getShort(8) & 0xffff, "ARPHRD_ETHER");
                    assertEquals(1, h.get(10), "PACKET_BROADCAST");
                    assertEquals(6, h.get(11), "address length");
                    assertArrayEquals(TestFrames.SOURCE, java.util.Arrays.copyOfRange(f.data(), 12, 18));
                    assertEquals(20 + 46, f.wirelen());
                    seen.add(h.getInt(4) + ":" + h.getInt(24));
                }
                assertEquals(List.of(a.rootIndex() + ":0", a.rootIndex() + ":1", b.rootIndex() + ":10", b.rootIndex() + ":11"),
                        seen.stream().sorted(java.util.Comparator.comparingInt(x -> Integer.parseInt(x.split(":")[1]))).toList());
            }
        }
    }

    @Test
    void withoutARingRecvmsgDeliversTheSameFrames() throws Throwable {
        try (VethPair v = VethPair.create()) {
            byte[] tagged = TestFrames.tagged(0x8100, 0x2005, TestFrames.MATCH, marker, 7);
            LiveOptions o = LiveOptions.forDevice(v.rootEnd()).withoutRing();
            try (LiveCapture capture = LiveCapture.open(o, ethertype(TestFrames.MATCH), w -> { });
                 CaptureRun run = CaptureRun.start(capture)) {
                assertFalse(capture.usesRing());
                List<byte[]> sent = new ArrayList<>(TestFrames.interleave(TestFrames.frames(TestFrames.MATCH, marker, 0, 5),
                        TestFrames.frames(TestFrames.OTHER, marker, 0, 5)));
                sent.add(tagged);
                v.sendFromPeer(sent);
                assertTrue(run.awaitFrames(6, 5000));
                Thread.sleep(150);
                assertEquals(new CaptureStats(6, 6, 0), run.finish());
                assertArrayEquals(tagged, run.frames().get(5).data());
                assertEquals(tagged.length, run.frames().get(5).wirelen());
            }
        }
    }

    static boolean promiscuous(String ifname) throws java.io.IOException {
        String flags = java.nio.file.Files.readString(java.nio.file.Path.of("/sys/class/net", ifname, "flags")).strip();
        return (Integer.decode(flags) & 0x100) != 0;
    }

    @Test
    void promiscuousModeLastsAsLongAsTheCaptureUnlessDashP() throws Throwable {
        try (VethPair v = VethPair.create()) {
            assertFalse(promiscuous(v.rootEnd()));
            try (LiveCapture c = LiveCapture.open(LiveOptions.forDevice(v.rootEnd()), (Program) null, w -> { })) {
                assertTrue(promiscuous(v.rootEnd()), "IFF_PROMISC while capturing");
            }
            assertFalse(promiscuous(v.rootEnd()), "membership dropped with the socket");
            LiveOptions dashP = LiveOptions.forDevice(v.rootEnd()).withPromiscuous(false);
            try (LiveCapture c = LiveCapture.open(dashP, (Program) null, w -> { })) {
                assertFalse(promiscuous(v.rootEnd()), "-p");
            }
        }
    }
}
