/**
 * Where packets come from: live interfaces.
 *
 * <p>{@link io.jdump.capture.LiveOptions} carries tcpdump's live-capture options as a picocli
 * mixin; {@link io.jdump.capture.LiveSource} executes them ({@code -D}, {@code -L}, or a capture
 * with the counts at the end); {@link io.jdump.capture.LiveCapture} is the capture itself: it
 * opens an {@code AF_PACKET} socket (package {@code io.jdump.capture.linux}) with the filter in
 * the kernel before binding, reads the {@code TPACKET_V3} ring, puts back VLAN tags the kernel
 * stripped, builds {@code LINUX_SLL2} headers for {@code -i any}, and hands
 * {@link io.jdump.pcap.Frame}s, as they were on the wire, to a {@link io.jdump.capture.FrameSink}.
 * When the kernel refuses the program, the same program runs in the JVM with the ring's metadata
 * as ancillary data, so the verdicts are the same.
 */
package io.jdump.capture;
