package io.jdump.print;

import io.jdump.pcap.Frame;

import java.time.ZoneId;

/**
 * Prints frames as tcpdump 4.99.3 does: optional packet number, time stamp, the protocol line(s),
 * the optional hex/ASCII dump, and a newline. One object prints one capture, because tcpdump
 * keeps state across frames (relative TCP sequence numbers, the time of the previous frame).
 * Never throws for packet contents: truncation prints {@code [|proto]}.
 */
public final class PacketPrinter {
    private final Timestamps timestamps;
    private final PrinterState state = new PrinterState();

    /** A printer using the JVM's default time zone, as tcpdump uses the local zone. */
    public PacketPrinter() {
        this(ZoneId.systemDefault());
    }

    /** A printer showing wall-clock times in {@code zone}. */
    public PacketPrinter(ZoneId zone) {
        this.timestamps = new Timestamps(zone);
    }

    /**
     * Appends the text tcpdump prints for one frame, ending with a newline.
     *
     * @param packetNumber 1-based number shown with {@code -#}
     */
    public void print(StringBuilder out, long packetNumber, Frame frame, PrintOptions opts) {
        if (opts.packetNumbers()) Fmt.append(out, "%5d  ", packetNumber);
        if (frame.caplen() == 0 || frame.wirelen() == 0) {
            out.append("[Invalid header: ");
            if (frame.caplen() == 0) out.append("caplen==0");
            if (frame.wirelen() == 0) out.append(frame.caplen() == 0 ? ", " : "").append("len==0");
            out.append("]\n");
            return;
        }
        timestamps.append(out, opts, frame.seconds(), frame.nanos());
        Ctx c = new Ctx(out, opts, frame.data(), frame.wirelen(), state);
        try {
            Dispatch.link(c, frame.linkType());
        } catch (Truncated t) {
            out.append(" [|").append(c.proto).append(']');
        } catch (RuntimeException e) {
            out.append(" [|").append(c.proto).append("] (internal error)");
        }
        dump(out, frame.data(), c.linkHeader, opts.hex());
        out.append('\n');
    }

    private static void dump(StringBuilder out, byte[] data, int linkHeader, PrintOptions.HexMode mode) {
        int off = mode.withLink() ? 0 : Math.min(Math.max(linkHeader, 0), data.length);
        int len = data.length - off;
        switch (mode) {
            case NONE -> { }
            case HEX, HEX_LINK -> HexDump.hex(out, data, off, len, "\n\t");
            case HEX_ASCII, HEX_ASCII_LINK -> HexDump.hexAscii(out, data, off, len, "\n\t");
            case ASCII, ASCII_LINK -> HexDump.ascii(out, data, off, len);
        }
    }
}
