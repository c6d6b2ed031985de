package io.jdump.bpf;

/**
 * The reference semantics of classic BPF, identical to libpcap's {@code bpf_filter}: loads are
 * big-endian and bounded by the captured length (a load that does not fit ends the program with
 * 0; {@code x + k} is computed without wrapping around 2^32), {@code ld #pktlen} is the wire length,
 * comparisons and division are unsigned, division or modulo by X = 0 ends the program with 0,
 * shifts by X of 32 or more give 0, and the verdict is returned unclamped (callers clamp it).
 *
 * <p>Where libpcap's C code has no defined behaviour we choose, and the differential test against
 * libpcap leaves these cases out: a constant shift by 32 or more (which {@code bpf_validate}
 * accepts) gives 0, as the X form and libpcap's optimizer's constant folding do (the compiled
 * libpcap 1.10.3 on x86-64 happens to shift by the count mod 32); scratch words start at zero
 * (libpcap leaves them uninitialised, so only programs that write before they read, which the
 * kernel insists on, behave the same there).
 *
 * <p>Linux ancillary loads ({@link Extension}) and loads at {@code SKF_NET_OFF}/{@code SKF_LL_OFF}
 * are answered from the {@link AncillaryData} only when one is given; with
 * {@link AncillaryData#NONE} (a capture file) they are ordinary loads far past the captured bytes
 * and end the program with 0, exactly as libpcap's {@code bpf_filter} does on Linux. With a context,
 * {@code SKF_AD_ALU_XOR_X} computes A = A ^ X as the kernel does. Indirect loads are always plain
 * packet loads.
 *
 * <p>The program is decoded once into flat arrays, so {@link #apply} allocates nothing except
 * the 16 scratch words.
 */
public final class Interpreter implements PacketFilter {
    private static final int XOR_X = Extension.ALU_XOR_X.k();
    private final Program program;
    private final int[] code;
    private final int[] jt;
    private final int[] jf;
    private final int[] k;

    /** Prepares {@code program} for running. The program should have passed the {@link Validator}; a jump past the end ends with 0. */
    public Interpreter(Program program) {
        this.program = program;
        RawInsn[] raw = Codec.encode(program);
        code = new int[raw.length];
        jt = new int[raw.length];
        jf = new int[raw.length];
        k = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            code[i] = raw[i].code();
            jt[i] = raw[i].jt();
            jf[i] = raw[i].jf();
            k[i] = raw[i].k();
        }
    }

    /** The program this interpreter runs. */
    public Program program() { return program; }

    /** Runs {@code program} once; a convenience for tests. */
    public static int run(Program program, byte[] pkt, int caplen, int wirelen) {
        return new Interpreter(program).apply(pkt, caplen, wirelen);
    }

    @Override
    public int apply(byte[] buf, int off, int caplen, int wirelen, AncillaryData aux) {
        int a = 0, x = 0;
        int[] mem = new int[Insn.MEMWORDS];
        int pc = 0;
        final int n = code.length;
        while (pc < n) {
            int kk = k[pc];
            switch (code[pc]) {
                case 0x06: return kk;                                   // ret #k
                case 0x16: return a;                                    // ret a
                case 0x20: case 0x28: case 0x30: {                      // ld[bhw] [k]
                    if (kk == XOR_X && aux != AncillaryData.NONE) {
                        a ^= x;
                        break;
                    }
                    long v = loadAbs(buf, off, caplen, code[pc], kk, aux);
                    if (v < 0) return 0;
                    a = (int) v;
                    break;
                }
                case 0x40: case 0x48: case 0x50: {                      // ld[bhw] [x + k]
                    long at = (x & 0xffffffffL) + (kk & 0xffffffffL);
                    long v = load(buf, off, caplen, at, sizeOf(code[pc]));
                    if (v < 0) return 0;
                    a = (int) v;
                    break;
                }
                case 0xb1: {                                            // ldxb 4*([k]&0xf)
                    long v = load(buf, off, caplen, kk & 0xffffffffL, 1);
                    if (v < 0) return 0;
                    x = ((int) v & 0xf) << 2;
                    break;
                }
                case 0x00: a = kk; break;                               // ld #k
                case 0x01: x = kk; break;                               // ldx #k
                case 0x60: a = mem[kk]; break;                          // ld M[k]
                case 0x61: x = mem[kk]; break;                          // ldx M[k]
                case 0x80: a = wirelen; break;                          // ld #pktlen
                case 0x81: x = wirelen; break;                          // ldx #pktlen
                case 0x02: mem[kk] = a; break;                          // st M[k]
                case 0x03: mem[kk] = x; break;                          // stx M[k]
                case 0x84: a = -a; break;                               // neg
                case 0x07: x = a; break;                                // tax
                case 0x87: a = x; break;                                // txa
                case 0x05:                                              // ja
                    if (Integer.compareUnsigned(kk, n - pc) >= 0) return 0;   // past the end
                    pc += kk;
                    break;
                case 0x15: pc += a == kk ? jt[pc] : jf[pc]; break;
                case 0x25: pc += Integer.compareUnsigned(a, kk) > 0 ? jt[pc] : jf[pc]; break;
                case 0x35: pc += Integer.compareUnsigned(a, kk) >= 0 ? jt[pc] : jf[pc]; break;
                case 0x45: pc += (a & kk) != 0 ? jt[pc] : jf[pc]; break;
                case 0x1d: pc += a == x ? jt[pc] : jf[pc]; break;
                case 0x2d: pc += Integer.compareUnsigned(a, x) > 0 ? jt[pc] : jf[pc]; break;
                case 0x3d: pc += Integer.compareUnsigned(a, x) >= 0 ? jt[pc] : jf[pc]; break;
                case 0x4d: pc += (a & x) != 0 ? jt[pc] : jf[pc]; break;
                default: {
                    int c = code[pc];
                    if ((c & 0x07) != Codec.ALU) return 0;
                    int operand = (c & Codec.SRC_X) != 0 ? x : kk;
                    int op = c & 0xf0;
                    if ((op == 0x30 || op == 0x90) && operand == 0) return 0;   // div/mod by zero
                    a = AluOp.ofBits(op).apply(a, operand);
                }
            }
            pc++;
        }
        return 0;
    }

    private static int sizeOf(int code) {
        return switch (code & 0x18) {
            case 0x00 -> 4;
            case 0x08 -> 2;
            default -> 1;
        };
    }

    /** An absolute load, including Linux ancillary and SKF_NET_OFF/SKF_LL_OFF loads; -1 ends the program. */
    private static long loadAbs(byte[] buf, int off, int caplen, int code, int k, AncillaryData aux) {
        int size = sizeOf(code);
        if (Integer.compareUnsigned(k, Extension.LL_OFF) >= 0 && aux != AncillaryData.NONE) {
            return loadSpecial(buf, off, caplen, size, k, aux);
        }
        return load(buf, off, caplen, k & 0xffffffffL, size);
    }

    /**
     * An absolute load at {@code k >= SKF_LL_OFF} (unsigned) with ancillary data present: a Linux
     * ancillary value, or a load relative to the network or link-layer header. The one definition
     * of these semantics, shared by the interpreter and the JIT.
     *
     * @return the unsigned value, or -1 to end the program with verdict 0
     */
    public static long loadSpecial(byte[] buf, int off, int caplen, int size, int k, AncillaryData aux) {
        if (Integer.compareUnsigned(k, Extension.AD_OFF) >= 0) {
            Extension e = Extension.ofK(k);
            return e != null && aux.has(e) ? aux.get(e) & 0xffffffffL : -1;
        }
        if (Integer.compareUnsigned(k, Extension.NET_OFF) >= 0) {
            int net = aux.networkOffset();
            return net < 0 ? -1 : load(buf, off, caplen, (long) net + (k - Extension.NET_OFF), size);
        }
        return load(buf, off, caplen, (long) k - Extension.LL_OFF, size);
    }

    /** Loads {@code size} bytes big-endian at unsigned offset {@code at}, or -1 when they are not all captured. */
    static long load(byte[] buf, int off, int caplen, long at, int size) {
        if (at + size > caplen) return -1;
        int p = off + (int) at;
        return switch (size) {
            case 1 -> buf[p] & 0xff;
            case 2 -> ((buf[p] & 0xff) << 8) | (buf[p + 1] & 0xff);
            default -> (((buf[p] & 0xff) << 24) | ((buf[p + 1] & 0xff) << 16) | ((buf[p + 2] & 0xff) << 8) | (buf[p + 3] & 0xff)) & 0xffffffffL;
        };
    }
}
