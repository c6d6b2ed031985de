package io.jdump.capture;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw Ethernet frames for live tests: broadcast destination, a locally administered source, a
 * test ethertype (0x88b5/0x88b6, IEEE "local experimental") and a payload that starts with a
 * per-test 32-bit marker and a sequence number, padded to 60 bytes.
 */
final class TestFrames {
    static final int MATCH = 0x88b5;
    static final int OTHER = 0x88b6;
    static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};
    static final byte[] SOURCE = {0x02, 0x6a, 0x64, 0x75, 0x6d, 0x70};

    private TestFrames() {}

    /** An untagged frame of ethertype {@code type} carrying {@code marker} and {@code seq}. */
    static byte[] frame(int type, int marker, int seq) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(BROADCAST).put(SOURCE).putShort((short) type).putInt(marker).putInt(seq);
        return b.array();
    }

    /** The same frame with an 802.1Q tag ({@code tpid}, {@code tci}) after the MAC addresses. */
    static byte[] tagged(int tpid, int tci, int type, int marker, int seq) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put(BROADCAST).put(SOURCE).putShort((short) tpid).putShort((short) tci).putShort((short) type)
                .putInt(marker).putInt(seq);
        return b.array();
    }

    /** {@code n} frames of {@code type}, numbered from {@code first}. */
    static List<byte[]> frames(int type, int marker, int first, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(frame(type, marker, first + i));
        return out;
    }

    /** Interleaves {@code a} and {@code b}, element by element. */
    static List<byte[]> interleave(List<byte[]> a, List<byte[]> b) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) out.add(a.get(i));
            if (i < b.size()) out.add(b.get(i));
        }
        return out;
    }
}
