package io.jdump.cli;

import io.jdump.bpf.PacketFilter;
import io.jdump.pcap.CaptureWriter;
import io.jdump.pcap.RecordView;

import java.io.IOException;

/**
 * The capture loop: runs the filter on each packet of a source and hands the kept ones to a
 * writer and/or a printer, until the source ends, fails, {@code limit} packets were kept, or the
 * writer is {@linkplain CaptureWriter#exhausted() exhausted} ({@code -W} files with {@code -G}).
 * Packets stay in the source's buffer; nothing is allocated per packet unless printing.
 */
final class PacketLoop {
    /** How a run ended: the number of kept packets and, if the source failed, why. */
    record Outcome(long kept, IOException failure) {}

    private final FilterSource filters;
    private final CaptureWriter writer;
    private final FramePrinter printer;
    private final boolean flushEach;
    private final long limit;

    /**
     * @param writer    where kept packets are written, or null
     * @param printer   how kept packets are printed, or null
     * @param flushEach flush the writer after each packet ({@code -U})
     * @param limit     stop after this many kept packets ({@code -c})
     */
    PacketLoop(FilterSource filters, CaptureWriter writer, FramePrinter printer, boolean flushEach, long limit) {
        this.filters = filters;
        this.writer = writer;
        this.printer = printer;
        this.flushEach = flushEach;
        this.limit = limit;
    }

    /**
     * Runs over {@code source}. A failure of the source ends the run and is returned, not thrown,
     * so the caller can finish the output first; a failure of the writer is thrown.
     */
    Outcome run(PacketSource source) throws IOException {
        RecordView r = source.current();
        int linkType = source.linkType();
        PacketFilter filter = filters.filter(linkType, source.snaplen());
        long kept = 0;
        while (kept < limit) {
            try {
                if (!source.next()) break;
            } catch (IOException e) {
                return new Outcome(kept, e);
            }
            if (r.recordLinkType() != linkType) {
                linkType = r.recordLinkType();
                filter = filters.filter(linkType, source.snaplen());
            }
            if (filter.apply(r.buffer(), r.offset(), r.caplen(), r.wirelen(), source.ancillary()) == 0) continue;
            kept++;
            if (writer != null) {
                writer.write(r);
                if (writer.exhausted()) break;
                if (flushEach) writer.flush();
            }
            if (printer != null) printer.print(r.toFrame());
        }
        return new Outcome(kept, null);
    }
}
