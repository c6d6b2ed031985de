package io.jdump.capture;

import io.jdump.bpf.Extension;
import io.jdump.bpf.Insn.JmpK;
import io.jdump.bpf.Insn.LoadAbs;
import io.jdump.bpf.Insn.LoadInd;
import io.jdump.bpf.Insn.LoadLen;
import io.jdump.bpf.Insn.LoadMsh;
import io.jdump.bpf.Insn.RetK;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Program;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.capture.linux.RxPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parts of live capture that need no kernel: program rewriting, frame assembly, ring sizes, texts. */
class OfflinePartsTest {
    static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> cookedRewrites() {
        return Stream.of(
                Arguments.of("protocol", Program.of(new LoadAbs(Size.H, 0), new RetK(1)),
                        Program.of(new LoadAbs(Size.H, Extension.PROTOCOL.k()), new RetK(1))),
                Arguments.of("ifindex", Program.of(new LoadAbs(Size.W, 4), new RetK(1)),
                        Program.of(new LoadAbs(Size.W, Extension.IFINDEX.k()), new RetK(1))),
                Arguments.of("hatype", Program.of(new LoadAbs(Size.H, 8), new RetK(1)),
                        Program.of(new LoadAbs(Size.H, Extension.HATYPE.k()), new RetK(1))),
                Arguments.of("pkttype", Program.of(new LoadAbs(Size.B, 10), new RetK(1)),
                        Program.of(new LoadAbs(Size.B, Extension.PKTTYPE.k()), new RetK(1))),
                Arguments.of("payload", Program.of(new LoadMsh(20), new LoadInd(Size.H, 22), new LoadAbs(Size.W, 36),
                        new JmpK(JmpOp.JEQ, 5, 0, 1), new RetK(9), new RetK(0)),
                        Program.of(new LoadMsh(0), new LoadInd(Size.H, 2), new LoadAbs(Size.W, 16),
                                new JmpK(JmpOp.JEQ, 5, 0, 1), new RetK(9), new RetK(0))),
                Arguments.of("ancillary stays", Program.of(new LoadAbs(Size.B, Extension.VLAN_TAG_PRESENT.k()), new RetK(1)),
                        Program.of(new LoadAbs(Size.B, Extension.VLAN_TAG_PRESENT.k()), new RetK(1))),
                Arguments.of("address byte", Program.of(new LoadAbs(Size.B, 12), new RetK(1)), null),
                Arguments.of("reserved field", Program.of(new LoadAbs(Size.H, 2), new RetK(1)), null),
                Arguments.of("indirect into header", Program.of(new LoadInd(Size.B, 3), new RetK(1)), null),
                Arguments.of("ld #pktlen", Program.of(new LoadLen(Reg.A), new RetK(1)), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cookedRewrites")
    void cookedSocketProgramRewrite(String name, Program in, Program expected) {
        assertEquals(expected, CookedFilter.forCookedSocket(in));
    }

    /** The same for a program compiled for LINUX_SLL (v1, 16-byte header: pkttype, hatype, halen, addr, protocol). */
    static Stream<Arguments> cookedV1Rewrites() {
        return Stream.of(
                Arguments.of("pkttype", Program.of(new LoadAbs(Size.H, 0), new RetK(1)),
                        Program.of(new LoadAbs(Size.H, Extension.PKTTYPE.k()), new RetK(1))),
                Arguments.of("hatype", Program.of(new LoadAbs(Size.H, 2), new RetK(1)),
                        Program.of(new LoadAbs(Size.H, Extension.HATYPE.k()), new RetK(1))),
                Arguments.of("protocol", Program.of(new LoadAbs(Size.H, 14), new RetK(1)),
                        Program.of(new LoadAbs(Size.H, Extension.PROTOCOL.k()), new RetK(1))),
                Arguments.of("payload", Program.of(new LoadMsh(16), new LoadInd(Size.H, 18), new LoadAbs(Size.W, 32),
                        new JmpK(JmpOp.JEQ, 5, 0, 1), new RetK(9), new RetK(0)),
                        Program.of(new LoadMsh(0), new LoadInd(Size.H, 2), new LoadAbs(Size.W, 16),
                                new JmpK(JmpOp.JEQ, 5, 0, 1), new RetK(9), new RetK(0))),
                Arguments.of("address length", Program.of(new LoadAbs(Size.H, 4), new RetK(1)), null),
                Arguments.of("address byte", Program.of(new LoadAbs(Size.B, 6), new RetK(1)), null),
                Arguments.of("v2's ifindex is an address here", Program.of(new LoadAbs(Size.W, 4), new RetK(1)), null),
                Arguments.of("ld #pktlen", Program.of(new LoadLen(Reg.A), new RetK(1)), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cookedV1Rewrites")
    void cookedV1SocketProgramRewrite(String name, Program in, Program expected) {
        assertEquals(expected, CookedFilter.forCookedSocket(in, true));
    }

    static RxPacket packet(byte[] data, int status, int tci, int tpid) {
        return new RxPacket(1, 2, data.length, data, status, tci, tpid, 0, 7, 0x88b5, 1, RxPacket.HOST, 14,
                HEX.parseHex("026a64756d70"));
    }

    static Stream<Arguments> vlanReinsertion() {
        String eth = "ffffffffffff026a64756d70" + "88b5" + "cafe";
        return Stream.of(
                Arguments.of("untagged", 0, 0, 0, eth),
                Arguments.of("802.1Q, tpid not reported", RxPacket.VLAN_VALID, 0x2005, 0,
                        "ffffffffffff026a64756d70" + "81002005" + "88b5" + "cafe"),
                Arguments.of("802.1ad", RxPacket.VLAN_VALID | RxPacket.VLAN_TPID_VALID, 0x0123, 0x88a8,
                        "ffffffffffff026a64756d70" + "88a80123" + "88b5" + "cafe"),
                Arguments.of("tpid without tag is ignored", RxPacket.VLAN_TPID_VALID, 0x0123, 0x88a8, eth));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vlanReinsertion")
    void strippedTagGoesBackAfterTheAddresses(String name, int status, int tci, int tpid, String expected) {
        byte[] data = HEX.parseHex("ffffffffffff026a64756d70" + "88b5" + "cafe");
        assertEquals(expected, HEX.formatHex(FrameAssembler.wire(packet(data, status, tci, tpid))));
    }

    @Test
    void linuxSll2HeaderFromMetadata() {
        byte[] payload = HEX.parseHex("cafe");
        assertEquals("88b5" + "0000" + "00000007" + "0001" + "00" + "06" + "026a64756d700000" + "cafe",
                HEX.formatHex(FrameAssembler.cooked(packet(payload, RxPacket.VLAN_VALID, 5, 0))));
    }

    @Test
    void linuxSllHeaderFromMetadataWithTheTagPutBack() {
        byte[] payload = HEX.parseHex("cafe");
        assertEquals("0000" + "0001" + "0006" + "026a64756d700000" + "88b5" + "cafe",
                HEX.formatHex(FrameAssembler.cookedV1(packet(payload, 0, 0, 0))));
        assertEquals("0000" + "0001" + "0006" + "026a64756d700000" + "8100" + "0005" + "88b5" + "cafe",
                HEX.formatHex(FrameAssembler.cookedV1(packet(payload, RxPacket.VLAN_VALID, 5, 0))));
        assertEquals("0000" + "0001" + "0006" + "026a64756d700000" + "88a8" + "2005" + "88b5" + "cafe",
                HEX.formatHex(FrameAssembler.cookedV1(packet(payload, RxPacket.VLAN_VALID | RxPacket.VLAN_TPID_VALID, 0x2005, 0x88a8))));
    }

    @Test
    void ancillaryValuesComeFromTheRing() {
        RingAncillary aux = RingAncillary.of(packet(new byte[14], RxPacket.VLAN_VALID, 0x2005, 0), 18);
        assertEquals(List.of(0x88b5, 0, 7, 1, 0x2005, 1, 0x8100), Stream.of(Extension.PROTOCOL, Extension.PKTTYPE,
                Extension.IFINDEX, Extension.HATYPE, Extension.VLAN_TAG, Extension.VLAN_TAG_PRESENT, Extension.VLAN_TPID)
                .map(aux::get).toList());
        RingAncillary none = RingAncillary.of(packet(new byte[14], 0, 0, 0), 14);
        assertEquals(List.of(0, 0), List.of(none.get(Extension.VLAN_TAG), none.get(Extension.VLAN_TAG_PRESENT)));
    }

    static Stream<Arguments> ringGeometries() {
        return Stream.of(
                Arguments.of(2048 * 1024L, 262144, new RingGeometry(524288, 4, 262240)),
                Arguments.of(2048 * 1024L, 96, new RingGeometry(131072, 16, 192)),
                Arguments.of(1024L, 96, new RingGeometry(131072, 2, 192)),
                Arguments.of(64 * 1024 * 1024L, 1514, new RingGeometry(131072, 512, 1616)));
    }

    @ParameterizedTest(name = "-B {0} bytes, -s {1}")
    @MethodSource("ringGeometries")
    void ringIsCutFromTheBufferSize(long buffer, int snaplen, RingGeometry expected) {
        assertEquals(expected, RingGeometry.of(buffer, snaplen));
    }

    @Test
    void warmUpRunsSyntheticEthernetFramesThroughTheRingReader() {
        List<RxPacket> seen = new java.util.ArrayList<>();
        io.jdump.capture.linux.AfPacketSocket.warmUp(1024, seen::add);
        assertEquals(1024, seen.size());
        for (RxPacket p : seen) {
            assertEquals("ffffffffffff026a64756d7088b5" + "00".repeat(46), HEX.formatHex(p.data()));
            assertEquals(List.of(60, 0x88b5, 14, RxPacket.BROADCAST, 1, 1, 0), List.of(p.wirelen(), p.protocol(), p.netOffset(),
                    p.pkttype(), p.ifindex(), p.hatype(), p.status()));
        }
    }

    @Test
    void countingLinesAreTcpdumps() {
        assertEquals(List.of("1 packet captured", "2 packets received by filter", "0 packets dropped by kernel"),
                new CaptureStats(1, 2, 0).lines());
    }

    @Test
    void directionWordsAreTcpdumps() {
        assertEquals(List.of(Direction.IN, Direction.OUT, Direction.INOUT),
                Stream.of("in", "out", "inout").map(Direction::parse).toList());
        assertEquals("unknown capture direction `foo'",
                assertThrows(IllegalArgumentException.class, () -> Direction.parse("foo")).getMessage());
    }
}
