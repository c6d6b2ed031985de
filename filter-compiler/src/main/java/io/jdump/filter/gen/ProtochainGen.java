package io.jdump.filter.gen;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.filter.ast.Proto;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Edge;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [ip|ip6] protochain n}: walks the chain of headers after the IP header looking for protocol {@code n}.
 * libpcap emits a loop (a backward {@code ja}) that neither our forward-only CFG nor the Linux checker accepts;
 * here the loop is unrolled ({@link #DEPTH_V6} and {@link #DEPTH_V4} rounds). Each round does what libpcap's
 * loop body does, including its quirks: over IPv6 the hop-by-hop, destination-options, routing and fragment
 * headers are skipped by {@code (len + 1) * 8}; over both, an AH header sets the next offset to {@code (len + 2) * 4} counted from the
 * network header (not from the AH header); "no next header" (59) ends the walk. A walk still going after
 * the last round ends there: the packet matches only if the header reached is {@code n}.
 */
final class ProtochainGen {
    private ProtochainGen() {}

    /**
     * Headers walked per packet at most, after IPv6 and after IPv4. The suite's ipv6_ext_headers.pcap chains 101
     * IPv6 extension headers; 120 rounds of about 27 instructions keep {@code protochain n} (both families) under
     * the kernel's 4096-instruction limit. After IPv4 only AH headers are walked, and libpcap's AH step sets the
     * offset from the AH length alone, so a handful of rounds covers every chain it can follow.
     */
    static final int DEPTH_V6 = 120, DEPTH_V4 = 16;

    private static final int NONE = 59, AH = 51, HOPOPTS = 0, DSTOPTS = 60, ROUTING = 43, FRAGMENT = 44;

    static Frag gen(Gen g, Proto p, int n) {
        return switch (p) {
            case IP -> chain(g, false, n);
            case IP6 -> chain(g, true, n);
            default -> Frag.or(chain(g, false, n), chain(g, true, n));
        };
    }

    private static Frag chain(Gen g, boolean v6, int n) {
        int nl = g.link.net();
        Frag lt = g.link.linktype(g, v6 ? LinkLayer.IPV6 : LinkLayer.IP);
        if (lt.isFalse()) return lt;
        int reg = g.allocReg();
        Block exit = g.block(List.of(add(0)), new Branch.CondK(JmpOp.JEQ, n));
        Block next = exit;
        for (int i = (v6 ? DEPTH_V6 : DEPTH_V4) - 1; i >= 0; i--) next = round(g, v6, n, nl, reg, next, exit);
        g.freeReg(reg);
        List<Insn> setup = g.load(Size.B, nl + (v6 ? 6 : 9));
        setup.add(v6 ? new Insn.LoadImm(Reg.X, 40) : new Insn.LoadMsh(nl));
        next.stmts().addAll(0, setup);
        Frag walk = new Frag(next, new ArrayList<>(List.of(new Edge(exit, Sense.TRUE))),
                new ArrayList<>(List.of(new Edge(exit, Sense.FALSE))), null, false);
        return Frag.and(lt, walk);
    }

    /**
     * One round with the protocol in A and the header offset (from the network header) in X; returns its first
     * block. The walk's ends reach the shared exit test through a {@code ja} of the round's own (a conditional
     * jump reaches only 255 instructions ahead).
     */
    private static Block round(Gen g, boolean v6, int n, int nl, int reg, Block next, Block end) {
        Block exit = g.block(List.of(), new Branch.Goto());
        exit.setSuccessor(Sense.TRUE, end);
        Block found = cond(g, List.of(), n);
        Block none = cond(g, List.of(), NONE);
        found.setSuccessor(Sense.TRUE, exit);
        found.setSuccessor(Sense.FALSE, none);
        none.setSuccessor(Sense.TRUE, exit);
        Block ahTest = cond(g, v6 ? List.of() : List.of(add(0)), AH);
        Block ah = g.block(List.of(new Insn.LoadInd(Size.B, nl), new Insn.Store(Reg.A, reg), new Insn.Txa(), add(1), new Insn.Tax(),
                new Insn.LoadInd(Size.B, nl), add(2), new Insn.AluK(AluOp.MUL, 4), new Insn.Tax(), new Insn.LoadMem(Reg.A, reg)),
                new Branch.Goto());
        ahTest.setSuccessor(Sense.TRUE, ah);
        ahTest.setSuccessor(Sense.FALSE, exit);
        ah.setSuccessor(Sense.TRUE, next);
        if (!v6) {
            none.setSuccessor(Sense.FALSE, ahTest);
            return found;
        }
        Block skip = g.block(List.of(new Insn.LoadInd(Size.B, nl), new Insn.Store(Reg.A, reg), new Insn.LoadInd(Size.B, nl + 1),
                add(1), new Insn.AluK(AluOp.MUL, 8), new Insn.AluX(AluOp.ADD), new Insn.Tax(), new Insn.LoadMem(Reg.A, reg)),
                new Branch.Goto());
        skip.setSuccessor(Sense.TRUE, next);
        Block prev = none;
        for (int ext : new int[] {HOPOPTS, DSTOPTS, ROUTING, FRAGMENT}) {
            Block t = cond(g, List.of(), ext);
            prev.setSuccessor(Sense.FALSE, t);
            t.setSuccessor(Sense.TRUE, skip);
            prev = t;
        }
        prev.setSuccessor(Sense.FALSE, ahTest);
        return found;
    }

    private static Block cond(Gen g, List<Insn> stmts, int k) {
        return g.block(stmts, new Branch.CondK(JmpOp.JEQ, k));
    }

    private static Insn add(int k) {
        return new Insn.AluK(AluOp.ADD, k);
    }
}
