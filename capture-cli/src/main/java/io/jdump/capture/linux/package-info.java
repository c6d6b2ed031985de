/**
 * Live capture on Linux through {@code AF_PACKET} sockets, with JNA for the system calls.
 *
 * <p>{@link io.jdump.capture.linux.AfPacketSocket} is the only public type that reaches native
 * code; the calls themselves are bound in the package-private {@code LibC}. The socket is opened
 * with protocol 0, the filter is attached, and only then is it bound to an interface, so the kernel
 * never queues a packet the filter has not seen. Packets are read from a mapped
 * {@code TPACKET_V3} ring without a system call per packet and come out as
 * {@link io.jdump.capture.linux.RxPacket}s with the kernel's metadata (VLAN tag, direction,
 * interface). {@link io.jdump.capture.linux.NetInterfaces} lists interfaces as {@code tcpdump -D}
 * does. Failing calls throw {@link io.jdump.capture.linux.NativeException} with {@code strerror}'s text.
 */
package io.jdump.capture.linux;
