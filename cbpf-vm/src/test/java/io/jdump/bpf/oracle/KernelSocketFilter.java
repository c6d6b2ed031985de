package io.jdump.bpf.oracle;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.jdump.bpf.Codec;
import io.jdump.bpf.Program;
import io.jdump.bpf.RawInsn;

import java.io.IOException;

/**
 * The Linux kernel's classic-BPF machine as an oracle, through an {@code AF_UNIX SOCK_DGRAM}
 * socket pair (no privileges needed). {@link #accepts} attaches a program with
 * {@code setsockopt(SOL_SOCKET, SO_ATTACH_FILTER)}: {@code EINVAL} means {@code bpf_check_classic}
 * refused it. {@link #run} attaches a program to the receiving end, sends one datagram and
 * returns how many bytes arrived: the verdict clamped to the datagram's length, 0 when nothing
 * arrived (the receive does not wait: AF_UNIX delivery, and its filter, run inside {@code send}).
 */
public final class KernelSocketFilter implements AutoCloseable {
    private static final int AF_UNIX = 1, SOCK_DGRAM = 2, SOL_SOCKET = 1, SO_ATTACH_FILTER = 26;
    private static final int MSG_DONTWAIT = 0x40, EINVAL = 22, EAGAIN = 11;
    private static final Throwable LOAD_ERROR = load();

    private final int sender;
    private final int receiver;
    private final Memory recvBuf = new Memory(65536);

    private static Throwable load() {
        try {
            Native.register(KernelSocketFilter.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
            return null;
        } catch (UnsatisfiedLinkError e) {
            return e;
        }
    }

    /** Whether the socket filter oracle can be used (Linux, libc loadable). */
    public static boolean available() {
        return LOAD_ERROR == null && Platform.isLinux();
    }

    private static native int socketpair(int domain, int type, int protocol, int[] sv) throws LastErrorException;

    private static native int setsockopt(int fd, int level, int name, Pointer value, int len) throws LastErrorException;

    private static native long send(int fd, byte[] buf, long len, int flags) throws LastErrorException;

    private static native long recv(int fd, Pointer buf, long len, int flags) throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;

    /** Opens a socket pair. */
    public KernelSocketFilter() throws IOException {
        int[] sv = new int[2];
        try {
            socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
        } catch (LastErrorException e) {
            throw new IOException("socketpair: errno " + e.getErrorCode(), e);
        }
        sender = sv[0];
        receiver = sv[1];
    }

    /** Whether the kernel accepts {@code raw} as a socket filter (false on EINVAL). */
    public boolean accepts(RawInsn[] raw) throws IOException {
        return attach(raw, raw.length);
    }

    /** Whether the kernel accepts {@code program}. */
    public boolean accepts(Program program) throws IOException {
        return accepts(Codec.encode(program));
    }

    /**
     * Runs {@code program} on one datagram holding {@code pkt}: the number of bytes received, which
     * is min(verdict, pkt.length), or 0 when the filter dropped it. The program must be accepted.
     */
    public int run(Program program, byte[] pkt) throws IOException {
        if (!accepts(program)) throw new IllegalArgumentException("kernel refuses the program:\n" + program);
        drain();
        try {
            send(sender, pkt, pkt.length, 0);
        } catch (LastErrorException e) {
            throw new IOException("send: errno " + e.getErrorCode(), e);
        }
        return receive();
    }

    private int receive() throws IOException {
        try {
            return (int) recv(receiver, recvBuf, recvBuf.size(), MSG_DONTWAIT);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN) return 0;
            throw new IOException("recv: errno " + e.getErrorCode(), e);
        }
    }

    private void drain() throws IOException {
        while (receive() > 0) {
            // leftovers of an earlier run
        }
    }

    private boolean attach(RawInsn[] raw, int len) throws IOException {
        try (Memory insns = LibpcapBpf.nativeInsns(raw); Memory fprog = new Memory(16)) {
            fprog.clear();
            fprog.setShort(0, (short) len);
            fprog.setPointer(8, insns);
            setsockopt(receiver, SOL_SOCKET, SO_ATTACH_FILTER, fprog, 16);
            return true;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINVAL) return false;
            throw new IOException("setsockopt(SO_ATTACH_FILTER): errno " + e.getErrorCode(), e);
        }
    }

    @Override
    public void close() {
        recvBuf.close();
        close(sender);
        close(receiver);
    }
}
