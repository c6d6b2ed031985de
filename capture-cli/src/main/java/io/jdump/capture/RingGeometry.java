package io.jdump.capture;

/**
 * How a {@code TPACKET_V3} ring is cut from the buffer size {@code -B} asks for: blocks are a
 * power-of-two number of pages, at least 128 KiB and large enough for one frame of
 * {@code snaplen} bytes plus headers; there are as many as fit in the buffer, at least two, so
 * the kernel can fill one while we read the other.
 *
 * @param frameSize the nominal frame size the kernel checks ({@code tp_frame_size}), a multiple of 16
 */
record RingGeometry(int blockSize, int blockCount, int frameSize) {
    static final int MIN_BLOCK = 128 * 1024;
    /** tpacket3_hdr (48) + sockaddr_ll (20, aligned to 32) + room the kernel reserves for a VLAN tag. */
    static final int FRAME_OVERHEAD = 48 + 32 + 16;

    /** The geometry for a buffer of {@code bufferBytes} and packets cut to {@code snaplen}. */
    static RingGeometry of(long bufferBytes, int snaplen) {
        int frame = align16(FRAME_OVERHEAD + snaplen);
        int block = Math.max(MIN_BLOCK, Integer.highestOneBit(frame - 1) << 1);
        long count = Math.max(2, Math.min(bufferBytes / block, Integer.MAX_VALUE / block));
        return new RingGeometry(block, (int) count, frame);
    }

    private static int align16(int n) {
        return (n + 15) & ~15;
    }
}
