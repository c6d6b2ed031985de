package io.jdump.cli;

import io.jdump.filter.LinkType;
import io.jdump.pcap.LinkTypes;
import picocli.CommandLine.Option;

/**
 * Where packets come from and how many: {@code -r}, {@code -c}, and the link type and snapshot
 * length a filter is compiled for when there is no file ({@code -y}, {@code -s}). Values are
 * kept as typed and checked by {@link #validate()}, so that bad ones get tcpdump's messages.
 * The live-capture options ({@code -i}...) go in a mixin of their own.
 */
final class InputOptions {
    @Option(names = "-r", paramLabel = "file", description = "Read packets from a pcap or pcapng file ('-' for standard input).")
    String readFile;

    @Option(names = "-V", paramLabel = "file", description = "Read the savefiles named in file, one a line, in turn, as -r would.")
    String fileList;

    @Option(names = "-c", paramLabel = "count", description = "Exit after the filter has kept count packets.")
    String count;

    @Option(names = "-y", paramLabel = "datalinktype", description = "Link type to compile the filter for when there is no file (e.g. EN10MB).")
    String linkType;

    @Option(names = "-s", paramLabel = "snaplen", description = "Snapshot length (0 = 262144); the filter's accept value when there is no file.")
    String snaplen;

    /** Checks the values as tcpdump does while parsing its options. */
    void validate() {
        packetLimit();
        snapshotLength();
        dataLinkType();
    }

    /** The -c limit, or Long.MAX_VALUE. */
    long packetLimit() {
        if (count == null) return Long.MAX_VALUE;
        try {
            long n = Long.parseLong(count);
            if (n > 0 && n <= Integer.MAX_VALUE) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException("invalid packet count " + count);
    }

    /** The -s value with 0 meaning the maximum, or the maximum when not given. */
    int snapshotLength() {
        if (snaplen == null) return LinkTypes.MAX_SNAPLEN;
        try {
            int n = Integer.parseInt(snaplen);
            if (n >= 0 && n <= LinkTypes.MAX_SNAPLEN) return n == 0 ? LinkTypes.MAX_SNAPLEN : n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException("invalid snaplen " + snaplen + " (must be >= 0 and <= " + LinkTypes.MAX_SNAPLEN + ")");
    }

    /** The -y link type, or null when not given. */
    LinkType dataLinkType() {
        if (linkType == null) return null;
        LinkType t = LinkType.byName(linkType);
        if (t == null) throw new CliException("invalid data link type " + linkType);
        return t;
    }
}
