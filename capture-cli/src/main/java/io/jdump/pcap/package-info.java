/**
 * Capture files: reading classic pcap and pcapng, writing both.
 *
 * <p>{@link io.jdump.pcap.CaptureReader#open} looks at a stream's first bytes and returns a
 * {@link io.jdump.pcap.PcapReader} or a {@link io.jdump.pcap.PcapNgReader}. Readers stream through
 * a large buffer and leave each record in place ({@code advance()}, then {@code buffer()},
 * {@code offset()}, {@code caplen()}...), so filtering a file allocates nothing per packet;
 * {@code next()} returns a {@link io.jdump.pcap.Frame} copy for callers that want one. Time stamps
 * are kept in nanoseconds whatever the file's resolution.
 *
 * <p>Damaged input follows libpcap: every whole record before the damage is returned, then an
 * {@link java.io.IOException} carries libpcap's message ({@code truncated dump file; tried to read
 * 81 captured bytes, only got 60}); headers libpcap refuses are refused with its words.
 *
 * <p>{@link io.jdump.pcap.PcapWriter} writes what {@code tcpdump -w} writes, byte for byte;
 * {@link io.jdump.pcap.PcapNgWriter} writes pcapng with one interface per link type.
 */
package io.jdump.pcap;
