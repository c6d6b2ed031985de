package io.jdump.filter;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Program;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads libpcap's {@code -d} listing back into a {@link Program}, for running the filter suite's
 * expected programs. Test code, until cbpf-vm's Assembler reads {@code -d}. Returns null for
 * listings using Linux ancillary loads ({@code [type]}, {@code [vlanp]}), which it does not model.
 */
final class ListingParser {
    private ListingParser() {}

    private static final Pattern LINE = Pattern.compile("\\((\\d+)\\) (\\S+)\\s*(.*?)\\s*$");
    private static final Pattern JUMP = Pattern.compile("(#0x[0-9a-f]+|x)\\s+jt (\\d+)\\s+jf (\\d+)");

    static Program parse(String listing) {
        List<Insn> out = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (line.isBlank()) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) throw new IllegalArgumentException("bad line: " + line);
            int pc = Integer.parseInt(m.group(1));
            Insn i;
            try {
                i = insn(pc, m.group(2), m.group(3));
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (i == null) return null;
            out.add(i);
        }
        return new Program(out);
    }

    private static int num(String s) {
        s = s.startsWith("#") ? s.substring(1) : s;
        return s.startsWith("0x") ? Integer.parseUnsignedInt(s.substring(2), 16) : Integer.parseUnsignedInt(s);
    }

    private static Insn insn(int pc, String op, String arg) {
        switch (op) {
            case "ld", "ldh", "ldb" -> {
                Size size = op.equals("ld") ? Size.W : op.equals("ldh") ? Size.H : Size.B;
                if (arg.equals("#pktlen")) return new Insn.LoadLen(Reg.A);
                if (arg.startsWith("#")) return new Insn.LoadImm(Reg.A, num(arg));
                if (arg.startsWith("M[")) return new Insn.LoadMem(Reg.A, Integer.parseInt(arg.substring(2, arg.length() - 1)));
                if (arg.startsWith("[x + ")) return new Insn.LoadInd(size, num(arg.substring(5, arg.length() - 1)));
                String k = arg.substring(1, arg.length() - 1);
                for (io.jdump.bpf.Extension e : io.jdump.bpf.Extension.values()) {
                    if (e.listingName().equals(k)) return new Insn.LoadAbs(size, e.k());
                }
                if (!Character.isDigit(k.charAt(0))) return null;
                return new Insn.LoadAbs(size, num(k));
            }
            case "ldx", "ldxb" -> {
                if (arg.startsWith("4*([")) return new Insn.LoadMsh(num(arg.substring(4, arg.indexOf(']'))));
                if (arg.equals("#pktlen")) return new Insn.LoadLen(Reg.X);
                if (arg.startsWith("#")) return new Insn.LoadImm(Reg.X, num(arg));
                return new Insn.LoadMem(Reg.X, Integer.parseInt(arg.substring(2, arg.length() - 1)));
            }
            case "st" -> { return new Insn.Store(Reg.A, Integer.parseInt(arg.substring(2, arg.length() - 1))); }
            case "stx" -> { return new Insn.Store(Reg.X, Integer.parseInt(arg.substring(2, arg.length() - 1))); }
            case "neg" -> { return new Insn.Neg(); }
            case "tax" -> { return new Insn.Tax(); }
            case "txa" -> { return new Insn.Txa(); }
            case "ja" -> { return new Insn.Ja(Integer.parseInt(arg) - pc - 1); }
            case "ret" -> { return arg.isEmpty() || arg.equals("a") ? new Insn.RetA() : new Insn.RetK(num(arg)); }
            default -> { }
        }
        for (JmpOp j : JmpOp.values()) {
            if (j.mnemonic().equals(op)) {
                Matcher m = JUMP.matcher(arg);
                if (!m.matches()) throw new IllegalArgumentException("bad jump: " + arg);
                int jt = Integer.parseInt(m.group(2)) - pc - 1;
                int jf = Integer.parseInt(m.group(3)) - pc - 1;
                return m.group(1).equals("x") ? new Insn.JmpX(j, jt, jf) : new Insn.JmpK(j, num(m.group(1)), jt, jf);
            }
        }
        for (AluOp a : AluOp.values()) {
            if (a.mnemonic().equals(op)) return arg.equals("x") ? new Insn.AluX(a) : new Insn.AluK(a, num(arg));
        }
        throw new IllegalArgumentException("unknown op: " + op);
    }
}
