package io.jdump.cli;

import io.jdump.filter.LinkType;
import io.jdump.pcap.CaptureReader;
import io.jdump.pcap.LinkTypes;
import io.jdump.pcap.RecordView;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Packets from a capture file ({@code -r}), or from standard input when the name is {@code -}. */
final class SavefileSource implements PacketSource {
    private final String name;
    private final CaptureReader reader;
    private final boolean oneLinkType;

    private SavefileSource(String name, CaptureReader reader, boolean oneLinkType) {
        this.name = name;
        this.reader = reader;
        this.oneLinkType = oneLinkType;
    }

    /**
     * Opens {@code name} and reads its header.
     *
     * @param oneLinkType refuse packets whose interface has another link type than the first
     *                    (libpcap's rule; needed when writing classic pcap)
     * @throws CliException with tcpdump's message when the file cannot be opened or is not a capture file
     */
    static SavefileSource open(String name, InputStream stdin, boolean oneLinkType) {
        try {
            return new SavefileSource(name, openReader(name, stdin), oneLinkType);
        } catch (FileSystemException e) {
            throw new CliException(name + ": " + Io.reason(e), e);
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static CaptureReader openReader(String name, InputStream stdin) throws IOException {
        if (name.equals("-")) return CaptureReader.open(stdin);
        Path path = Path.of(name);
        if (Files.isDirectory(path)) throw new CliException("error reading dump file: Is a directory");
        return Files.isRegularFile(path) ? CaptureReader.open(path) : CaptureReader.open(Files.newInputStream(path));
    }

    /**
     * tcpdump's line, plus its warning for Linux cooked v2 files, whose interface indexes name
     * interfaces of the machine that captured them.
     */
    @Override
    public String banner() {
        String line = "reading from file " + name + ", link-type " + LinkTypes.describe(reader.linkTypeNumber())
                + ", snapshot length " + Integer.toUnsignedString(reader.snaplen());
        return reader.linkType() == LinkType.LINUX_SLL2 ? line + "\nWarning: interface names might be incorrect" : line;
    }

    @Override public int linkType() { return reader.rawLinkType(); }
    @Override public int snaplen() { return reader.snaplen(); }
    @Override public RecordView current() { return reader; }

    @Override
    public boolean next() throws IOException {
        if (!reader.advance()) return false;
        int type = reader.recordLinkType() & 0xffff;
        if (oneLinkType && type != (reader.rawLinkType() & 0xffff)) {
            throw new IOException("an interface has a type " + type + " different from the type of the first interface");
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
