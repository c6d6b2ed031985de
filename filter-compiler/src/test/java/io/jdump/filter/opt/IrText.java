package io.jdump.filter.opt;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text IR of pass tests (QBE style), one block a line, the first block is the entry, {@code //}
 * starts a comment:
 * <pre>
 *   b0: ldh [12]; jeq #0x800 -> b1, b3
 *   b3: ret #0
 * </pre>
 * {@link #print} writes the reachable blocks in {@link Cfg#order()} renamed b0, b1, ... so that
 * two isomorphic CFGs print the same text.
 */
final class IrText {
    private IrText() {}

    static Cfg parse(String text) {
        Map<String, String[]> lines = new LinkedHashMap<>();
        for (String line : text.strip().split("\n")) {
            String l = (line.contains("//") ? line.substring(0, line.indexOf("//")) : line).strip();
            if (l.isEmpty()) continue;
            int colon = l.indexOf(':');
            lines.put(l.substring(0, colon).strip(), l.substring(colon + 1).split(";"));
        }
        Map<String, Block> blocks = new HashMap<>();
        int id = 0;
        for (var e : lines.entrySet()) {
            String[] parts = e.getValue();
            List<Insn> stmts = new ArrayList<>();
            for (int i = 0; i < parts.length - 1; i++) stmts.add(insn(parts[i].strip()));
            blocks.put(e.getKey(), new Block(id++, stmts, branch(parts[parts.length - 1].strip())));
        }
        for (var e : lines.entrySet()) {
            String last = e.getValue()[e.getValue().length - 1];
            if (!last.contains("->")) continue;
            String[] targets = last.substring(last.indexOf("->") + 2).split(",");
            blocks.get(e.getKey()).setSuccessor(Sense.TRUE, blocks.get(targets[0].strip()));
            if (targets.length > 1) blocks.get(e.getKey()).setSuccessor(Sense.FALSE, blocks.get(targets[1].strip()));
        }
        return new Cfg(blocks.get(lines.keySet().iterator().next()));
    }

    private static Branch branch(String s) {
        String[] w = s.split("->")[0].strip().split("\\s+");
        if (w[0].equals("ret")) return w.length == 1 ? new Branch.ReturnA() : new Branch.Return(num(w[1]));
        if (w[0].equals("ja")) return new Branch.Goto();
        JmpOp op = JmpOp.valueOf(w[0].toUpperCase());
        return w[1].equals("x") ? new Branch.CondX(op) : new Branch.CondK(op, num(w[1]));
    }

    private static Insn insn(String s) {
        String[] w = s.split("\\s+", 2);
        String a = w.length > 1 ? w[1].replace(" ", "") : "";
        return switch (w[0]) {
            case "ld", "ldh", "ldb" -> {
                Size size = w[0].equals("ld") ? Size.W : w[0].equals("ldh") ? Size.H : Size.B;
                if (a.startsWith("#")) yield new Insn.LoadImm(Reg.A, num(a));
                if (a.startsWith("M[")) yield new Insn.LoadMem(Reg.A, Integer.parseInt(a.substring(2, a.length() - 1)));
                if (a.startsWith("[x+")) yield new Insn.LoadInd(size, num(a.substring(3, a.length() - 1)));
                yield new Insn.LoadAbs(size, num(a.substring(1, a.length() - 1)));
            }
            case "ldx" -> a.startsWith("#") ? new Insn.LoadImm(Reg.X, num(a)) : new Insn.LoadMem(Reg.X, Integer.parseInt(a.substring(2, a.length() - 1)));
            case "ldxb" -> new Insn.LoadMsh(num(a.substring(a.indexOf('[') + 1, a.indexOf(']'))));
            case "st" -> new Insn.Store(Reg.A, Integer.parseInt(a.substring(2, a.length() - 1)));
            case "stx" -> new Insn.Store(Reg.X, Integer.parseInt(a.substring(2, a.length() - 1)));
            case "tax" -> new Insn.Tax();
            case "txa" -> new Insn.Txa();
            case "neg" -> new Insn.Neg();
            default -> {
                AluOp op = AluOp.valueOf(w[0].toUpperCase());
                yield a.equals("x") ? new Insn.AluX(op) : new Insn.AluK(op, num(a));
            }
        };
    }

    private static int num(String s) {
        String t = s.startsWith("#") ? s.substring(1) : s;
        return t.startsWith("0x") ? (int) Long.parseLong(t.substring(2), 16) : (int) Long.parseLong(t);
    }

    static String print(Cfg cfg) {
        List<Block> order = cfg.order();
        Map<Block, String> name = new HashMap<>();
        for (Block b : order) name.put(b, "b" + name.size());
        StringBuilder out = new StringBuilder();
        for (Block b : order) {
            out.append(name.get(b)).append(": ");
            for (Insn i : b.stmts()) out.append(i).append("; ");
            out.append(switch (b.branch()) {
                case Branch.CondK(var op, var k) -> op.mnemonic() + " #0x" + Integer.toHexString(k);
                case Branch.CondX(var op) -> op.mnemonic() + " x";
                case Branch.Return(var k) -> "ret #" + Integer.toUnsignedString(k);
                case Branch.ReturnA() -> "ret";
                case Branch.Goto() -> "ja -> " + name.get(b.successor(Sense.TRUE));
            });
            if (b.branch().isConditional()) {
                out.append(" -> ").append(name.get(b.successor(Sense.TRUE))).append(", ").append(name.get(b.successor(Sense.FALSE)));
            }
            out.append('\n');
        }
        return out.toString().replaceAll(" +", " ");
    }
}
