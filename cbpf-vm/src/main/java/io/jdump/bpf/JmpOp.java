package io.jdump.bpf;

/** Conditional jumps ({@code BPF_JMP} class). Comparisons are unsigned; {@code jset} tests {@code A & operand != 0}. */
public enum JmpOp {
    JEQ(0x10, "jeq"),
    JGT(0x20, "jgt"),
    JGE(0x30, "jge"),
    JSET(0x40, "jset");

    private final int bits;
    private final String mnemonic;

    JmpOp(int bits, String mnemonic) {
        this.bits = bits;
        this.mnemonic = mnemonic;
    }

    /** The {@code BPF_OP} bits. */
    public int bits() { return bits; }

    public String mnemonic() { return mnemonic; }

    /** Evaluates the condition on unsigned 32-bit operands. */
    public boolean test(int a, int b) {
        return switch (this) {
            case JEQ -> a == b;
            case JGT -> Integer.compareUnsigned(a, b) > 0;
            case JGE -> Integer.compareUnsigned(a, b) >= 0;
            case JSET -> (a & b) != 0;
        };
    }

    static JmpOp ofBits(int bits) {
        for (JmpOp op : values()) {
            if (op.bits == bits) return op;
        }
        return null;
    }
}
