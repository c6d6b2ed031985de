package io.jdump.bpf;

/**
 * One classic BPF instruction. Every record is a real instruction form of the kernel and libpcap;
 * field ranges are checked by the compact constructors, so an {@code Insn} can always be encoded.
 * Program-level rules (jump targets, the final return, scratch initialisation) live in {@link Validator}.
 *
 * <p>Constants {@code k} are {@code int}s holding unsigned 32-bit bits. {@code toString()} is the
 * operator and operand of libpcap's listing without the {@code (pc)} prefix; jump targets, which
 * the listing shows as absolute pcs, need the pc and are printed by {@link Listing}.
 */
public sealed interface Insn {

    /** {@code ld[bhw] [k]}: A = packet[k .. k+size), big-endian. Offsets at or past {@code 0xfffff000} are Linux ancillary loads ({@link Extension}). */
    record LoadAbs(Size size, int k) implements Insn {
        public LoadAbs { java.util.Objects.requireNonNull(size); }
    }

    /** {@code ld[bhw] [x + k]}: A = packet[X+k .. X+k+size), big-endian; the sum is unsigned 32-bit. */
    record LoadInd(Size size, int k) implements Insn {
        public LoadInd { java.util.Objects.requireNonNull(size); }
    }

    /** {@code ldxb 4*([k]&0xf)}: X = 4 * (packet[k] &amp; 0xf), the IPv4 header-length idiom. */
    record LoadMsh(int k) implements Insn {}

    /** {@code ld #k} or {@code ldx #k}. */
    record LoadImm(Reg dst, int k) implements Insn {
        public LoadImm { java.util.Objects.requireNonNull(dst); }
    }

    /** {@code ld M[slot]} or {@code ldx M[slot]}; slot 0..15. */
    record LoadMem(Reg dst, int slot) implements Insn {
        public LoadMem {
            java.util.Objects.requireNonNull(dst);
            checkSlot(slot);
        }
    }

    /** {@code ld #pktlen} or {@code ldx #pktlen}: the packet's length on the wire (not the captured length). */
    record LoadLen(Reg dst) implements Insn {
        public LoadLen { java.util.Objects.requireNonNull(dst); }
    }

    /** {@code st M[slot]} or {@code stx M[slot]}; slot 0..15. */
    record Store(Reg src, int slot) implements Insn {
        public Store {
            java.util.Objects.requireNonNull(src);
            checkSlot(slot);
        }
    }

    /** {@code op #k}: A = A op k. */
    record AluK(AluOp op, int k) implements Insn {
        public AluK { java.util.Objects.requireNonNull(op); }
    }

    /** {@code op x}: A = A op X. */
    record AluX(AluOp op) implements Insn {
        public AluX { java.util.Objects.requireNonNull(op); }
    }

    /** {@code neg}: A = -A. */
    record Neg() implements Insn {}

    /** {@code ja}: skips {@code offset} instructions (unsigned 32-bit in the encoding; non-negative here). */
    record Ja(int offset) implements Insn {
        public Ja {
            if (offset < 0) throw new IllegalArgumentException("ja offset < 0: " + offset);
        }
    }

    /** {@code op #k, jt, jf}: compares A with k; skips jt or jf instructions (0..255). */
    record JmpK(JmpOp op, int k, int jt, int jf) implements Insn {
        public JmpK {
            java.util.Objects.requireNonNull(op);
            checkSkip(jt);
            checkSkip(jf);
        }
    }

    /** {@code op x, jt, jf}: compares A with X; skips jt or jf instructions (0..255). */
    record JmpX(JmpOp op, int jt, int jf) implements Insn {
        public JmpX {
            java.util.Objects.requireNonNull(op);
            checkSkip(jt);
            checkSkip(jf);
        }
    }

    /** {@code ret #k}: ends the program; k (unsigned) bytes of the packet are kept, 0 drops it. */
    record RetK(int k) implements Insn {}

    /** {@code ret}: ends the program with A as the verdict (libpcap lists it as {@code ret} alone). */
    record RetA() implements Insn {}

    /** {@code tax}: X = A. */
    record Tax() implements Insn {}

    /** {@code txa}: A = X. */
    record Txa() implements Insn {}

    /** Number of scratch memory words {@code M[0..15]}. */
    int MEMWORDS = 16;

    private static void checkSlot(int slot) {
        if (slot < 0 || slot >= MEMWORDS) throw new IllegalArgumentException("scratch slot out of range 0..15: " + slot);
    }

    private static void checkSkip(int skip) {
        if (skip < 0 || skip > 255) throw new IllegalArgumentException("jump skip out of range 0..255: " + skip);
    }

    /** Whether this instruction ends the program. */
    default boolean isReturn() {
        return this instanceof RetK || this instanceof RetA;
    }
}
