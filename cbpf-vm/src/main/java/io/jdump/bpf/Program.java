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

    /**
     * The most instructions one packet can execute: the longest path through the program (jumps
     * only go forward). A jump past the end, which validation refuses, ends a path there.
     */
    public int longestPath() {
        int n = insns.size();
        int[] len = new int[n + 1];
        for (int pc = n - 1; pc >= 0; pc--) {
            len[pc] = 1 + switch (insns.get(pc)) {
                case Insn.RetK _, Insn.RetA _ -> 0;
                case Insn.Ja j -> at(len, pc + 1L + j.offset());
                case Insn.JmpK j -> Math.max(at(len, pc + 1L + j.jt()), at(len, pc + 1L + j.jf()));
                case Insn.JmpX j -> Math.max(at(len, pc + 1L + j.jt()), at(len, pc + 1L + j.jf()));
                default -> len[pc + 1];
            };
        }
        return len[0];
    }

    private static int at(int[] len, long pc) {
        return pc < len.length ? len[(int) pc] : 0;
    }

    @Override
    public String toString() {
        return Listing.image(this);
    }
}
