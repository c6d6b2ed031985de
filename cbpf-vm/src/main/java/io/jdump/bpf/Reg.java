package io.jdump.bpf;

/** The two registers of the machine: the accumulator A and the index register X. */
public enum Reg {
    A("ld", "st", 0x00),
    X("ldx", "stx", 0x01);

    private final String load;
    private final String store;
    private final int classBits;

    Reg(String load, String store, int classBits) {
        this.load = load;
        this.store = store;
        this.classBits = classBits;
    }

    /** Load mnemonic: {@code ld} or {@code ldx}. */
    public String loadMnemonic() { return load; }

    /** Store mnemonic: {@code st} or {@code stx}. */
    public String storeMnemonic() { return store; }

    /** Instruction class of a load into this register: {@code BPF_LD} (0) or {@code BPF_LDX} (1); a store's class is this plus 2. */
    public int loadClass() { return classBits; }
}
