package io.jdump.bpf;

/** Width of a packet load: the {@code BPF_SIZE} field of an opcode, with its mnemonic suffix. */
public enum Size {
    /** 32 bits, {@code ld}. */
    W(4, 0x00, ""),
    /** 16 bits, {@code ldh}. */
    H(2, 0x08, "h"),
    /** 8 bits, {@code ldb}. */
    B(1, 0x10, "b");

    private final int bytes;
    private final int bits;
    private final String suffix;

    Size(int bytes, int bits, String suffix) {
        this.bytes = bytes;
        this.bits = bits;
        this.suffix = suffix;
    }

    /** Number of bytes loaded: 1, 2 or 4. */
    public int bytes() { return bytes; }

    /** The {@code BPF_SIZE} bits of the opcode ({@code 0x00}, {@code 0x08}, {@code 0x10}). */
    public int bits() { return bits; }

    /** The mnemonic suffix after {@code ld}: empty, {@code h} or {@code b}. */
    public String suffix() { return suffix; }
}
