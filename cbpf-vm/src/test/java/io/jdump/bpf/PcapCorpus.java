package io.jdump.bpf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real packets for differential tests: the records of classic pcap files (either byte order,
 * micro- or nanosecond), read with a few lines of {@link ByteBuffer} code so that cbpf-vm's tests
 * need nothing from capture-cli. Only what a filter sees is kept: the captured bytes and the wire
 * length.
 */
public final class PcapCorpus {
    /** One captured packet: {@code data.length} is the captured length. */
    public record Packet(byte[] data, int wireLength) {}

    private PcapCorpus() {}

    /** Every packet of every {@code *.pcap} file in {@code dir}, in file-name order. */
    public static List<Packet> readAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Packet> all = new ArrayList<>();
            files.filter(p -> p.toString().endsWith(".pcap")).sorted().forEach(p -> all.addAll(read(p)));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packets of one classic pcap file. */
    public static List<Packet> read(Path file) {
        try {
            return parse(ByteBuffer.wrap(Files.readAllBytes(file)), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Packet> parse(ByteBuffer buf, Path file) {
        int magic = buf.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) buf.order(ByteOrder.BIG_ENDIAN);
        magic = buf.getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) throw new IllegalArgumentException(file + ": not a classic pcap file");
        List<Packet> packets = new ArrayList<>();
        buf.position(24);
        while (buf.remaining() >= 16) {
            buf.getInt();
            buf.getInt();
            int caplen = buf.getInt();
            int wirelen = buf.getInt();
            if (caplen < 0 || caplen > buf.remaining()) throw new IllegalArgumentException(file + ": truncated record");
            byte[] data = new byte[caplen];
            buf.get(data);
            packets.add(new Packet(data, wirelen));
        }
        return packets;
    }
}
