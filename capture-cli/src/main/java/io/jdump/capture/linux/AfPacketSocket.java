package io.jdump.capture.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.jdump.bpf.Codec;
import io.jdump.bpf.Insn;
import io.jdump.bpf.Program;

import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * A Linux {@code AF_PACKET} socket: the only public face of the native calls of live capture.
 *
 * <p>The socket is opened with protocol 0, so the kernel queues nothing until {@link #bind};
 * a filter attached before that ({@link #attachFilter}) therefore sees every packet, and no
 * unfiltered packet ever reaches user space. Packets are then taken from a {@code TPACKET_V3}
 * ring ({@link #mapRing}) or, when no ring could be set up, one at a time with {@code recvmsg}.
 *
 * <p>Every failing call throws {@link NativeException} with {@code strerror(errno)}. Use it in
 * try-with-resources: {@link #close} unmaps the ring and closes the descriptor.
 */
public final class AfPacketSocket implements AutoCloseable {
    /** The kernel's limit on the length of a classic BPF program ({@code BPF_MAXINSNS}). */
    public static final int MAX_KERNEL_INSNS = 4096;
    private static final int SLL_LEN = 20;

    private final int fd;
    private final boolean cooked;
    /** An eventfd that {@link #wakeUp} makes readable, polled beside the socket; -1 when the kernel gave none. */
    private final int wakeFd;
    private final Memory wakeValue = new Memory(8);   // the 8-byte count written to wakeFd (and the lock of wakeUp/close)
    private final Memory drained = new Memory(8);     // where the count read back goes
    private RxRing ring;
    private MsgReceiver receiver;
    private Memory pollFd;   // the two struct pollfd (socket, wakeFd), made on the first wait and kept
    private KernelStats stats = KernelStats.ZERO;
    private boolean closed;

    private AfPacketSocket(int fd, boolean cooked) {
        this.fd = fd;
        this.cooked = cooked;
        this.wakeFd = LibC.eventfd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC);
    }

    /**
     * Opens {@code socket(AF_PACKET, SOCK_RAW, 0)}, or {@code SOCK_DGRAM} when {@code cooked}
     * (link-layer header removed, as for {@code -i any}). Nothing is received before {@link #bind}.
     */
    public static AfPacketSocket open(boolean cooked) throws NativeException {
        int fd = (int) LibC.check(LibC.socket(LibC.AF_PACKET, cooked ? LibC.SOCK_DGRAM : LibC.SOCK_RAW, 0), "socket");
        return new AfPacketSocket(fd, cooked);
    }

    /** Whether the socket delivers packets without their link-layer header. */
    public boolean cooked() { return cooked; }

    /** The index of interface {@code name}, or 0 when there is none. */
    public static int interfaceIndex(String name) {
        return LibC.if_nametoindex(name);
    }

    /**
     * Attaches {@code program} with {@code SO_ATTACH_FILTER}. Returns false when the kernel
     * refuses it (more than {@value #MAX_KERNEL_INSNS} instructions, EINVAL or ENOMEM): the
     * caller must then filter in user space; any other failure throws.
     */
    public boolean attachFilter(Program program) throws NativeException {
        if (program.size() > MAX_KERNEL_INSNS || program.size() == 0) return false;
        byte[] code = Codec.toBytes(program, ByteOrder.nativeOrder());
        try (Memory insns = new Memory(code.length); Memory fprog = new Memory(16)) {
            insns.write(0, code, 0, code.length);
            fprog.clear();
            fprog.setShort(0, (short) program.size());
            fprog.setPointer(8, insns);
            if (LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_ATTACH_FILTER, fprog, 16) == 0) return true;
            int errno = Native.getLastError();
            if (errno == LibC.EINVAL || errno == LibC.ENOMEM) return false;
            throw new NativeException("setsockopt(SO_ATTACH_FILTER)", errno, LibC.errorText(errno));
        }
    }

    /** Attaches {@code ret #0}: the kernel keeps nothing until a filter replaces it. */
    public void attachDropAll() throws NativeException {
        if (!attachFilter(Program.of(new Insn.RetK(0)))) {
            throw new NativeException("setsockopt(SO_ATTACH_FILTER)", LibC.EINVAL, LibC.errorText(LibC.EINVAL));
        }
    }

    /** Binds to interface {@code ifindex} (0: all interfaces) for every protocol ({@code ETH_P_ALL}). */
    public void bind(int ifindex) throws NativeException {
        try (Memory sll = new Memory(SLL_LEN)) {
            sll.clear();
            sll.setShort(0, (short) LibC.AF_PACKET);
            sll.setShort(2, LibC.htons(LibC.ETH_P_ALL));
            sll.setInt(4, ifindex);
            LibC.check(LibC.bind(fd, sll, SLL_LEN), "bind");
        }
    }

    /** Puts interface {@code ifindex} in promiscuous mode for as long as the socket is open. */
    public void addPromiscuous(int ifindex) throws NativeException {
        try (Memory mreq = new Memory(16)) {
            mreq.clear();
            mreq.setInt(0, ifindex);
            mreq.setShort(4, (short) LibC.PACKET_MR_PROMISC);
            LibC.check(LibC.setsockopt(fd, LibC.SOL_PACKET, LibC.PACKET_ADD_MEMBERSHIP, mreq, 16),
                    "setsockopt(PACKET_ADD_MEMBERSHIP)");
        }
    }

    /**
     * Asks the kernel not to deliver packets this host sends ({@code PACKET_IGNORE_OUTGOING},
     * Linux 4.20). Returns false when the kernel does not know the option.
     */
    public boolean ignoreOutgoing() {
        try (Memory v = new Memory(4)) {
            v.setInt(0, 1);
            return LibC.setsockopt(fd, LibC.SOL_PACKET, LibC.PACKET_IGNORE_OUTGOING, v, 4) == 0;
        }
    }

    /**
     * Sets up a {@code TPACKET_V3} ring of {@code blockCount} blocks of {@code blockSize} bytes
     * (a power-of-two multiple of the page size), whose blocks are retired after
     * {@code retireMillis} even if not full. Call before {@link #bind}.
     */
    public void mapRing(int blockSize, int blockCount, int frameSize, int retireMillis) throws NativeException {
        intOption(LibC.SOL_PACKET, LibC.PACKET_VERSION, LibC.TPACKET_V3, "setsockopt(PACKET_VERSION)");
        try (Memory req = new Memory(28)) {
            req.clear();
            req.setInt(0, blockSize);
            req.setInt(4, blockCount);
            req.setInt(8, frameSize);
            req.setInt(12, blockSize / frameSize * blockCount);
            req.setInt(16, retireMillis);
            LibC.check(LibC.setsockopt(fd, LibC.SOL_PACKET, LibC.PACKET_RX_RING, req, 28), "setsockopt(PACKET_RX_RING)");
        }
        long size = (long) blockSize * blockCount;
        Pointer map = LibC.mmap(null, size, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
        try {
            LibC.check(Pointer.nativeValue(map), "mmap");
        } catch (NativeException e) {
            // The kernel keeps filling a ring nobody can read: take it down (a request of no
            // blocks frees it), so that recvmsg, the fallback, receives the packets again.
            try (Memory none = new Memory(28)) {
                none.clear();
                LibC.setsockopt(fd, LibC.SOL_PACKET, LibC.PACKET_RX_RING, none, 28);
            }
            throw e;
        }
        ring = new RxRing(map, blockSize, blockCount);
    }

    /**
     * Runs {@code packets} synthetic frames through the ring-reading code into {@code sink} (no
     * socket involved), so that the JIT compiles the per-packet path before a capture starts.
     */
    public static void warmUp(int packets, Consumer<RxPacket> sink) {
        int perBlock = 512;
        RxRing.warmUp(Math.max(1, packets / perBlock), perBlock, sink);
    }

    /**
     * As {@link #warmUp(int, Consumer)}, through the ring's in-place view ({@link #receiveFrames}).
     * Half the frames come in blocks as long as a live one's of small frames (the loop's on-stack
     * compile), half in blocks of 32: a live capture drains only a few dozen blocks a second, so
     * without these the block loop's own top-tier compile would wait for real traffic.
     */
    public static void warmUpFrames(int packets, Consumer<RingFrame> sink) {
        int half = Math.max(1, packets / 2);
        RxRing.warmUpFrames(Math.max(1, half / 4096), 4096, sink);
        RxRing.warmUpFrames(Math.max(1, half / 32), 32, sink);
    }

    /** Whether packets come from a mapped ring (else from {@code recvmsg}). */
    public boolean hasRing() { return ring != null; }

    /**
     * Delivers the packets that are ready to {@code sink}, waiting at most {@code timeoutMillis}
     * for some. Returns how many were delivered (0 on timeout or interruption by a signal).
     * With a ring this is one block; without, one packet per call ({@code recvmsg} with
     * {@code PACKET_AUXDATA}, so VLAN metadata is still reported).
     */
    public int receive(int timeoutMillis, Consumer<RxPacket> sink) throws NativeException {
        if (ring != null && ring.ready()) return ring.drainBlock(sink);
        if (!waitReadable(timeoutMillis)) return 0;
        return ring != null ? ring.drainBlock(sink) : receiver().receiveOne(fd, sink);
    }

    /**
     * As {@link #receive}, for a socket with a ring ({@link #hasRing}): the packets of one block
     * are seen in place, through a {@link RingFrame} valid during each call of {@code sink}.
     */
    public int receiveFrames(int timeoutMillis, Consumer<RingFrame> sink) throws NativeException {
        if (ring == null) throw new IllegalStateException("no ring");
        if (ring.ready()) return ring.drainFrames(sink);
        if (!waitReadable(timeoutMillis)) return 0;
        return ring.drainFrames(sink);
    }

    private MsgReceiver receiver() {
        if (receiver == null) {
            intOptionQuietly(LibC.PACKET_AUXDATA);
            receiver = new MsgReceiver(cooked);
        }
        return receiver;
    }

    private void intOptionQuietly(int name) {
        try (Memory v = new Memory(4)) {
            v.setInt(0, 1);
            LibC.setsockopt(fd, LibC.SOL_PACKET, name, v, 4);
        }
    }

    /**
     * Waits for the socket to be readable, at most {@code timeoutMillis}, or until {@link #wakeUp}
     * (whose wake-up is consumed here: the next wait blocks again). Returns whether the socket is
     * readable.
     */
    private boolean waitReadable(int timeoutMillis) throws NativeException {
        if (pollFd == null) {
            pollFd = new Memory(16);
            pollFd.setInt(0, fd);
            pollFd.setShort(4, (short) (LibC.POLLIN | LibC.POLLERR));
            pollFd.setInt(8, wakeFd);
            pollFd.setShort(12, LibC.POLLIN);
        }
        pollFd.setShort(6, (short) 0);
        pollFd.setShort(14, (short) 0);
        int n = LibC.poll(pollFd, wakeFd >= 0 ? 2 : 1, timeoutMillis);
        if (n < 0 && Native.getLastError() == LibC.EINTR) return false;
        LibC.check(n, "poll");
        if (n > 0 && wakeFd >= 0 && pollFd.getShort(14) != 0) LibC.read(wakeFd, drained, 8);
        return n > 0 && pollFd.getShort(6) != 0;
    }

    /** Whether {@link #wakeUp} ends a wait early (else a waiting {@link #receive} sees it only at its timeout). */
    public boolean canWakeUp() { return wakeFd >= 0; }

    /**
     * Makes a {@link #receive} or {@link #receiveFrames} that is waiting, or the next one to wait,
     * return at once with 0 packets (as libpcap's breakloop wakes its poll); callable from any
     * thread, e.g. a signal handler's. Nothing happens once the socket is closed.
     */
    public void wakeUp() {
        synchronized (wakeValue) {
            if (closed || wakeFd < 0) return;
            wakeValue.setLong(0, 1);
            LibC.write(wakeFd, wakeValue, 8);
        }
    }

    /** Sends one frame on the bound interface (link-layer header included unless cooked). */
    public void send(byte[] frame) throws NativeException {
        try (Memory buf = new Memory(Math.max(1, frame.length))) {
            buf.write(0, frame, 0, frame.length);
            LibC.check(LibC.sendto(fd, buf, frame.length, 0, null, 0), "send");
        }
    }

    /**
     * The counters since the socket was opened. Each call reads and resets the kernel's
     * {@code tpacket_stats_v3} and adds them to what earlier calls read.
     */
    public KernelStats statistics() throws NativeException {
        try (Memory st = new Memory(12); Memory len = new Memory(4)) {
            st.clear();
            len.setInt(0, 12);
            LibC.check(LibC.getsockopt(fd, LibC.SOL_PACKET, LibC.PACKET_STATISTICS, st, len), "getsockopt(PACKET_STATISTICS)");
            stats = stats.plus(st.getInt(0) & 0xffffffffL, st.getInt(4) & 0xffffffffL);
            return stats;
        }
    }

    private void intOption(int level, int name, int value, String call) throws NativeException {
        try (Memory v = new Memory(4)) {
            v.setInt(0, value);
            LibC.check(LibC.setsockopt(fd, level, name, v, 4), call);
        }
    }

    /**
     * Switches the calling thread into the network namespace at {@code path} (a
     * {@code /var/run/netns/NAME} or {@code /proc/PID/ns/net} file) with {@code setns(2)}; other
     * threads are not affected. Sockets opened afterwards by this thread live in that namespace.
     */
    public static void enterNetworkNamespace(String path) throws NativeException {
        int nsfd = (int) LibC.check(LibC.open(path, LibC.O_RDONLY | LibC.O_CLOEXEC), "open(" + path + ")");
        try {
            LibC.check(LibC.setns(nsfd, LibC.CLONE_NEWNET), "setns");
        } finally {
            LibC.close(nsfd);
        }
    }

    /**
     * Whether interface {@code name} has link, from {@code SIOCETHTOOL ETHTOOL_GLINK}: TRUE or
     * FALSE, or null when the driver does not say (ifb, dummy...).
     */
    public static Boolean linkDetected(String name) {
        int sock = LibC.socket(2 /* AF_INET */, LibC.SOCK_DGRAM, 0);
        if (sock < 0) return null;
        try (Memory ifr = new Memory(40); Memory value = new Memory(8)) {
            ifr.clear();
            byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ifr.write(0, n, 0, Math.min(15, n.length));
            value.setInt(0, 0x0a); // ETHTOOL_GLINK
            value.setInt(4, 0);
            ifr.setPointer(16, value);
            if (LibC.ioctl(sock, LibC.SIOCETHTOOL, ifr) != 0) return null;
            return value.getInt(4) != 0;
        } finally {
            LibC.close(sock);
        }
    }

    /**
     * Drops root: sets the groups, group and user of the process to those of {@code user}
     * (from {@code /etc/passwd}), as tcpdump's {@code -Z}. Already opened sockets stay usable.
     *
     * @throws java.io.IOException "Couldn't find user 'NAME'" when there is no such user
     */
    public static void dropPrivileges(String user) throws java.io.IOException {
        int[] ids = lookupUser(user);
        if (ids == null) throw new java.io.IOException("Couldn't find user '" + user + "'");
        LibC.check(LibC.setgroups(0, null), "setgroups");
        LibC.check(LibC.setgid(ids[1]), "setgid");
        LibC.check(LibC.setuid(ids[0]), "setuid");
    }

    private static int[] lookupUser(String user) throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/etc/passwd"))) {
            String[] f = line.split(":");
            if (f.length > 3 && f[0].equals(user)) return new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])};
        }
        return null;
    }

    @Override
    public void close() throws NativeException {
        synchronized (wakeValue) {
            if (closed) return;
            closed = true;
        }
        try {
            if (ring != null) ring.close();
            if (receiver != null) receiver.close();
            if (pollFd != null) pollFd.close();
            if (wakeFd >= 0) LibC.close(wakeFd);
        } finally {
            LibC.check(LibC.close(fd), "close");
        }
    }
}
