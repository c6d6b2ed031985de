package io.jdump.filter.gen;

import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterSemanticException;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-compilation state of the code generator and its block-building helpers: the options,
 * the current link-layer offsets (which {@code vlan}, {@code mpls} and {@code pppoes} shift for
 * the primitives after them), the scratch-register allocator and the block counter. One instance
 * per {@link CodeGen#generate} call; nothing is global.
 */
final class Gen {
    final CompileOptions opts;
    final LinkLayer link;
    /** A {@code protochain} was compiled: libpcap then skips its optimizer, and with it the "rejects all packets" check. */
    boolean protochain;
    private int nextId;
    private final boolean[] regUsed = new boolean[Insn.MEMWORDS];
    private int curReg;

    Gen(CompileOptions opts) {
        this.opts = opts;
        this.link = LinkLayer.of(opts.linkType());
    }

    Block block(List<Insn> stmts, Branch branch) {
        return new Block(nextId++, stmts, branch);
    }

    /** One block: {@code stmts} then {@code op #k}. */
    Frag jump(List<Insn> stmts, JmpOp op, int k) {
        return Frag.of(block(stmts, new Branch.CondK(op, k)));
    }

    /**
     * Offsets at or above this are relative to a link payload whose start is only known at run time
     * (802.11's variable header): the start is computed once into a scratch register by a prologue,
     * and loads become {@code ldx M[r]; ld [x + k]}.
     */
    static final int VARIABLE = 0x4000_0000;

    /**
     * An offset {@code k} bytes after the run-time position held in scratch register {@code reg} (the
     * headers after {@code vxlan} / {@code geneve}); plain {@link #VARIABLE}{@code + k} is relative to the
     * link payload register. The register is kept in bits 16 and up above {@link #VARIABLE}.
     */
    static int relative(int reg, int k) {
        return VARIABLE + ((reg + 1) << 16) + k;
    }

    /** Tag of offsets relative to the start of the link header behind a radio header ({@link #header}). */
    private static final int HEADER_TAG = 0x100;

    /** An offset {@code k} bytes after the start of the 802.11 header that follows a radio header of run-time length. */
    static int header(int k) {
        return VARIABLE + (HEADER_TAG << 16) + k;
    }

    /** The scratch register a variable offset is relative to. */
    int baseReg(int off) {
        int tag = (off - VARIABLE) >>> 16;
        if (tag == HEADER_TAG) return link.headerReg(this);
        return tag == 0 ? link.payloadReg(this) : tag - 1;
    }

    /** The constant part of an offset: itself when absolute, the displacement from its register when variable. */
    static int disp(int off) {
        return off < VARIABLE ? off : (off - VARIABLE) & 0xffff;
    }

    /** The statements loading {@code size} bytes at {@code off} (absolute, or {@link #VARIABLE}-relative). */
    List<Insn> load(Size size, int off) {
        if (off < VARIABLE) return new ArrayList<>(List.of(new Insn.LoadAbs(size, off)));
        return new ArrayList<>(List.of(new Insn.LoadMem(Reg.X, baseReg(off)), new Insn.LoadInd(size, disp(off))));
    }

    /** X = start of the IPv4 payload (for {@code ld [x + nl + k]}): {@code ldxb 4*([nl]&0xf)}, or its long form after a variable header. */
    List<Insn> loadIpHeaderLength() {
        int nl = link.net();
        if (nl < VARIABLE) return new ArrayList<>(List.of(new Insn.LoadMsh(nl)));
        return new ArrayList<>(List.of(new Insn.LoadMem(Reg.X, baseReg(nl)), new Insn.LoadInd(Size.B, disp(nl)),
                new Insn.AluK(io.jdump.bpf.AluOp.AND, 0xf), new Insn.AluK(io.jdump.bpf.AluOp.LSH, 2),
                new Insn.AluX(io.jdump.bpf.AluOp.ADD), new Insn.Tax()));
    }

    /** {@code ld[size] [off]; (and #mask;) op #v}; mask -1 means none. */
    Frag cmpAbs(int off, Size size, int mask, JmpOp op, int v) {
        List<Insn> s = load(size, off);
        if (mask != -1) s.add(new Insn.AluK(io.jdump.bpf.AluOp.AND, mask));
        return jump(s, op, v);
    }

    Frag eq(int off, Size size, int v) { return cmpAbs(off, size, -1, JmpOp.JEQ, v); }

    Frag eqMasked(int off, Size size, int mask, int v) { return cmpAbs(off, size, mask, JmpOp.JEQ, v); }

    /** A comparison relative to the start of the IPv4 payload: {@code ldxb 4*([nl]&0xf); ld[size] [x + nl + off]}. */
    Frag cmpTransportV4(int off, Size size, JmpOp op, int v) {
        int nl = link.net();
        List<Insn> s = loadIpHeaderLength();
        s.add(new Insn.LoadInd(size, disp(nl) + off));
        return jump(s, op, v);
    }

    /** The constant true or false as a block of its own ({@code ld #0; jeq #0} / {@code ld #1; jeq #0}), as libpcap materializes them. */
    Frag materialize(boolean base, boolean negated) {
        Frag f = jump(List.of(new Insn.LoadImm(Reg.A, base ? 0 : 1)), JmpOp.JEQ, 0);
        return negated ? f.not() : f;
    }

    int allocReg() {
        for (int n = 0; n < Insn.MEMWORDS; n++) {
            if (!regUsed[curReg]) {
                regUsed[curReg] = true;
                return curReg;
            }
            curReg = (curReg + 1) % Insn.MEMWORDS;
        }
        throw new FilterSemanticException("too many registers needed to evaluate expression");
    }

    void freeReg(int r) {
        regUsed[r] = false;
    }

    static FilterSemanticException error(String msg) {
        return new FilterSemanticException(msg);
    }
}
