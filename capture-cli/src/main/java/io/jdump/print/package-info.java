/**
 * Packet printing in the style of tcpdump 4.99.3: one text line (or a few) per frame.
 *
 * <p>{@link io.jdump.print.PacketPrinter} receives a {@link io.jdump.pcap.Frame} and writes the
 * time stamp prefix, then hands the bytes to the link-layer printer chosen by
 * {@code Dispatch}; each protocol printer (one file per protocol, as tcpdump's
 * {@code print-*.c}) writes its part and hands the payload on through the same tables
 * (ethertype, IP protocol, port). Every read goes through a bounded {@code Cursor}: reading past
 * the captured bytes throws the package-private {@code Truncated}, which the printer catches
 * exactly once per frame and prints as tcpdump's {@code " [|proto]"}, naming the innermost
 * protocol that had started. No exception escapes {@code PacketPrinter.print}.
 *
 * <p>State kept across frames (relative TCP sequence numbers, the previous time stamp for
 * {@code -ttt}) lives in the {@code PacketPrinter} object, never in static fields.
 */
package io.jdump.print;
