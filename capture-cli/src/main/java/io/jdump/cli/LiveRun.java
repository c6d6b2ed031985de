package io.jdump.cli;

import io.jdump.bpf.Program;
import io.jdump.capture.DirectSink;
import io.jdump.capture.FrameSink;
import io.jdump.capture.LiveOptions;
import io.jdump.capture.LiveSource;
import io.jdump.filter.LinkType;
import io.jdump.pcap.CaptureWriter;
import io.jdump.pcap.FileStream;
import io.jdump.pcap.Frame;
import io.jdump.pcap.PcapNgWriter;
import io.jdump.pcap.PcapWriter;
import io.jdump.pcap.Precision;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A live capture run from the command line: {@link LiveSource} opens the interface and runs the
 * filter in the kernel; the frames it keeps go to the {@code -w} file and/or the printer. The
 * output file is created once the interface's link type is known, as tcpdump does.
 */
final class LiveRun implements FrameSink {
    private final LiveOptions live;
    private final FilterSource filters;
    private final OutputOptions output;
    private final Precision precision;
    private final Session.Streams io;
    private final FramePrinter printer;
    private CaptureWriter writer;
    private int linkType;
    private boolean done;
    private OutputStream warmUpStream;   // the warm-up twin's, closed with the capture

    LiveRun(LiveOptions live, FilterSource filters, OutputOptions output, Precision precision, Session.Streams io) {
        this.live = live;
        this.filters = filters.linuxExtensions(true);
        this.output = output;
        this.precision = precision;
        this.io = io;
        this.printer = output.printing() ? output.printer(io.text(), precision) : null;
    }

    /** The warm-up twin of {@code real}: the same class and code, writing the same format into {@code nowhere}, printing nothing. */
    private LiveRun(LiveRun real, CaptureWriter nowhere) {
        this.live = real.live;
        this.filters = real.filters;
        this.output = real.output;
        this.precision = real.precision;
        this.io = real.io;
        this.printer = null;
        this.writer = nowhere;
        this.linkType = real.linkType;
    }

    /** Captures until {@code -c}, Ctrl-C or SIGTERM; returns the exit status. */
    int run() throws IOException {
        try {
            int status = LiveSource.execute(live, this::programFor, this, io.text(), io.err());
            io.text().flush();
            return status;
        } finally {
            try {
                if (writer != null) writer.close();
            } finally {
                if (warmUpStream != null) warmUpStream.close();
            }
        }
    }

    /** Compiles the filter for the interface's link type and opens the output for it. */
    private Program programFor(LinkType type) {
        linkType = type.linkType();
        Program program = filters.program(linkType, live.snaplen());
        try {
            writer = Session.openWriter(output, io, linkType, live.snaplen(), precision);
        } catch (IOException e) {
            throw new CliException(output.writeFile + ": " + Io.reason(e), e);
        }
        return program;
    }

    @Override
    public void accept(Frame frame) throws IOException {
        if (writer != null) {
            writer.write(frame, linkType, live.snaplen());
            if (!written()) return;
        }
        if (printer != null) printer.print(frame);
    }

    /** After a write: false when the writer is exhausted ({@code -W} with {@code -G}); flushes for {@code -U}. */
    private boolean written() throws IOException {
        if (writer.exhausted()) {
            if (!done) Session.fileLimitReached(io, output);
            done = true;
            return false;
        }
        if (output.packetBuffered) writer.flush();
        return true;
    }

    /** With {@code -w} and nothing to print, frames go from the ring straight into the writer's buffer. */
    @Override
    public DirectSink direct() {
        if (writer == null || printer != null) return null;
        return new ToWriter(writer, linkType, live.snaplen(), this);
    }

    /**
     * The same per-frame work as {@link #accept} (the {@code -w} writer's format, the printer off)
     * into a null stream, for the capture's warm-up; none without {@code -w}. It is a LiveRun too,
     * so the JIT compiles the capture's own classes (a different class in warm-up would be
     * compiled alone, then deoptimized and compiled again on the first real packets).
     */
    @Override
    public FrameSink warmUpSink() {
        if (writer == null) return null;
        try {
            // the same stream class as the real file's (a FileStream, whose channel writes the writer's
            // direct buffer in place), so that code compiled in the warm-up stays valid at its first drain
            OutputStream none = "-".equals(output.writeFile) ? OutputStream.nullOutputStream() : FileStream.create(Path.of("/dev/null"));
            warmUpStream = none;
            CaptureWriter w = output.pcapng ? new PcapNgWriter(none, precision) : new PcapWriter(none, linkType, live.snaplen(), precision);
            LiveRun twin = new LiveRun(this, w);
            return printer == null ? twin : frame -> w.write(frame, linkType, live.snaplen());
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes frames in place, then checks the -W limit and -U as {@link #accept} does. */
    private record ToWriter(CaptureWriter writer, int linkType, int snaplen, LiveRun run) implements DirectSink {
        @Override
        public void accept(long seconds, long nanos, int wirelen, ByteBuffer src, int off, int caplen) throws IOException {
            writer.write(linkType, snaplen, seconds, nanos, wirelen, src, off, caplen);
            run.written();
        }
    }

    /** Whether {@code -W} files were written with {@code -G}: the capture ends, as in tcpdump. */
    @Override
    public boolean done() {
        return done;
    }

    @Override
    public void flush() throws IOException {
        if (writer != null) writer.flush();
        io.text().flush();
    }
}
