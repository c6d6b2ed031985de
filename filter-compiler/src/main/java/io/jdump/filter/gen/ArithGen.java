package io.jdump.filter.gen;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.filter.ast.Arith;
import io.jdump.filter.ast.Expr;
import io.jdump.filter.ast.Proto;
import io.jdump.filter.ir.Branch;
import java.util.ArrayList;
import java.util.List;

/**
 * Relations over arithmetic ({@code ip[2:2] - 20 > len}). Every value lives in a scratch register,
 * as in libpcap's unoptimized code: a constant is {@code ld #k; st M[r]}, an operation loads its
 * right operand into X and its left into A. Protocol tests needed by {@code proto[...]} loads are
 * and-ed in front of the comparison.
 */
final class ArithGen {
    private ArithGen() {}

    /** A value: the statements computing it into scratch {@code reg}, and the tests it needs (null if none). */
    private record Val(List<Insn> stmts, int reg, Frag checks) {}

    static Frag relation(Gen g, Expr.Relation r) {
        Val a0 = value(g, r.left());
        Val a1 = value(g, r.right());
        List<Insn> s = new ArrayList<>(a0.stmts());
        s.addAll(a1.stmts());
        s.add(new Insn.LoadMem(Reg.X, a1.reg()));
        s.add(new Insn.LoadMem(Reg.A, a0.reg()));
        Frag cmp = Frag.of(g.block(s, new Branch.CondX(r.op())));
        if (r.negate()) cmp = cmp.not();
        g.freeReg(a0.reg());
        g.freeReg(a1.reg());
        Frag checks = andChecks(a0.checks(), a1.checks());
        return checks == null ? cmp : Frag.and(checks, cmp);
    }

    private static Frag andChecks(Frag a, Frag b) {
        if (a == null) return b;
        if (b == null) return a;
        return Frag.and(a, b);
    }

    private static Val value(Gen g, Arith a) {
        return switch (a) {
            case Arith.Const(var k) -> store(g, new ArrayList<>(List.of(new Insn.LoadImm(Reg.A, (int) k))), null);
            case Arith.Len() -> store(g, new ArrayList<>(List.of(new Insn.LoadLen(Reg.A))), null);
            case Arith.Neg(var x) -> {
                Val v = value(g, x);
                List<Insn> s = new ArrayList<>(v.stmts());
                s.add(new Insn.LoadMem(Reg.A, v.reg()));
                s.add(new Insn.Neg());
                s.add(new Insn.Store(Reg.A, v.reg()));
                yield new Val(s, v.reg(), v.checks());
            }
            case Arith.Bin(var op, var l, var r) -> binary(g, op, l, r);
            case Arith.Load ld -> load(g, ld);
        };
    }

    private static Val store(Gen g, List<Insn> s, Frag checks) {
        int reg = g.allocReg();
        s.add(new Insn.Store(Reg.A, reg));
        return new Val(s, reg, checks);
    }

    private static Val binary(Gen g, AluOp op, Arith l, Arith r) {
        Val a0 = value(g, l);
        Val a1 = value(g, r);
        // As libpcap, the check looks at the first instruction of the right operand, not at its value:
        // x / (0 + 1) is refused (ld #0) and x >> (181 & 31) too (ld #181), x / (ether[0] & 3) as well (the index)
        if (!a1.stmts().isEmpty() && a1.stmts().getFirst() instanceof Insn.LoadImm(var reg, var k) && reg == Reg.A) {
            if (op == AluOp.DIV && k == 0) throw Gen.error("division by zero");
            if (op == AluOp.MOD && k == 0) throw Gen.error("modulus by zero");
            if ((op == AluOp.LSH || op == AluOp.RSH) && Integer.compareUnsigned(k, 31) > 0) throw Gen.error("shift by more than 31 bits");
        }
        List<Insn> s = new ArrayList<>(a0.stmts());
        s.addAll(a1.stmts());
        s.add(new Insn.LoadMem(Reg.X, a1.reg()));
        s.add(new Insn.LoadMem(Reg.A, a0.reg()));
        s.add(new Insn.AluX(op));
        g.freeReg(a0.reg());
        g.freeReg(a1.reg());
        return store(g, s, andChecks(a0.checks(), a1.checks()));
    }

    private static Val load(Gen g, Arith.Load ld) {
        Val idx = value(g, ld.index());
        Size size = switch (ld.size()) {
            case 1 -> Size.B;
            case 2 -> Size.H;
            default -> Size.W;
        };
        List<Insn> s = new ArrayList<>(idx.stmts());
        Frag checks;
        LinkLayer l = g.link;
        int reg = g.allocReg();
        int nl = Gen.disp(l.net());
        boolean variable = l.net() >= Gen.VARIABLE;
        Proto p = ld.proto();
        switch (p) {
            case LINK, RADIO -> {
                if (p == Proto.RADIO && !RadioHeaders.radioInfo(l)) throw Gen.error("radio information not present in capture");
                if (l.tunnel || (p == Proto.LINK && RadioHeaders.has(l))) {
                    s.add(new Insn.LoadMem(Reg.X, g.baseReg(l.tunnel ? l.macBase : l.hdr)));
                    s.add(new Insn.LoadMem(Reg.A, idx.reg()));
                    s.add(new Insn.AluX(AluOp.ADD));
                    s.add(new Insn.Tax());
                } else {
                    s.add(new Insn.LoadMem(Reg.X, idx.reg()));
                }
                s.add(new Insn.LoadInd(size, l.tunnel || p == Proto.RADIO ? 0 : TagGen.linkHeader(l)));
                checks = null;
            }
            case TCP, UDP, SCTP, ICMP, IGMP, IGRP, PIM, VRRP, CARP -> {
                s.addAll(g.loadIpHeaderLength());
                s.add(new Insn.LoadMem(Reg.A, idx.reg()));
                s.add(new Insn.AluX(AluOp.ADD));
                s.add(new Insn.Tax());
                s.add(new Insn.LoadInd(size, nl));
                checks = Frag.and(ProtoGen.ip(g, transportNumber(p)), ProtoGen.notFragment(g));
            }
            case ICMP6 -> {
                Frag lt = l.linktype(g, LinkLayer.IPV6);
                checks = lt.isFalse() ? lt : Frag.and(lt, g.eq(l.net() + 6, Size.B, ProtoGen.ICMPV6));
                indexed(g, s, idx.reg(), variable);
                s.add(new Insn.LoadInd(size, nl + 40));
            }
            default -> {
                int ether = ProtoGen.etherOf(p);
                if (p == Proto.AARP) throw Gen.error("'aarp' does not support the index operation");
                if (ether < 0 || p == Proto.ISO || p == Proto.STP || p == Proto.IPX || p == Proto.NETBEUI) {
                    throw Gen.error("'" + ld.word() + "' does not support the index operation");
                }
                indexed(g, s, idx.reg(), variable);
                s.add(new Insn.LoadInd(size, nl));
                checks = l.linktype(g, ether);
            }
        }
        g.freeReg(idx.reg());
        s.add(new Insn.Store(Reg.A, reg));
        return new Val(s, reg, andChecks(idx.checks(), checks));
    }

    /** X = the index (plus the payload start after a variable-length link header). */
    private static void indexed(Gen g, List<Insn> s, int idxReg, boolean variable) {
        if (!variable) {
            s.add(new Insn.LoadMem(Reg.X, idxReg));
            return;
        }
        s.add(new Insn.LoadMem(Reg.X, g.baseReg(g.link.net())));
        s.add(new Insn.LoadMem(Reg.A, idxReg));
        s.add(new Insn.AluX(AluOp.ADD));
        s.add(new Insn.Tax());
    }

    private static int transportNumber(Proto p) {
        return switch (p) {
            case TCP -> ProtoGen.TCP;
            case UDP -> ProtoGen.UDP;
            case SCTP -> ProtoGen.SCTP;
            case ICMP -> ProtoGen.ICMP;
            case IGMP -> ProtoGen.IGMP;
            case IGRP -> ProtoGen.IGRP;
            case PIM -> ProtoGen.PIM;
            default -> ProtoGen.VRRP;
        };
    }
}
