/**
 * Compiles classic BPF programs to JVM bytecode.
 *
 * <p>{@link io.jdump.bpf.jit.Jit} turns a {@link io.jdump.bpf.Program} into a hidden class
 * implementing {@link io.jdump.bpf.PacketFilter}, written with the JDK's {@code java.lang.classfile}
 * API. A, X and the scratch words in use become local variables, every jump target a label, every
 * comparison an unsigned compare (sign bit flipped), so HotSpot compiles the filter like
 * hand-written Java. The semantics are exactly the {@link io.jdump.bpf.Interpreter}'s: a load past
 * the captured bytes, a division by X = 0 or a jump past the end ends the program with 0, and
 * shifts by 32 or more give 0. The JIT is tested only differentially against the interpreter.
 *
 * <p>A JVM method holds at most 64 KiB of bytecode. Programs too large for one method are split
 * into chunks of consecutive instructions, one static method each; because jumps only go forward,
 * a chunk leaves by spilling A, X and M[] into an array and calling the chunk of its target.
 */
package io.jdump.bpf.jit;
