package io.jdump.bpf;

/**
 * Binary ALU operations ({@code BPF_ALU} class), with their {@code BPF_OP} bits and mnemonics.
 * All arithmetic is on unsigned 32-bit values; see {@link Interpreter} for division by zero and
 * shift counts of 32 or more. Negation is the unary {@link Insn.Neg}.
 */
public enum AluOp {
    ADD(0x00, "add", false),
    SUB(0x10, "sub", false),
    MUL(0x20, "mul", false),
    DIV(0x30, "div", false),
    OR(0x40, "or", true),
    AND(0x50, "and", true),
    LSH(0x60, "lsh", false),
    RSH(0x70, "rsh", false),
    MOD(0x90, "mod", false),
    XOR(0xa0, "xor", true);

    private final int bits;
    private final String mnemonic;
    private final boolean hexOperand;

    AluOp(int bits, String mnemonic, boolean hexOperand) {
        this.bits = bits;
        this.mnemonic = mnemonic;
        this.hexOperand = hexOperand;
    }

    /** The {@code BPF_OP} bits. */
    public int bits() { return bits; }

    public String mnemonic() { return mnemonic; }

    /** Whether libpcap's listing prints the constant operand in hex ({@code or #0xf}) rather than decimal ({@code add #15}). */
    public boolean hexOperand() { return hexOperand; }

    /** Applies the operation to unsigned 32-bit operands. Division or modulo by zero yields 0 here; callers that must end the program check first. */
    public int apply(int a, int b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> b == 0 ? 0 : Integer.divideUnsigned(a, b);
            case MOD -> b == 0 ? 0 : Integer.remainderUnsigned(a, b);
            case OR -> a | b;
            case AND -> a & b;
            case XOR -> a ^ b;
            case LSH -> Integer.compareUnsigned(b, 32) >= 0 ? 0 : a << b;
            case RSH -> Integer.compareUnsigned(b, 32) >= 0 ? 0 : a >>> b;
        };
    }

    /** The operation with these {@code BPF_OP} bits, or null. */
    static AluOp ofBits(int bits) {
        for (AluOp op : values()) {
            if (op.bits == bits) return op;
        }
        return null;
    }
}
