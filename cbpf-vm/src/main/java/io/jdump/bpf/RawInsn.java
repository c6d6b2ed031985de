package io.jdump.bpf;

/**
 * The wire form of one instruction, {@code struct sock_filter}: a 16-bit opcode, 8-bit jump skips
 * and a 32-bit constant, 8 bytes in host byte order. Fields hold unsigned bits.
 */
public record RawInsn(int code, int jt, int jf, int k) {
    public RawInsn {
        if ((code & ~0xffff) != 0) throw new IllegalArgumentException("opcode out of range: " + code);
        if ((jt & ~0xff) != 0 || (jf & ~0xff) != 0) throw new IllegalArgumentException("jump skip out of range: " + jt + "/" + jf);
    }
}
