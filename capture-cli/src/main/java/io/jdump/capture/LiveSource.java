package io.jdump.capture;

import io.jdump.bpf.Program;
import io.jdump.capture.linux.NetInterfaces;
import io.jdump.filter.LinkType;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Runs the live-capture side of the {@code jdump} command from its {@link LiveOptions}:
 * {@code -D} and {@code -L} listings, or a capture that ends on {@code -c}, Ctrl-C or SIGTERM and
 * then prints tcpdump's three counting lines. Errors a user will meet (no permission, no such
 * interface, interface down) are one tcpdump message on {@code err} and exit status 1; nothing
 * here calls {@code System.exit}.
 */
public final class LiveSource {
    /** The offered link types jdump's printer decodes; {@code -L} marks the others as tcpdump does. */
    private static final java.util.Set<LinkType> PRINTABLE =
            java.util.EnumSet.of(LinkType.EN10MB, LinkType.LINUX_SLL, LinkType.LINUX_SLL2);

    private LiveSource() {}

    /**
     * Executes the options: lists, or captures into {@code sink} with the filter {@code filterFor}
     * compiles for the interface's link type (null for none).
     *
     * @return the exit status: 0 on success (also after Ctrl-C), 1 on an error
     */
    public static int execute(LiveOptions options, Function<LinkType, Program> filterFor, FrameSink sink,
                              PrintWriter out, PrintWriter err) {
        try {
            if (options.listInterfaces()) return listInterfaces(out);
            if (!options.bufferValid()) return fail(err, "invalid packet buffer size " + options.bufferKib());
            if (options.listDataLinkTypes()) return listDataLinkTypes(options, err);   // tcpdump lists them on stderr
            return capture(options, filterFor, sink, err);
        } catch (CaptureException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, e.getMessage());
        }
    }

    private static int capture(LiveOptions options, Function<LinkType, Program> filterFor, FrameSink sink,
                               PrintWriter err) throws CaptureException, IOException {
        // Ctrl-C from the start: one during opening (the JIT warm-up takes seconds) stops the
        // capture as soon as it is open, which then ends at once with its counts, as tcpdump does
        var opened = new java.util.concurrent.atomic.AtomicReference<LiveCapture>();
        var stopped = new java.util.concurrent.atomic.AtomicBoolean();
        try (StopSignals signals = StopSignals.install(() -> {
                 stopped.set(true);
                 LiveCapture c = opened.get();
                 if (c != null) c.stop();
             });
             LiveCapture capture = LiveCapture.open(options, filterFor, w -> warn(err, w), sink, stopped::get)) {
            opened.set(capture);
            if (stopped.get()) capture.stop();
            // tcpdump 4.99 names the link type when -y chose it, and on any, where it picks LINUX_SLL2 itself
            if (options.linkType() != null || capture.device().equals(NetInterfaces.ANY)) {
                err.println("jdump: data link type " + capture.linkType().name());
            }
            err.println("jdump: " + capture.listeningLine());
            err.flush();
            CaptureStats stats = capture.run(sink);
            stats.lines().forEach(err::println);
            err.flush();
            return 0;
        }
    }

    private static int listInterfaces(PrintWriter out) throws IOException {
        NetInterfaces.describeAll().forEach(out::println);
        out.flush();
        return 0;
    }

    private static int listDataLinkTypes(LiveOptions options, PrintWriter out) throws CaptureException {
        CaptureTarget target = CaptureTarget.resolve(options.device());
        target.check();
        out.println("Data link types for " + target.name() + " (use option -y to set):");
        for (LinkType lt : target.offered()) {
            out.println("  " + lt.name() + " (" + lt.description() + ")" + (PRINTABLE.contains(lt) ? "" : " (printing not supported)"));
        }
        out.flush();
        return 0;
    }

    private static void warn(PrintWriter err, String text) {
        err.println("jdump: warning: " + text);
        err.flush();
    }

    private static int fail(PrintWriter err, String message) {
        err.println("jdump: " + message);
        err.flush();
        return 1;
    }
}
