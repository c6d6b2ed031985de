package io.jdump.capture.linux;

import com.sun.jna.Pointer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * A mapped {@code TPACKET_V3} receive ring, read in Java: block descriptors and
 * {@code tpacket3_hdr}s are read from a direct {@link ByteBuffer} over the mapping, so taking a
 * packet needs no system call; only an empty ring is waited for with {@code poll}.
 *
 * <p>Layout (Linux {@code if_packet.h}, 64-bit): a block starts with {@code tpacket_block_desc}
 * (version, offset_to_priv, then {@code tpacket_hdr_v1}: block_status at 8, num_pkts at 12,
 * offset_to_first_pkt at 16). Each packet starts with {@code tpacket3_hdr}: next_offset 0, sec 4,
 * nsec 8, snaplen 12, len 16, status 20, mac 24 (u16), net 26 (u16), rxhash 28, vlan_tci 32,
 * vlan_tpid 36 (u16); a {@code sockaddr_ll} follows at 48. A block belongs to user space while
 * its status has {@code TP_STATUS_USER}; writing {@code TP_STATUS_KERNEL} hands it back.
 */
final class RxRing implements AutoCloseable {
    static final int TP_STATUS_KERNEL = 0;
    static final int TP_STATUS_USER = 1;
    static final int HDR_LEN = 48;
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final Pointer base;
    private final long size;
    private final ByteBuffer ring;
    private final int blockSize;
    private final int blockCount;
    private final RingFrame view = new RingFrame();
    private int current;
    private boolean closed;

    RxRing(Pointer base, int blockSize, int blockCount) {
        this.base = base;
        this.size = (long) blockSize * blockCount;
        this.ring = base.getByteBuffer(0, size).order(ByteOrder.nativeOrder());
        this.blockSize = blockSize;
        this.blockCount = blockCount;
    }

    int blockSize() { return blockSize; }

    int blockCount() { return blockCount; }

    /** Whether the current block has been handed to user space. */
    boolean ready() {
        int status = (int) INTS.getVolatile(ring, current * blockSize + 8);
        return (status & TP_STATUS_USER) != 0;
    }

    /**
     * Delivers every packet of the current block to {@code sink}, hands the block back to the
     * kernel and moves on. Returns the number of packets delivered, 0 if the block is not ready.
     */
    int drainBlock(Consumer<RxPacket> sink) {
        return drainFrames(f -> sink.accept(f.toPacket()));
    }

    /**
     * As {@link #drainBlock}, each packet seen in place through one {@link RingFrame} that moves
     * from packet to packet: nothing is copied or allocated per packet.
     */
    int drainFrames(Consumer<RingFrame> sink) {
        if (!ready()) return 0;
        int block = current * blockSize;
        int count = ring.getInt(block + 12);
        int at = block + ring.getInt(block + 16);
        RingFrame frame = view;
        for (int i = 0; i < count; i++) {
            frame.moveTo(ring, at);
            sink.accept(frame);
            at += ring.getInt(at);
        }
        INTS.setVolatile(ring, block + 8, TP_STATUS_KERNEL);
        current = (current + 1) % blockCount;
        return count;
    }

    static RxPacket packetAt(ByteBuffer ring, int p) {
        int snap = ring.getInt(p + 12);
        int mac = ring.getShort(p + 24) & 0xffff;
        byte[] data = new byte[snap];
        ring.get(p + mac, data);
        int sll = p + HDR_LEN;
        int halen = Math.min(8, ring.get(sll + 11) & 0xff);
        byte[] addr = new byte[halen];
        ring.get(sll + 12, addr);
        return new RxPacket(ring.getInt(p + 4) & 0xffffffffL, ring.getInt(p + 8), ring.getInt(p + 16), data,
                ring.getInt(p + 20), ring.getInt(p + 32) & 0xffff, ring.getShort(p + 36) & 0xffff, ring.getInt(p + 28),
                ring.getInt(sll + 4), ((ring.get(sll + 2) & 0xff) << 8) | (ring.get(sll + 3) & 0xff),
                ring.getShort(sll + 8) & 0xffff, ring.get(sll + 10) & 0xff, (ring.getShort(p + 26) & 0xffff) - mac, addr);
    }

    /**
     * Runs {@code rounds} blocks of {@code perBlock} synthetic 60-byte Ethernet frames (ethertype
     * 0x88b5, broadcast) through {@link #drainBlock} into {@code sink}, from a ring in JVM-owned
     * memory that no kernel writes: the same code as a live capture takes, so the JIT has compiled
     * it before the first real packet.
     */
    static void warmUp(int rounds, int perBlock, Consumer<RxPacket> sink) {
        warmUpFrames(rounds, perBlock, f -> sink.accept(f.toPacket()));
    }

    /** As {@link #warmUp}, through {@link #drainFrames}. */
    static void warmUpFrames(int rounds, int perBlock, Consumer<RingFrame> sink) {
        int slot = 144;
        int first = 48;
        int size = Integer.highestOneBit(first + perBlock * slot - 1) << 1;
        try (com.sun.jna.Memory block = new com.sun.jna.Memory(size)) {
            block.clear();
            block.setInt(12, perBlock);
            block.setInt(16, first);
            for (int i = 0; i < perBlock; i++) {
                long p = first + (long) i * slot;
                block.setInt(p, i + 1 < perBlock ? slot : 0);
                block.setInt(p + 12, 60);
                block.setInt(p + 16, 60);
                block.setShort(p + 24, (short) 80);
                block.setShort(p + 26, (short) 94);
                block.setShort(p + HDR_LEN, (short) 17);
                block.setShort(p + HDR_LEN + 2, (short) 0xb588);
                block.setInt(p + HDR_LEN + 4, 1);
                block.setShort(p + HDR_LEN + 8, (short) 1);
                block.setByte(p + HDR_LEN + 10, (byte) 1);
                block.setByte(p + HDR_LEN + 11, (byte) 6);
                block.write(p + 80, new byte[] {-1, -1, -1, -1, -1, -1, 2, 0x6a, 0x64, 0x75, 0x6d, 0x70, (byte) 0x88, (byte) 0xb5}, 0, 14);
            }
            RxRing ring = new RxRing(block, size, 1);
            for (int r = 0; r < rounds; r++) {
                block.setInt(8, TP_STATUS_USER);
                ring.drainFrames(sink);
            }
        }
    }

    @Override
    public void close() throws NativeException {
        if (closed) return;
        closed = true;
        LibC.check(LibC.munmap(base, size), "munmap");
    }
}
