/**
 * Emission: a {@link io.jdump.filter.ir.Cfg} becomes a linear {@link io.jdump.bpf.Program} with
 * forward relative jumps, long jumps going through {@code ja} trampolines.
 */
package io.jdump.filter.emit;
