package io.jdump.bpf;

import java.util.List;

/**
 * An immutable classic BPF program: a list of instructions with forward relative jumps.
 * {@code toString()} is libpcap's {@code -d} listing ({@link Listing#image}).
 */
public record Program(List<Insn> insns) {
    public Program {
        insns = List.copyOf(insns);
    }

    public static Program of(Insn... insns) {
        return new Program(List.of(insns));
    }

    /** Number of instructions. */
    public int size() { return insns.size(); }

    /** The instruction at pc. */
    public Insn get(int pc) { return insns.get(pc); }

    @Override
    public String toString() {
        return Listing.image(this);
    }
}
