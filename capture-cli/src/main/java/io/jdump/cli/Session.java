package io.jdump.cli;

import io.jdump.bpf.Listing;
import io.jdump.bpf.Program;
import io.jdump.capture.LiveOptions;
import io.jdump.filter.LinkType;
import io.jdump.pcap.CaptureWriter;
import io.jdump.pcap.PcapNgWriter;
import io.jdump.pcap.PcapWriter;
import io.jdump.pcap.Precision;
import io.jdump.pcap.RotatingWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of the command once its options are parsed: print the filter program ({@code -d}),
 * or filter a capture file into a file, the printer or a count. Steps come in tcpdump's order:
 * open the file and say so, read and compile the filter, create the output, loop.
 */
final class Session {
    /** The process's streams: bytes in and out (capture files on {@code -}), text out and errors. */
    record Streams(InputStream in, OutputStream out, PrintWriter text, PrintWriter err) {}

    private final InputOptions input;
    private final FilterOptions filter;
    private final OutputOptions output;
    private final LiveOptions live;
    private final Streams io;

    Session(InputOptions input, FilterOptions filter, OutputOptions output, LiveOptions live, Streams io) {
        this.input = input;
        this.filter = filter;
        this.output = output;
        this.live = live;
        this.io = io;
    }

    /** Runs; returns the exit status, or throws {@link CliException} for a one-line failure. */
    int run() throws IOException {
        input.validate();
        output.validate();
        Precision precision = output.timeStampPrecision();
        if ("-".equals(input.readFile) && "-".equals(filter.programFile)) {
            throw new CliException("-r - and --bpf - cannot both read standard input");
        }
        if (filter.programFile != null && (!filter.words.isEmpty() || filter.expressionFile != null)) {
            throw new CliException("--bpf cannot be combined with a filter expression");
        }
        if (filter.dumpLevel() > 0 && !live.listInterfaces()) return dump();
        if (input.readFile != null && input.fileList != null) throw new CliException("-V and -r are mutually exclusive.");
        if (input.readFile == null && input.fileList == null) {
            live.withSnaplen(input.snapshotLength()).withCount(input.packetLimit() == Long.MAX_VALUE ? 0 : input.packetLimit())
                    .withLinkType(input.dataLinkType());
            return new LiveRun(live, filterSource(), output, precision, io).run();
        }
        return offline(precision);
    }

    private int dump() throws IOException {
        Program program;
        if (input.readFile != null) {
            try (SavefileSource source = SavefileSource.open(input.readFile, io.in(), false)) {
                announce(source);
                program = filterSource().program(source.linkType(), source.snaplen());
            }
        } else {
            FilterSource filters = filterSource();
            LinkType type = input.dataLinkType();
            if (type == null && !filters.isExternal()) io.err().println("Warning: assuming Ethernet");
            program = filters.program(type == null ? LinkType.EN10MB.linkType() : type.linkType(), input.snapshotLength());
        }
        io.text().print(switch (filter.dumpLevel()) {
            case 1 -> Listing.image(program);
            case 2 -> Listing.cArray(program);
            default -> Listing.decimal(program);
        });
        return 0;
    }

    private int offline(Precision precision) throws IOException {
        List<String> files = input.readFile != null ? List.of(input.readFile) : savefileList();
        FramePrinter printer = output.printing() ? output.printer(io.text(), precision) : null;
        CaptureWriter writer = null;
        Integer firstLinkType = null;
        try {
            for (String name : files) {
                if (name.isEmpty()) throw new CliException(": No such file or directory");
                try (SavefileSource source = SavefileSource.open(name, io.in(), output.writeFile != null && !output.pcapng)) {
                    if (writer != null && source.linkType() != firstLinkType) {
                        throw new CliException(name + ": new dlt does not match original");
                    }
                    announce(source);
                    FilterSource filters = filterSource();
                    filters.filter(source.linkType(), source.snaplen());
                    if (firstLinkType == null) {
                        firstLinkType = source.linkType();
                        writer = open(source, precision);
                    }
                    loop(source, filters, writer, printer);
                    if (writer != null && writer.exhausted()) {
                        fileLimitReached(io, output);
                        io.err().println("pcap_stats: Statistics aren't available from savefiles");
                        break;
                    }
                }
            }
        } finally {
            if (writer != null) closeWriter(writer);
        }
        return 0;
    }

    /** Runs the packet loop over one file (tcpdump's -c counts per file). */
    private void loop(SavefileSource source, FilterSource filters, CaptureWriter writer, FramePrinter printer) {
        PacketLoop.Outcome outcome;
        try {
            outcome = new PacketLoop(filters, writer, printer, output.packetBuffered, input.packetLimit()).run(source);
        } catch (IOException e) {
            throw new CliException(output.writeFile + ": " + Io.reason(e), e);
        }
        if (output.countOnly) io.text().println(outcome.kept() + (outcome.kept() == 1 ? " packet" : " packets"));
        if (outcome.failure() != null) throw new CliException("pcap_loop: " + outcome.failure().getMessage(), outcome.failure());
    }

    private CaptureWriter open(PacketSource source, Precision precision) {
        try {
            return openWriter(source, precision);
        } catch (IOException e) {
            throw new CliException(output.writeFile + ": " + Io.reason(e), e);
        }
    }

    private void closeWriter(CaptureWriter writer) {
        try {
            writer.close();
        } catch (IOException e) {
            throw new CliException(output.writeFile + ": " + Io.reason(e), e);
        }
    }

    /** The -V file's lines: the names of the savefiles to read in turn. */
    private List<String> savefileList() {
        String text;
        try {
            text = Files.readString(Path.of(input.fileList), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CliException("Unable to open file: " + Io.reason(e), e);
        }
        List<String> names = text.lines().toList();
        if (names.isEmpty()) throw new CliException("Nothing in " + input.fileList);
        return names;
    }

    /** tcpdump's line when {@code -W} files were written with {@code -G}; the capture then ends with status 0. */
    static void fileLimitReached(Streams io, OutputOptions output) {
        io.err().println("Maximum file limit reached: " + output.ringSize());
        io.err().flush();
    }

    private void announce(PacketSource source) {
        io.err().println(source.banner());
        io.err().flush();
    }

    /** The -w writer, or null without -w. */
    private CaptureWriter openWriter(PacketSource source, Precision precision) throws IOException {
        return openWriter(output, io, source.linkType(), source.snaplen(), precision);
    }

    /** The -w writer for packets of {@code linkType}, or null without -w. */
    static CaptureWriter openWriter(OutputOptions output, Streams io, int linkType, int snaplen, Precision precision) throws IOException {
        if (output.writeFile == null) return null;
        RotatingWriter.Opener opener = name -> {
            OutputStream out = Io.create(name, io.out());
            return output.pcapng ? new PcapNgWriter(out, precision) : new PcapWriter(out, linkType, snaplen, precision);
        };
        long limit = output.rotateAfter();
        long seconds = output.rotateSeconds();
        if (seconds > 0) {
            return new RotatingWriter(output.writeFile, limit > 0 ? limit : Long.MAX_VALUE, limit > 0 ? output.ringSize() : 0,
                    seconds, () -> System.currentTimeMillis() / 1000, java.time.ZoneId.systemDefault(), opener)
                    .withFileLimit(limit > 0 ? 0 : output.ringSize());
        }
        return limit > 0
                ? new RotatingWriter(output.writeFile, limit, output.ringSize(), opener)
                : opener.open(output.writeFile);
    }

    private FilterSource filterSource() {
        return source().optimize(!filter.noOptimize);
    }

    private FilterSource source() {
        if (filter.programFile != null) {
            return FilterSource.parseProgram(Io.readText(filter.programFile, io.in()), filter.programFile);
        }
        if (filter.expressionFile != null) {
            return FilterSource.expression(withoutComments(Io.readText(filter.expressionFile, io.in())));
        }
        return FilterSource.expression(String.join(" ", filter.words));
    }

    /** An {@code -F} file's text with each {@code #} comment, up to the end of its line, blanked. */
    static String withoutComments(String text) {
        return text.replaceAll("#[^\\n]*", "");
    }
}
