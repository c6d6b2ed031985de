package io.jdump.capture.linux;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import java.io.IOException;

/**
 * The C library calls live capture needs, bound once through JNA direct mapping. Every method
 * returns the raw result; {@link #check} turns -1 into an {@link IOException} carrying
 * {@code strerror(errno)} and the call's name. Nothing outside this package touches it.
 */
final class LibC {
    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private LibC() {}

    static final int AF_PACKET = 17;
    static final int SOCK_RAW = 3;
    static final int SOCK_DGRAM = 2;
    static final int SOL_SOCKET = 1;
    static final int SO_ATTACH_FILTER = 26;
    static final int SO_DETACH_FILTER = 27;
    static final int SOL_PACKET = 263;
    static final int PACKET_ADD_MEMBERSHIP = 1;
    static final int PACKET_MR_PROMISC = 1;
    static final int PACKET_RX_RING = 5;
    static final int PACKET_STATISTICS = 6;
    static final int PACKET_AUXDATA = 8;
    static final int PACKET_VERSION = 10;
    static final int TPACKET_V3 = 2;
    static final int PACKET_IGNORE_OUTGOING = 23;
    static final int ETH_P_ALL = 0x0003;
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int MAP_SHARED = 1;
    static final short POLLIN = 0x1;
    static final short POLLERR = 0x8;
    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_TRUNC = 0x20;
    static final int SIOCETHTOOL = 0x8946;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;

    static final int EPERM = 1;
    static final int EINTR = 4;
    static final int ENXIO = 6;
    static final int EAGAIN = 11;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int ENETDOWN = 100;

    static native int socket(int domain, int type, int protocol);
    static native int bind(int fd, Pointer addr, int len);
    static native int setsockopt(int fd, int level, int name, Pointer value, int len);
    static native int getsockopt(int fd, int level, int name, Pointer value, Pointer len);
    static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);
    static native int munmap(Pointer addr, long length);
    static native int poll(Pointer fds, long nfds, int timeoutMillis);
    static native long recvmsg(int fd, Pointer msghdr, int flags);
    static native long sendto(int fd, Pointer buf, long len, int flags, Pointer to, int toLen);
    static native int close(int fd);
    static native int eventfd(int initval, int flags);
    static native long read(int fd, Pointer buf, long count);
    static native long write(int fd, Pointer buf, long count);
    static native int open(String path, int flags);
    static native int ioctl(int fd, long request, Pointer arg);
    static native int if_nametoindex(String name);
    static native int setns(int fd, int nstype);
    static native int setgid(int gid);
    static native int setuid(int uid);
    static native int setgroups(long size, Pointer list);
    static native String strerror(int errnum);
    static native int sigaction(int signum, Pointer act, Pointer oldact);
    static native Pointer signal(int signum, Pointer handler);

    /** The text of {@code errno} as the C library gives it, e.g. "Operation not permitted". */
    static String errorText(int errno) {
        String s = strerror(errno);
        return s != null ? s : "error " + errno;
    }

    /** Returns {@code result}, or throws {@link NativeException} when it is -1. */
    static long check(long result, String call) throws NativeException {
        if (result == -1) {
            int errno = Native.getLastError();
            throw new NativeException(call, errno, errorText(errno));
        }
        return result;
    }

    /** {@code htons} for the little- or big-endian host. */
    static short htons(int v) {
        short s = (short) v;
        return java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN ? s : Short.reverseBytes(s);
    }
}
