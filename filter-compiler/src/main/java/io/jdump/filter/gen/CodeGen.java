package io.jdump.filter.gen;

import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Size;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.ast.Expr;
import io.jdump.filter.ast.Proto;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Edge;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates an {@link Expr} into a {@link Cfg}, primitive by primitive in source order (the
 * order matters: {@code vlan} shifts the offsets of what follows it). Boolean structure becomes
 * branch structure through {@link Frag}; the true exits finally go to {@code ret #snaplen} and the
 * false exits to {@code ret #0}.
 */
public final class CodeGen {
    private CodeGen() {}

    /** Generates the unoptimized CFG of {@code expr} (null: accept everything). */
    public static Cfg generate(Expr expr, CompileOptions opts) {
        Gen g = new Gen(opts);
        if (expr == null) return new Cfg(g.block(List.of(), new Branch.Return(opts.snaplen())));
        Frag f = new CodeGen.Walker(g).gen(expr);
        if (opts.optimize() && f.isFalse() && !g.protochain) throw new io.jdump.filter.FilterSemanticException("expression rejects all packets");
        if (f.constant() != null) f = g.materialize(f.constant() ^ f.negated(), f.negated());
        Block accept = g.block(List.of(), new Branch.Return(opts.snaplen()));
        Block reject = g.block(List.of(), new Branch.Return(0));
        for (Edge e : f.trueExits()) e.patch(accept);
        for (Edge e : f.falseExits()) e.patch(reject);
        Block entry = f.entry();
        if (Prologue.needed(g)) entry = Prologue.of(g, entry, reject);
        if (g.link.vlanRegs != null) {
            entry.stmts().addAll(0, List.of(new io.jdump.bpf.Insn.LoadImm(io.jdump.bpf.Reg.A, 0),
                    new io.jdump.bpf.Insn.Store(io.jdump.bpf.Reg.A, g.link.vlanRegs[0]),
                    new io.jdump.bpf.Insn.Store(io.jdump.bpf.Reg.A, g.link.vlanRegs[1])));
        }
        return new Cfg(entry);
    }

    /** The recursive walk; left-leaning and/or chains are walked by a loop so long expressions do not overflow the stack. */
    private record Walker(Gen g) {
        Frag gen(Expr e) {
            if (e instanceof Expr.And || e instanceof Expr.Or) return chain(e);
            return switch (e) {
                case Expr.Not(var x) -> gen(x).not();
                case Expr.Id id -> IdGen.gen(g, id);
                case Expr.ProtoAbbrev(var p, var pos) -> ProtoGen.abbrev(g, p);
                case Expr.Relation r -> ArithGen.relation(g, r);
                case Expr.Broadcast(var p) -> HostGen.broadcast(g, p);
                case Expr.Multicast(var p) -> HostGen.multicast(g, p);
                case Expr.Length(var greater, var n) -> length(greater, n);
                case Expr.ByteCmp b -> byteCmp(b);
                case Expr.Direction(var in) -> EncapGen.direction(g, in);
                case Expr.IfIndex(var n) -> EncapGen.ifindex(g, n);
                case Expr.Encap enc -> EncapGen.encap(g, enc);
                case Expr.Llc l -> LlcGen.llc(g, l.subtype());
                case Expr.Other o -> other(o);
                case Expr.And a -> throw new IllegalStateException();
                case Expr.Or o -> throw new IllegalStateException();
            };
        }

        private Frag chain(Expr e) {
            List<Expr> rights = new ArrayList<>();
            List<Boolean> ands = new ArrayList<>();
            Expr cur = e;
            while (cur instanceof Expr.And || cur instanceof Expr.Or) {
                if (cur instanceof Expr.And(var l, var r)) {
                    rights.add(r);
                    ands.add(true);
                    cur = l;
                } else if (cur instanceof Expr.Or(var l, var r)) {
                    rights.add(r);
                    ands.add(false);
                    cur = l;
                }
            }
            // Terms in source order; op.get(i) joins term i to what precedes it (true: and).
            List<Expr> terms = new ArrayList<>(rights.size() + 1);
            terms.add(cur);
            terms.addAll(rights.reversed());
            List<Boolean> op = new ArrayList<>(ands.size() + 1);
            op.add(false);
            op.addAll(ands.reversed());
            Frag f = null;
            for (int i = 0; i < terms.size(); ) {
                int j = hostRun(terms, op, i);
                Frag r = j - i >= HostListGen.MIN ? HostListGen.gen(g, terms.subList(i, j)) : gen(terms.get(i));
                if (j - i < HostListGen.MIN) j = i + 1;
                f = f == null ? r : op.get(i) ? Frag.and(f, r) : Frag.or(f, r);
                i = j;
            }
            return f;
        }

        /**
         * The end of the run of terms from {@code i} that {@link HostListGen} can generate together:
         * plain hosts of one direction joined by {@code or}, starting the chain or after an {@code or}
         * (or-ing the members in one fragment first builds the same CFG: the joins are associative).
         */
        private int hostRun(List<Expr> terms, List<Boolean> op, int i) {
            if (op.get(i) && i > 0) return i;      // x and host a or host b is (x and host a) or host b
            if (!HostListGen.groupable(g, terms.get(i), terms.get(i) instanceof Expr.Id id ? id.qual().dir() : null)) return i;
            var dir = HostListGen.dir(terms.get(i));
            int j = i + 1;
            while (j < terms.size() && !op.get(j) && HostListGen.groupable(g, terms.get(j), dir)) j++;
            return j;
        }

        private Frag other(Expr.Other o) {
            String k = o.keyword().equals("direction") ? "dir" : o.keyword();
            if (g.link.style == LinkLayer.Style.WLAN && (k.equals("type") || k.equals("subtype") || k.equals("dir"))) {
                return WlanGen.gen(g, k, o.args());
            }
            if (g.link.style == LinkLayer.Style.PFLOG && OtherMessages.isPflog(o.keyword())) {
                return PflogGen.gen(g, o.keyword(), o.args().get(o.args().size() - 1));
            }
            if (AtmGen.handles(g, k)) return AtmGen.gen(g, k, o.args());
            if (Ss7Gen.handles(g, k)) return Ss7Gen.gen(g, k, o.args());
            throw Gen.error(OtherMessages.of(o.keyword(), g.link.type));
        }

        private Frag length(boolean greater, long n) {
            List<io.jdump.bpf.Insn> s = List.of(new io.jdump.bpf.Insn.LoadLen(io.jdump.bpf.Reg.A));
            return greater ? g.jump(s, JmpOp.JGE, (int) n) : g.jump(s, JmpOp.JGT, (int) n).not();
        }

        private Frag byteCmp(Expr.ByteCmp b) {
            if (b.value() > 255) throw Gen.error("byte argument " + b.value() + " greater than maximum 255");
            int off = (int) b.offset(); // relative to the link header, as link[off]
            int v = (int) b.value();
            return switch (b.op()) {
                case '=' -> g.eq(off, Size.B, v);
                case '<' -> g.cmpAbs(off, Size.B, -1, JmpOp.JGE, v).not();
                case '>' -> g.cmpAbs(off, Size.B, -1, JmpOp.JGT, v);
                case '&' -> g.eqMasked(off, Size.B, v, 0).not();
                default -> {
                    List<io.jdump.bpf.Insn> s = g.load(Size.B, off);
                    s.add(new io.jdump.bpf.Insn.AluK(io.jdump.bpf.AluOp.OR, v));
                    yield g.jump(s, JmpOp.JEQ, 0).not();
                }
            };
        }
    }

    static Proto orDefault(Proto p) {
        return p == Proto.UNDEF ? Proto.DEFAULT : p;
    }
}
