package io.jdump.capture;

import io.jdump.filter.LinkType;
import picocli.CommandLine.Option;

/**
 * tcpdump's live-capture options, as a picocli {@code @Mixin}: {@code -i}, {@code -D},
 * {@code -p}, {@code -Q}, {@code -B}, {@code --immediate-mode}, {@code -Z}, {@code -L}
 * ({@code -s}, {@code -c} and {@code -y} are shared with file reading and set by the command). Each has tcpdump's meaning; {@link LiveSource} runs a capture from them.
 */
public final class LiveOptions {
    /** tcpdump's default snapshot length, used for {@code -s 0} and without {@code -s}. */
    public static final int DEFAULT_SNAPLEN = 262144;
    /**
     * The default ring size, in KiB: 8 MiB, four times libpcap's 2 MiB. A JVM can stop reading for
     * a while (a collection, a safepoint, the scheduler on a busy machine) where tcpdump would not;
     * at the default snapshot length the ring is then 16 blocks of 512 KiB instead of 4, about
     * 58,000 minimum-size frames (150 ms at 400,000 packets/s), for 6 MiB more of kernel memory
     * next to the JVM's own ~100 MB.
     */
    public static final int DEFAULT_BUFFER_KIB = 8192;

    @Option(names = {"-i", "--interface"}, paramLabel = "interface",
            description = "Capture on this interface (a name, or a number from -D; 'any' for all).")
    String device;

    @Option(names = {"-D", "--list-interfaces"}, description = "Print the interfaces jdump can capture on, and exit.")
    boolean listInterfaces;

    @Option(names = {"-L", "--list-data-link-types"}, description = "Print the data link types of the interface, and exit.")
    boolean listDataLinkTypes;

    @Option(names = {"-p", "--no-promiscuous-mode"}, description = "Do not put the interface into promiscuous mode.")
    boolean noPromiscuous;

    @Option(names = {"-Q", "--direction"}, paramLabel = "in|out|inout", converter = Direction.Converter.class,
            description = "Keep only packets received (in), sent (out) or both (inout, the default).")
    Direction direction = Direction.INOUT;

    /** The snapshot length; {@code -s} is parsed with the file options and set through {@link #withSnaplen}. */
    int snaplen = DEFAULT_SNAPLEN;

    @Option(names = {"-B", "--buffer-size"}, paramLabel = "buffer_size",
            description = "Kernel buffer size in KiB (default 8192; libpcap's is 2048).")
    Integer bufferKib;


    @Option(names = "--immediate-mode", description = "Deliver packets as soon as they arrive.")
    boolean immediate;

    /** The packet limit; {@code -c} is parsed with the file options and set through {@link #withCount}. */
    long count;

    @Option(names = {"-Z", "--relinquish-privileges"}, paramLabel = "user",
            description = "Drop root privileges to this user after opening the capture.")
    String user;

    /** {@code -y}: the link type to capture as (parsed with the file options), or null for the interface's default. */
    LinkType linkType;

    /** False only in tests that exercise the path without a ring. */
    boolean ring = true;

    /** The interface argument of {@code -i}, or null when none was given. */
    public String device() { return device; }

    /** Whether {@code -D} was given. */
    public boolean listInterfaces() { return listInterfaces; }

    /** Whether {@code -L} was given. */
    public boolean listDataLinkTypes() { return listDataLinkTypes; }

    /** Whether the interface is put in promiscuous mode (no {@code -p}). */
    public boolean promiscuous() { return !noPromiscuous; }

    /** {@code -Q}: which directions are kept. */
    public Direction direction() { return direction; }

    /** The snapshot length in bytes; {@code -s 0} and out-of-range values mean 262144, as in tcpdump. */
    public int snaplen() {
        return snaplen <= 0 || snaplen > DEFAULT_SNAPLEN ? DEFAULT_SNAPLEN : snaplen;
    }

    /** The kernel buffer size in bytes ({@code -B} is in KiB). */
    public long bufferBytes() {
        return (bufferKib != null ? bufferKib : DEFAULT_BUFFER_KIB) * 1024L;
    }

    /** The {@code -B} argument as given, in KiB, or null. */
    Integer bufferKib() { return bufferKib; }

    /** Whether {@code -B} holds a usable value; tcpdump rejects 0 and negatives. */
    public boolean bufferValid() {
        return bufferKib == null || bufferKib > 0;
    }

    /** Whether {@code --immediate-mode} was given. */
    public boolean immediate() { return immediate; }

    /** {@code -c}: the number of packets after which to stop, 0 for no limit. */
    public long count() { return Math.max(0, count); }

    /** {@code -Z}: the user to switch to after opening the socket, or null. */
    public String user() { return user; }

    /** Options for a capture on {@code device}; the other settings are tcpdump's defaults. Handy for tests. */
    public static LiveOptions forDevice(String device) {
        LiveOptions o = new LiveOptions();
        o.device = device;
        return o;
    }

    /** This with {@code -c count}. */
    public LiveOptions withCount(long count) {
        this.count = count;
        return this;
    }

    /** {@code -y}: the link type asked for, or null for the interface's default. */
    public LinkType linkType() { return linkType; }

    /** This with {@code -y type} (null: the interface's default). */
    public LiveOptions withLinkType(LinkType type) {
        this.linkType = type;
        return this;
    }

    /** This with {@code -Q direction}. */
    public LiveOptions withDirection(Direction direction) {
        this.direction = direction;
        return this;
    }

    /** This with {@code --immediate-mode} set or not. */
    public LiveOptions withImmediate(boolean immediate) {
        this.immediate = immediate;
        return this;
    }

    /** This with {@code -s snaplen}. */
    public LiveOptions withSnaplen(int snaplen) {
        this.snaplen = snaplen;
        return this;
    }

    /** This without a receive ring: packets come one {@code recvmsg} at a time (tests of the fallback). */
    LiveOptions withoutRing() {
        this.ring = false;
        return this;
    }

    /** This with promiscuous mode on, or off as with {@code -p}. */
    public LiveOptions withPromiscuous(boolean promiscuous) {
        this.noPromiscuous = !promiscuous;
        return this;
    }

    /** This with {@code -B kib}. */
    public LiveOptions withBufferKib(int kib) {
        this.bufferKib = kib;
        return this;
    }
}
