package io.jdump.capture.linux;

import io.jdump.testing.Requirements;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away network namespace {@code jdump-t-<random>} and a veth pair between it and the
 * root namespace, for live-capture tests. The root end ({@link #rootEnd}) is where the JVM
 * captures; frames are injected from the namespace end ({@link #sendFromPeer}, on a thread that
 * {@code setns(2)}s into the namespace) or from the root end ({@link #sendFromRoot}, outgoing).
 * IPv6 is disabled on both ends so the kernel sends nothing of its own; the only traffic is the
 * test's. {@link #close} (and a shutdown hook, should the JVM die first) deletes both.
 */
public final class VethPair implements AutoCloseable {
    private final String netns;
    private final String rootEnd;
    private final String peerEnd;
    private final Thread cleanup;

    private VethPair(String tag) {
        this.netns = "jdump-t-" + tag;
        this.rootEnd = "jdt" + tag + "a";
        this.peerEnd = "jdt" + tag + "b";
        this.cleanup = new Thread(this::delete, "veth-cleanup-" + tag);
    }

    /** Skips (outside CI) unless we are root with {@code ip}; makes the namespace and the pair, both ends up. */
    public static VethPair create() throws IOException {
        Requirements.require(Requirements.isRoot() && Requirements.onPath("ip") != null, "root and iproute2 (ip)");
        VethPair v = new VethPair(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2));
        Runtime.getRuntime().addShutdownHook(v.cleanup);
        try {
            v.setUp();
        } catch (IOException | RuntimeException e) {
            v.close();
            throw e;
        }
        return v;
    }

    /** Creates the pair but leaves the root end down. */
    public static VethPair createDown() throws IOException {
        VethPair v = create();
        ip("link", "set", v.rootEnd, "down");
        return v;
    }

    private void setUp() throws IOException {
        ip("netns", "add", netns);
        ip("link", "add", rootEnd, "type", "veth", "peer", "name", peerEnd, "netns", netns);
        Files.writeString(Path.of("/proc/sys/net/ipv6/conf", rootEnd, "disable_ipv6"), "1");
        ip("netns", "exec", netns, "sysctl", "-qw", "net.ipv6.conf." + peerEnd + ".disable_ipv6=1");
        ip("link", "set", rootEnd, "up");
        ip("-n", netns, "link", "set", peerEnd, "up");
    }

    /** The interface in the root namespace, where captures run. */
    public String rootEnd() { return rootEnd; }

    /** The interface inside the namespace. */
    public String peerEnd() { return peerEnd; }

    /** The index of the root end. */
    public int rootIndex() { return AfPacketSocket.interfaceIndex(rootEnd); }

    /** Sends {@code frames} from the namespace end: they arrive on the root end as received packets. */
    public void sendFromPeer(List<byte[]> frames) throws Exception {
        List<Exception> failure = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                AfPacketSocket.enterNetworkNamespace("/var/run/netns/" + netns);
                send(peerEnd, frames);
            } catch (Exception e) {
                failure.add(e);
            }
        }, "sender-" + netns);
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(20));
        if (t.isAlive()) throw new AssertionError("sender did not finish in 20 s");
        if (!failure.isEmpty()) throw failure.getFirst();
    }

    /** Sends {@code frames} out of the root end: a capture there sees them as outgoing. */
    public void sendFromRoot(List<byte[]> frames) throws Exception {
        send(rootEnd, frames);
    }

    private static void send(String ifname, List<byte[]> frames) throws NativeException {
        try (AfPacketSocket s = AfPacketSocket.open(false)) {
            s.attachDropAll();
            s.bind(AfPacketSocket.interfaceIndex(ifname));
            for (byte[] f : frames) s.send(f);
        }
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down: the hook deletes them
        }
    }

    private synchronized void delete() {
        try {
            ipQuiet("link", "del", rootEnd);
            ipQuiet("netns", "del", netns);
        } catch (IOException ignored) {
            // best effort; the names are random and recognisable (jdump-t-*, jdt*)
        }
    }

    /** Runs {@code ip args...}; fails with its output when it exits non-zero. */
    public static void ip(String... args) throws IOException {
        String out = run(args);
        if (out != null) throw new IOException("ip " + String.join(" ", args) + ": " + out);
    }

    private static void ipQuiet(String... args) throws IOException {
        run(args);
    }

    private static String run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            String out = new String(p.getInputStream().readAllBytes());
            return p.exitValue() == 0 ? null : out.strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
