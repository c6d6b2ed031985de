package io.jdump.capture.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The path without a ring: one {@code recvmsg} per packet, with {@code PACKET_AUXDATA} so the
 * kernel still reports the stripped VLAN tag, the original length and the status bits. The
 * buffers are allocated once per socket. Time stamps are taken on arrival in user space.
 *
 * <p>Layouts (x86-64 / LP64): {@code msghdr} name 0, namelen 8, iov 16, iovlen 24, control 32,
 * controllen 40, flags 48; {@code cmsghdr} len 0 (size_t), level 8, type 12, data 16;
 * {@code tpacket_auxdata} status 0, len 4, snaplen 8, mac 12, net 14, vlan_tci 16, vlan_tpid 18.
 */
final class MsgReceiver implements AutoCloseable {
    static final int MAX = 65536;
    private static final int SLL_LEN = 20;
    private static final int CONTROL_LEN = 64;
    private final Memory buf = new Memory(MAX);
    private final Memory from = new Memory(SLL_LEN);
    private final Memory iov = new Memory(16);
    private final Memory control = new Memory(CONTROL_LEN);
    private final Memory msg = new Memory(56);
    private final boolean cooked;

    MsgReceiver(boolean cooked) {
        this.cooked = cooked;
    }

    /** Receives one packet if there is one; returns 1, or 0 when none was waiting. */
    int receiveOne(int fd, Consumer<RxPacket> sink) throws NativeException {
        msg.clear();
        from.clear();
        control.clear();
        iov.setPointer(0, buf);
        iov.setLong(8, MAX);
        msg.setPointer(0, from);
        msg.setInt(8, SLL_LEN);
        msg.setPointer(16, iov);
        msg.setLong(24, 1);
        msg.setPointer(32, control);
        msg.setLong(40, CONTROL_LEN);
        long n = LibC.recvmsg(fd, msg, LibC.MSG_DONTWAIT | LibC.MSG_TRUNC);
        if (n < 0 && Native.getLastError() == LibC.EAGAIN) return 0;
        int got = (int) LibC.check(n, "recvmsg");
        sink.accept(packet(got));
        return 1;
    }

    private RxPacket packet(int got) {
        Instant now = Instant.now();
        byte[] data = buf.getByteArray(0, Math.min(got, MAX));
        int status = 0, len = got, tci = 0, tpid = 0, net = cooked ? 0 : -1;
        long controlLen = msg.getLong(40);
        if (controlLen >= 16 + 20 && control.getInt(8) == LibC.SOL_PACKET && control.getInt(12) == LibC.PACKET_AUXDATA) {
            status = control.getInt(16);
            len = control.getInt(20);
            net = (control.getShort(30) & 0xffff) - (control.getShort(28) & 0xffff);
            tci = control.getShort(32) & 0xffff;
            tpid = control.getShort(34) & 0xffff;
        }
        int halen = Math.min(8, from.getByte(11) & 0xff);
        int proto = ((from.getByte(2) & 0xff) << 8) | (from.getByte(3) & 0xff);
        return new RxPacket(now.getEpochSecond(), now.getNano(), len, data, status, tci, tpid, 0, from.getInt(4), proto,
                from.getShort(8) & 0xffff, from.getByte(10) & 0xff, net, from.getByteArray(12, halen));
    }

    @Override
    public void close() {
        buf.close();
        from.close();
        iov.close();
        control.close();
        msg.close();
    }
}
