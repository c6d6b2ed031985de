package io.jdump.pcap;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/**
 * tcpdump's {@code -C} and {@code -W}: writes to a file until it is larger than a size, then
 * closes it and goes on in the next one. Without a file count the files are named
 * {@code base}, {@code base1}, {@code base2}...; with one they form a ring {@code base0} ..
 * {@code base(count-1)}, numbered with leading zeros, and the first is overwritten after the last.
 * With tcpdump's {@code -G} the base is passed through {@link Strftime} in a time zone, and when
 * a packet comes {@code rotateSeconds} or more after the current file was opened (by a clock,
 * the wall clock in tcpdump) a new file is started under the name for that time, its
 * {@code -C} count starting again from 0. tcpdump's {@code -W} with {@code -G} and without
 * {@code -C} ({@link #withFileLimit}) is not a ring but a limit: the packet that would open one
 * file more is not written, the writer is {@linkplain #exhausted() exhausted}, and the caller
 * ends the capture (tcpdump: "Maximum file limit reached", exit 0).
 */
public final class RotatingWriter implements CaptureWriter {
    /** Opens the writer for one file of the series. */
    @FunctionalInterface
    public interface Opener {
        /** A new writer on the file called {@code name}, with its file header written. */
        CaptureWriter open(String name) throws IOException;
    }

    private final String base;
    private final long limit;
    private final int fileCount;
    private final Opener opener;
    private final long rotateSeconds;
    private final LongSupplier clock;
    private final ZoneId zone;
    private CaptureWriter current;
    private String timedBase;
    private long openedAt;
    private int index;
    private int fileLimit;
    private int timedFiles = 1;
    private boolean exhausted;

    /**
     * Opens the first file.
     *
     * @param base      the {@code -w} name
     * @param limit     rotate before a packet when the file holds more than this many bytes
     * @param fileCount the {@code -W} ring size, or 0 for no ring
     */
    public RotatingWriter(String base, long limit, int fileCount, Opener opener) throws IOException {
        this(base, limit, fileCount, 0, () -> 0, ZoneId.systemDefault(), opener);
    }

    /**
     * Opens the first file, rotating by size and by time.
     *
     * @param limit         as above, or {@link Long#MAX_VALUE} for no size limit
     * @param rotateSeconds the {@code -G} interval, or 0 for no time rotation nor strftime names
     * @param clock         the time now in seconds since the epoch
     * @param zone          the zone of the strftime names
     */
    public RotatingWriter(String base, long limit, int fileCount, long rotateSeconds, LongSupplier clock, ZoneId zone,
            Opener opener) throws IOException {
        this.base = base;
        this.limit = limit;
        this.fileCount = fileCount;
        this.rotateSeconds = rotateSeconds;
        this.clock = clock;
        this.zone = zone;
        this.opener = opener;
        startTimedFile();
    }

    private void startTimedFile() throws IOException {
        openedAt = clock.getAsLong();
        timedBase = rotateSeconds > 0 ? Strftime.format(base, Instant.ofEpochSecond(openedAt).atZone(zone)) : base;
        index = 0;
        current = opener.open(name(timedBase, 0, fileCount));
    }

    /**
     * Makes {@code files} (tcpdump's {@code -W} given with {@code -G} but without {@code -C}) the
     * number of {@code -G} files after which writing stops; 0 for no limit. Returns this.
     */
    public RotatingWriter withFileLimit(int files) {
        this.fileLimit = Math.max(0, files);
        return this;
    }

    /** The {@link #withFileLimit} limit, 0 for none. */
    public int fileLimit() {
        return fileLimit;
    }

    /**
     * Whether the {@link #withFileLimit} limit was reached: a packet came that would have opened
     * one file more; it and every later one are dropped, and the last file is closed.
     */
    @Override
    public boolean exhausted() {
        return exhausted;
    }

    /**
     * The name of file {@code index} (from 0) of the series on {@code base}, as tcpdump names it:
     * the number has as many digits as the largest of the ring ({@code fileCount - 1}), and none
     * at all for the first file without a ring or in a ring of one.
     */
    public static String name(String base, int index, int fileCount) {
        int width = fileCount > 1 ? Integer.toString(fileCount - 1).length() : 0;
        if (width == 0 && index == 0) return base;
        return width == 0 ? base + index : base + String.format("%0" + width + "d", index);
    }

    @Override
    public void write(int linkType, int snaplen, long seconds, long nanos, int wirelen, byte[] buf, int off, int caplen)
            throws IOException {
        if (ready()) current.write(linkType, snaplen, seconds, nanos, wirelen, buf, off, caplen);
    }

    @Override
    public void write(int linkType, int snaplen, long seconds, long nanos, int wirelen, java.nio.ByteBuffer src, int off, int caplen)
            throws IOException {
        if (ready()) current.write(linkType, snaplen, seconds, nanos, wirelen, src, off, caplen);
    }

    /** Rotates when the next packet is due in a new file; false when the file limit is reached (nothing written). */
    private boolean ready() throws IOException {
        if (exhausted) return false;
        if (rotateSeconds > 0 && clock.getAsLong() - openedAt >= rotateSeconds) {
            closeCurrent();
            if (fileLimit > 0 && timedFiles >= fileLimit) {
                exhausted = true;
                return false;
            }
            timedFiles++;
            startTimedFile();
        } else if (current.size() > limit) {
            rotate();
        }
        return true;
    }

    private void rotate() throws IOException {
        closeCurrent();
        index = fileCount > 0 && index + 1 >= fileCount ? 0 : index + 1;
        current = opener.open(name(timedBase, index, fileCount));
    }

    private void closeCurrent() throws IOException {
        CaptureWriter old = current;
        current = null;
        old.close();
    }

    @Override
    public long size() {
        return current == null ? 0 : current.size();
    }

    @Override
    public void flush() throws IOException {
        if (current != null) current.flush();
    }

    @Override
    public void close() throws IOException {
        if (current != null) current.close();
    }
}
