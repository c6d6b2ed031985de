package io.jdump.capture;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Interpreter;
import io.jdump.bpf.PacketFilter;
import io.jdump.bpf.Program;
import io.jdump.capture.linux.AfPacketSocket;
import io.jdump.capture.linux.KernelStats;
import io.jdump.capture.linux.NativeException;
import io.jdump.capture.linux.RingFrame;
import io.jdump.capture.linux.RxPacket;
import io.jdump.filter.LinkType;
import io.jdump.pcap.Frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One live capture on Linux: an {@code AF_PACKET} socket with the filter in the kernel, read
 * through a {@code TPACKET_V3} ring, delivering frames as they were on the wire.
 *
 * <p>Opening follows the order that keeps unfiltered packets out of user space: socket with
 * protocol 0 (nothing queued), a drop-all filter, then the real filter, the ring, promiscuous
 * mode, and only then {@code bind}. With {@code -Z} the process becomes that user once the
 * socket is open, before the filter is compiled and the output file opened. Without a ring (the kernel refused one) packets are read
 * with {@code recvmsg}, after a warning. When the kernel refuses the program it is run in the JVM
 * instead ({@link Interpreter}, with the ring's metadata as {@link RingAncillary}), after one
 * warning; the kernel then keeps every packet but the consumer sees only those that match.
 *
 * <p>{@link #run} returns when {@code -c} is reached, the sink is {@linkplain FrameSink#done() done}, or after {@link #stop} (safe from any
 * thread, e.g. a signal handler); it then drains what the kernel still holds, so the counts
 * are complete.
 */
public final class LiveCapture implements AutoCloseable {
    /** The block retire timeout, and the longest wait between looks at the stop flag when the socket cannot be woken. */
    private static final int POLL_MILLIS = 100;
    /**
     * The longest wait for packets when {@link #stop} wakes the wait ({@link AfPacketSocket#wakeUp}):
     * an idle capture then wakes once a second, not ten times (each wake-up of an idle JVM costs
     * tens of microseconds of CPU: cold caches, interpreted outer loop).
     */
    private static final int IDLE_POLL_MILLIS = 1000;
    /** Synthetic frames run through the per-packet path before binding: enough for the JIT's top tier. */
    private static final int WARM_UP_PACKETS = 60_000;
    /** The longest wait for the JIT after a warm-up pass. */
    private static final int SETTLE_MILLIS = 1500;
    /** Warm-up passes run until one leaves the JIT idle, at most this many and for at most {@link #WARM_UP_MILLIS}. */
    private static final int WARM_UP_PASSES = 6;
    private static final int WARM_UP_MILLIS = 4000;

    private final AfPacketSocket socket;
    private final CaptureTarget target;
    private final LiveOptions options;
    private final PacketFilter userFilter;
    private final int retireMillis;
    private volatile boolean stopRequested;
    private long captured;
    private IOException sinkFailure;

    private LiveCapture(AfPacketSocket socket, CaptureTarget target, LiveOptions options, PacketFilter userFilter,
                        int retireMillis) {
        this.socket = socket;
        this.target = target;
        this.options = options;
        this.userFilter = userFilter;
        this.retireMillis = retireMillis;
    }

    /** Opens a capture with {@code program} (null: no filter), compiled for the interface's link type. */
    public static LiveCapture open(LiveOptions options, Program program, Consumer<String> warn) throws CaptureException {
        return open(options, linkType -> program, warn);
    }

    /**
     * Opens a capture as {@code options} say. {@code filterFor} compiles the filter once the link
     * type is known (it may return null for no filter); {@code warn} receives one-line warnings
     * (kernel refused the program, no ring), without the {@code "jdump: "} prefix.
     */
    public static LiveCapture open(LiveOptions options, Function<LinkType, Program> filterFor, Consumer<String> warn)
            throws CaptureException {
        return open(options, filterFor, warn, null);
    }

    /**
     * As {@link #open(LiveOptions, Function, Consumer)}; before binding, synthetic frames go
     * through the per-packet path into {@code sink}'s {@linkplain FrameSink#warmUpSink warm-up
     * sink} (when it has one), so the JIT's compilation is done before traffic comes rather than
     * during the first burst, while the ring fills.
     */
    public static LiveCapture open(LiveOptions options, Function<LinkType, Program> filterFor, Consumer<String> warn,
                                   FrameSink sink) throws CaptureException {
        return open(options, filterFor, warn, sink, () -> false);
    }

    /** As {@link #open(LiveOptions, Function, Consumer, FrameSink)}; the warm-up ends early once {@code stopping} says so (a Ctrl-C while opening). */
    public static LiveCapture open(LiveOptions options, Function<LinkType, Program> filterFor, Consumer<String> warn,
                                   FrameSink sink, BooleanSupplier stopping) throws CaptureException {
        CaptureTarget resolved = CaptureTarget.resolve(options.device());
        AfPacketSocket socket = openSocket(resolved);
        CaptureTarget target = resolved;
        try {
            resolved.check();
            target = resolved.as(options.linkType());
            if (options.user() != null) dropPrivileges(options.user());   // before filterFor opens the -w file
            Program program = filterFor.apply(target.linkType());
            PacketFilter userFilter = attachFilter(socket, target, program, options.snaplen(), warn);
            if (options.direction() == Direction.IN) socket.ignoreOutgoing();
            int retire = options.immediate() ? 1 : POLL_MILLIS;
            if (options.ring) mapRing(socket, options, retire, warn);
            if (options.promiscuous() && !target.cooked()) socket.addPromiscuous(target.ifindex());
            LiveCapture capture = new LiveCapture(socket, target, options, userFilter, retire);
            FrameSink warm = sink == null ? null : sink.warmUpSink();
            if (warm != null) capture.warmUp(warm, stopping);
            bind(socket, target);
            return capture;
        } catch (NativeException e) {
            closeQuietly(socket);
            throw new CaptureException(target.name() + ": " + e.getMessage(), e);
        } catch (CaptureException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static AfPacketSocket openSocket(CaptureTarget target) throws CaptureException {
        try {
            return AfPacketSocket.open(target.cooked());
        } catch (NativeException e) {
            if (e.errno() == 1 || e.errno() == 13) {
                throw new CaptureException(target.name() + ": You don't have permission to perform this capture on that device"
                        + "\n(socket: " + e.errorText() + ")", e);
            }
            throw new CaptureException(target.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code -Z}: becomes {@code user} once the socket is open, before the output file is, as
     * tcpdump does (the file is the user's); the socket's later setup (filter, ring, promiscuous
     * mode, bind) needs no privilege.
     */
    private static void dropPrivileges(String user) throws CaptureException {
        try {
            AfPacketSocket.dropPrivileges(user);
        } catch (IOException e) {
            throw new CaptureException(e.getMessage(), e);
        }
    }

    private static PacketFilter attachFilter(AfPacketSocket socket, CaptureTarget target, Program program, int snaplen,
                                             Consumer<String> warn) throws NativeException {
        socket.attachDropAll();
        Program accept = Program.of(new Insn.RetK(snaplen));
        if (program == null) {
            socket.attachFilter(accept);
            return null;
        }
        Program forKernel = target.cooked()
                ? CookedFilter.forCookedSocket(program, target.linkType() == LinkType.LINUX_SLL) : program;
        if (forKernel != null && socket.attachFilter(forKernel)) return null;
        warn.accept(forKernel == null
                ? "the filter reads the cooked header in a way the kernel cannot; filtering in user space"
                : "the kernel refused the filter (" + program.size() + " instructions); filtering in user space");
        if (!socket.attachFilter(accept)) throw new NativeException("setsockopt(SO_ATTACH_FILTER)", 22, "Invalid argument");
        return new Interpreter(program);
    }

    private static void mapRing(AfPacketSocket socket, LiveOptions options, int retire, Consumer<String> warn) {
        RingGeometry g = RingGeometry.of(options.bufferBytes(), options.snaplen());
        try {
            socket.mapRing(g.blockSize(), g.blockCount(), g.frameSize(), retire);
        } catch (NativeException e) {
            warn.accept("could not set up a TPACKET_V3 receive ring (" + e.getMessage() + "); using recvmsg");
        }
    }

    private static void bind(AfPacketSocket socket, CaptureTarget target) throws NativeException, CaptureException {
        try {
            socket.bind(target.ifindex());
        } catch (NativeException e) {
            switch (e.errno()) {
                case 100 -> throw new CaptureException(target.name() + ": That device is not up", e);
                case 19, 6 -> throw CaptureTarget.noSuchDevice(target.name());
                default -> throw e;
            }
        }
    }

    private void warmUp(FrameSink warm, BooleanSupplier stopping) {
        if (target.cooked()) return;   // the synthetic frames are Ethernet frames
        DirectSink direct = direct(warm);
        Runnable pass = direct != null
                ? () -> AfPacketSocket.warmUpFrames(WARM_UP_PACKETS, taker(direct, warm))
                : () -> AfPacketSocket.warmUp(WARM_UP_PACKETS, p -> take(p, warm));
        long end = System.nanoTime() + WARM_UP_MILLIS * 1_000_000L;
        for (int i = 0; i < WARM_UP_PASSES && System.nanoTime() < end && !stopping.getAsBoolean(); i++) {
            long before = compilerNanos();
            pass.run();
            settleCompiler(stopping);   // the top tier compiles in the background: let it finish before packets come
            if (i > 0 && compilerNanos() == before) break;   // a pass that made the JIT do nothing: all compiled
        }
        captured = 0;
        sinkFailure = null;
    }

    /**
     * Waits (at most {@value #SETTLE_MILLIS} ms) until the JIT's compiler threads have used no
     * CPU for three looks 20 ms apart (their {@code /proc/self/task/N/schedstat}; JMX's total
     * compilation time only moves when a compile ends, and a long one under load seemed done):
     * what the warm-up queued for C2 is then compiled now, not during the capture, where it would
     * take CPU from the first packets (and, under a CPU limit, most of it).
     */
    private static void settleCompiler(BooleanSupplier stopping) {
        long end = System.nanoTime() + SETTLE_MILLIS * 1_000_000L;
        long last = compilerNanos();
        int quiet = 0;
        while (last >= 0 && quiet < 3 && System.nanoTime() < end && !stopping.getAsBoolean()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = compilerNanos();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    /** CPU nanoseconds the JIT compiler threads used so far, -1 when /proc does not tell. */
    private static long compilerNanos() {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return -1;
        long sum = 0;
        for (java.io.File t : tasks) {
            try {
                String name = java.nio.file.Files.readString(t.toPath().resolve("comm"));
                if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) continue;
                String stat = java.nio.file.Files.readString(t.toPath().resolve("schedstat"));
                sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
            } catch (IOException | RuntimeException e) {
                // a thread that ended meanwhile
            }
        }
        return sum;
    }

    /**
     * {@code sink}'s in-place form when this capture can use it: frames from the ring, filtered
     * by the kernel, not cooked (their bytes are the frame; only a stripped VLAN tag, rare, still
     * takes the copying path). Null otherwise.
     */
    private DirectSink direct(FrameSink sink) {
        if (!socket.hasRing() || target.cooked() || userFilter != null) return null;
        return sink.direct();
    }

    /** The per-packet step of the in-place path: one class for warm-up and capture, so the JIT sees one. */
    private Consumer<RingFrame> taker(DirectSink direct, FrameSink sink) {
        return f -> takeInPlace(f, direct, sink);
    }

    private void takeInPlace(RingFrame f, DirectSink direct, FrameSink sink) {
        if (countReached() || sinkFailure != null || sink.done() || !options.direction().keeps(f.pkttype())) return;
        if (f.vlanValid()) {   // the tag goes back in: the copying path
            take(f.toPacket(), sink);
            return;
        }
        try {
            direct.accept(f.seconds(), f.nanos(), f.wirelen(), f.buffer(), f.offset(), Math.min(f.caplen(), options.snaplen()));
            captured++;
        } catch (IOException e) {
            sinkFailure = e;
        } catch (UncheckedIOException e) {
            sinkFailure = e.getCause();
        }
    }

    /** The interface name ({@code any} for all). */
    public String device() { return target.name(); }

    /** The link type of the frames delivered. */
    public LinkType linkType() { return target.linkType(); }

    /** Whether the filter runs in the kernel (false: in the JVM, after a warning). */
    public boolean kernelFilters() { return userFilter == null; }

    /** Whether packets come from a mapped ring (false: {@code recvmsg}). */
    public boolean usesRing() { return socket.hasRing(); }

    /** tcpdump's line, without its name: {@code listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes}. */
    public String listeningLine() {
        LinkType lt = target.linkType();
        return "listening on " + target.name() + ", link-type " + lt.name() + " (" + lt.description()
                + "), snapshot length " + options.snaplen() + " bytes";
    }

    /** Asks {@link #run} to finish; callable from any thread. */
    public void stop() {
        stopRequested = true;
        socket.wakeUp();
    }

    /**
     * Delivers frames to {@code sink} until {@code -c} is reached or {@link #stop} is called, then
     * flushes the sink and returns the counts. An exception from the sink ends the capture.
     */
    public CaptureStats run(FrameSink sink) throws IOException {
        Consumer<RxPacket> take = p -> take(p, sink);
        DirectSink direct = direct(sink);
        Consumer<RingFrame> inPlace = direct == null ? null : taker(direct, sink);
        int wait = socket.canWakeUp() ? IDLE_POLL_MILLIS : POLL_MILLIS;
        while (!stopRequested && !countReached() && !sink.done()) {
            receive(wait, take, inPlace, sink);
        }
        long deadline = System.nanoTime() + (retireMillis + 50) * 1_000_000L;
        while (!countReached() && !sink.done() && System.nanoTime() < deadline) {
            receive(10, take, inPlace, sink);
        }
        sink.flush();
        KernelStats k = socket.statistics();
        return new CaptureStats(captured, k.packets(), k.drops());
    }

    private void receive(int timeoutMillis, Consumer<RxPacket> take, Consumer<RingFrame> inPlace, FrameSink sink)
            throws IOException {
        int n = inPlace != null ? socket.receiveFrames(timeoutMillis, inPlace) : socket.receive(timeoutMillis, take);
        if (sinkFailure != null) throw sinkFailure;
        if (n > 0 && options.immediate()) sink.flush();
    }

    private boolean countReached() {
        return options.count() > 0 && captured >= options.count();
    }

    private void take(RxPacket p, FrameSink sink) {
        if (countReached() || sinkFailure != null || sink.done() || !options.direction().keeps(p.pkttype())) return;
        Frame frame = frameOf(p);
        if (frame == null) return;
        try {
            sink.accept(frame);
            captured++;
        } catch (IOException e) {
            sinkFailure = e;
        } catch (UncheckedIOException e) {
            sinkFailure = e.getCause();
        }
    }

    /** The frame to deliver for {@code p}, or null when the user-space filter rejects it. */
    private Frame frameOf(RxPacket p) {
        boolean cooked = target.cooked();
        byte[] data = !cooked ? FrameAssembler.wire(p)
                : target.linkType() == LinkType.LINUX_SLL ? FrameAssembler.cookedV1(p) : FrameAssembler.cooked(p);
        int wirelen = p.wirelen() + data.length - p.data().length;
        int keep = options.snaplen();
        if (userFilter != null) {
            int tag = p.vlanValid() ? 4 : 0;
            int net = cooked ? data.length - p.data().length : p.netOffset() < 0 ? -1 : p.netOffset() + tag;
            int verdict = userFilter.apply(data, 0, data.length, wirelen, RingAncillary.of(p, net));
            if (verdict == 0) return null;
            keep = (int) Math.min(keep, verdict & 0xffffffffL);
        }
        byte[] kept = data.length > keep ? Arrays.copyOf(data, keep) : data;
        return new Frame(target.linkType(), p.seconds(), p.nanos(), wirelen, kept);
    }

    /** Closes the socket (and leaves promiscuous mode). */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static void closeQuietly(AfPacketSocket socket) {
        try {
            socket.close();
        } catch (NativeException ignored) {
            // the open failure is the error worth reporting
        }
    }
}
