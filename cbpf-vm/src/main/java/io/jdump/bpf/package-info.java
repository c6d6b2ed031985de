/**
 * The classic BPF machine.
 *
 * <p>A program is a list of {@link io.jdump.bpf.Insn instructions} run once per packet. The
 * machine has a 32-bit accumulator A, a 32-bit index register X, sixteen 32-bit scratch words
 * {@code M[0..15]} (zero at start), and read-only access to the packet bytes. All values are
 * unsigned 32-bit; loads are big-endian. Jumps only go forward, so every program terminates, and
 * it ends with a return whose value (unsigned) is the number of bytes to keep: 0 drops the packet.
 *
 * <p>{@link io.jdump.bpf.Codec} converts to and from the kernel's {@code struct sock_filter};
 * {@link io.jdump.bpf.Listing} prints tcpdump's {@code -d}, {@code -dd} and {@code -ddd} forms.
 */
package io.jdump.bpf;
