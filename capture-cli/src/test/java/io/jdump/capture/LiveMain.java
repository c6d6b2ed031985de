package io.jdump.capture;

import io.jdump.bpf.Assembler;
import io.jdump.bpf.Program;
import io.jdump.filter.LinkType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A small command around {@link LiveSource} for tests and {@code bench/live}: tcpdump's live
 * options, {@code -w FILE}, and a filter expression that tcpdump compiles ({@code tcpdump -ddd};
 * the project's own compiler is wired in by the real command). Exit status as the real command.
 */
@Command(name = "jdump-live")
public final class LiveMain implements Callable<Integer> {
    @Mixin
    LiveOptions live = new LiveOptions();

    @Option(names = "-c", paramLabel = "count", description = "Exit after this many packets.")
    void count(long n) { live.withCount(n); }

    @Option(names = "-s", paramLabel = "snaplen", description = "Snapshot length (0 means 262144).")
    void snaplen(int n) { live.withSnaplen(n); }

    @Option(names = "-w", paramLabel = "file", description = "Write frames to this pcap file.")
    String write = "/dev/null";

    @Parameters(paramLabel = "expression")
    List<String> expression = new ArrayList<>();

    private final PrintWriter out = new PrintWriter(System.out, true);
    private final PrintWriter err = new PrintWriter(System.err, true);

    @Override
    public Integer call() throws IOException {
        String expr = String.join(" ", expression);
        LinkType[] seen = new LinkType[1];
        try (FileOutputStream file = new FileOutputStream(write)) {
            FrameSink[] sink = new FrameSink[1];
            FrameSink lazy = new FrameSink() {
                @Override public void accept(io.jdump.pcap.Frame f) throws IOException {
                    if (sink[0] == null) sink[0] = new PcapSink(file, f.linkType().linkType(), live.snaplen());
                    sink[0].accept(f);
                }
                @Override public void flush() throws IOException {
                    if (sink[0] != null) sink[0].flush();
                }
            };
            // compiled now, while root: with -Z the capture asks for it after becoming that user, and
            // tcpdump -d on an interface needs root
            LinkType likely = live.linkType() != null ? live.linkType()
                    : "any".equals(live.device()) ? LinkType.LINUX_SLL2 : LinkType.EN10MB;
            Program early = expr.isBlank() ? null : compileWithTcpdump(likely, expr);
            return LiveSource.execute(live, lt -> {
                seen[0] = lt;
                return expr.isBlank() ? null : lt == likely ? early : compileWithTcpdump(lt, expr);
            }, lazy, out, err);
        }
    }

    static Program compileWithTcpdump(LinkType lt, String expr) {
        try {
            Process p = new ProcessBuilder("tcpdump", "-y", lt.name(), "-i", lt == LinkType.LINUX_SLL2 ? "any" : "lo",
                    "-s", "262144", "-ddd", expr).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalArgumentException("tcpdump could not compile: " + expr);
            return Assembler.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LiveMain()).execute(args));
    }
}
