/**
 * The {@code jdump} command line: tcpdump 4.99's options, messages and exit statuses over
 * jdump's own capture files, filter compiler and BPF machine.
 *
 * <p>{@link io.jdump.cli.Main} parses the options (grouped in mixins) with picocli and hands them
 * to a {@code Session}, which opens a {@code PacketSource} (a capture file now; a live interface
 * later), turns the filter into a program through {@code FilterSource} (the one place where an
 * expression is compiled, or a {@code --bpf} program is read), and runs the {@code PacketLoop}:
 * filter each packet, then write, print ({@code FramePrinter}) or count the kept ones.
 *
 * <p>Every failure is one line {@code jdump: <message>} with exit status 1, worded as tcpdump
 * words it (getopt's usage messages, libpcap's savefile messages with tcpdump's
 * {@code pcap_loop: } prefix for damage found while reading); {@code System.exit} is called only
 * in {@code main}.
 */
package io.jdump.cli;
