package io.jdump.bpf;

import io.jdump.bpf.Insn.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The textual instruction forms: {@code bpf_asm} assembly (labels, sugar) and tcpdump's {@code -d}
 * listing (absolute targets). Both share one operand grammar; they differ only in how jump targets
 * are written. Parsing is two passes: lines to {@link Pending} instructions, then targets resolved.
 */
final class AsmParser {
    private static final Pattern LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*:(.*)");
    private static final Pattern LISTING_PC = Pattern.compile("\\((\\d+)\\)(.*)");
    private static final Pattern LISTING_JUMP = Pattern.compile("(.*?)\\s+jt\\s+(\\d+)\\s+jf\\s+(\\d+)");
    private static final Pattern NUM = Pattern.compile("-?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)");
    private static final Pattern IND = Pattern.compile("\\[%?x\\+(.+)]");
    private static final Pattern ABS = Pattern.compile("\\[#?(.+)]");
    private static final Pattern MEM = Pattern.compile("M\\[(.+)]");
    private static final Pattern MSH = Pattern.compile("(.+)\\*\\(\\[(.+)]&(.+)\\)");
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Map<String, Extension> EXTENSIONS = extensions();

    /** A target as written: a label, or an absolute pc in the listing form. */
    private record Target(String label, long pc) {}

    /** A parsed line whose targets are not yet resolved. */
    private record Pending(int line, String text, Shape shape) {}

    /** The instruction of a line, built once its targets are known (absolute pc of each). */
    @FunctionalInterface
    private interface Shape {
        Insn build(int pc, java.util.function.ToLongFunction<Target> resolve);
    }

    private final boolean listing;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private int line;
    private String text;

    private AsmParser(boolean listing) {
        this.listing = listing;
    }

    static Program parseAsm(String source) {
        return new AsmParser(false).run(source);
    }

    static Program parseListing(String source) {
        return new AsmParser(true).run(source);
    }

    /** Replaces comments ({@code /* *}{@code /}, {@code ;} and {@code //} to end of line, lines starting with {@code #}) by blanks, keeping line structure. */
    static String stripComments(String s) {
        StringBuilder sb = new StringBuilder(s);
        boolean lineStart = true;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '/' && i + 1 < sb.length() && sb.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? sb.length() : end + 2;
                for (int j = i; j < end; j++) if (sb.charAt(j) != '\n') sb.setCharAt(j, ' ');
                i = end - 1;
            } else if (c == ';' || (c == '/' && i + 1 < sb.length() && sb.charAt(i + 1) == '/') || (c == '#' && lineStart)) {
                for (; i < sb.length() && sb.charAt(i) != '\n' && sb.charAt(i) != '\r'; i++) sb.setCharAt(i, ' ');
                i--;
            }
            if (c == '\n') lineStart = true;
            else if (!Character.isWhitespace(c)) lineStart = false;
        }
        return sb.toString();
    }

    private Program run(String source) {
        String[] raw = source.split("\\R", -1);
        String[] lines = stripComments(source).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            line = i + 1;
            text = raw[i];
            String s = lines[i].strip();
            if (!s.isEmpty()) statement(s);
        }
        if (pending.isEmpty()) throw new AssemblyException(0, null, "no instructions");
        List<Insn> insns = new ArrayList<>(pending.size());
        for (int pc = 0; pc < pending.size(); pc++) {
            Pending p = pending.get(pc);
            line = p.line();
            text = p.text();
            try {
                insns.add(p.shape().build(pc, this::resolve));
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }
        return new Program(insns);
    }

    private void statement(String s) {
        if (listing) {
            Matcher m = LISTING_PC.matcher(s);
            if (!m.matches()) throw error("expected a listing line '(NNN) op operand'");
            if (!withoutLeadingZeros(m.group(1)).equals(Integer.toString(pending.size()))) {
                throw error("expected instruction (" + String.format("%03d", pending.size()) + ")");
            }
            instruction(m.group(2).strip());
            return;
        }
        Matcher m = LABEL.matcher(s);
        while (m.matches()) {
            if (labels.putIfAbsent(m.group(1), pending.size()) != null) throw error("label '" + m.group(1) + "' defined twice");
            s = m.group(2).strip();
            m = LABEL.matcher(s);
        }
        if (!s.isEmpty()) instruction(s);
    }

    private static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') i++;
        return digits.substring(i);
    }

    private void instruction(String s) {
        int sp = 0;
        while (sp < s.length() && Character.isLetter(s.charAt(sp))) sp++;
        String op = s.substring(0, sp).toLowerCase(Locale.ROOT);
        String rest = s.substring(sp).strip();
        Target[] targets = null;
        if (listing) {
            Matcher j = LISTING_JUMP.matcher(rest);
            if (j.matches()) {
                rest = j.group(1);
                targets = new Target[] {absolute(j.group(2)), absolute(j.group(3))};
            }
        }
        String operand = BLANKS.matcher(rest).replaceAll("");
        pending.add(new Pending(line, text, shape(op, operand, targets)));
    }

    private Shape shape(String op, String operand, Target[] listingTargets) {
        return switch (op) {
            case "ld" -> fixed(load(Size.W, operand));
            case "ldh" -> fixed(load(Size.H, operand));
            case "ldb" -> fixed(load(Size.B, operand));
            case "ldi" -> fixed(new LoadImm(Reg.A, imm(operand)));
            case "ldx" -> fixed(loadX(operand, false));
            case "ldxb" -> fixed(loadX(operand, true));
            case "ldxi" -> fixed(new LoadImm(Reg.X, imm(operand)));
            case "st" -> fixed(new Store(Reg.A, mem(operand)));
            case "stx" -> fixed(new Store(Reg.X, mem(operand)));
            case "neg" -> fixed(none(operand, new Neg()));
            case "tax" -> fixed(none(operand, new Tax()));
            case "txa" -> fixed(none(operand, new Txa()));
            case "ret" -> fixed(ret(operand));
            case "ja", "jmp" -> ja(operand);
            case "jeq", "jgt", "jge", "jset", "jne", "jneq", "jlt", "jle" -> jump(op, operand, listingTargets);
            default -> fixed(alu(op, operand));
        };
    }

    private static Shape fixed(Insn insn) {
        return (pc, resolve) -> insn;
    }

    private Insn load(Size size, String operand) {
        Matcher m;
        if ((m = IND.matcher(operand)).matches()) return new LoadInd(size, number(m.group(1)));
        if ((m = MEM.matcher(operand)).matches() && size == Size.W) return new LoadMem(Reg.A, mem(operand));
        String name = operand.startsWith("#") ? operand.substring(1) : operand;
        if ((m = ABS.matcher(operand)).matches()) name = m.group(1);
        if (isLen(name) && !operand.startsWith("[")) {
            if (size != Size.W) throw error("only ld loads the packet length");
            return new LoadLen(Reg.A);
        }
        Extension ext = EXTENSIONS.get(name);
        if (ext != null) return new LoadAbs(size, ext.k());
        if (m.matches()) return new LoadAbs(size, number(name));
        if (operand.startsWith("#") && size == Size.W) return new LoadImm(Reg.A, number(name));
        throw error("bad operand for ld" + size.suffix() + ": '" + operand + "'");
    }

    private Insn loadX(String operand, boolean byteForm) {
        Matcher m = MSH.matcher(operand);
        if (m.matches()) {
            if (number(m.group(1)) != 4 || number(m.group(3)) != 0xf) throw error("only 4*([k]&0xf) is an instruction");
            return new LoadMsh(number(m.group(2)));
        }
        if (byteForm) throw error("ldxb takes only 4*([k]&0xf)");
        if (MEM.matcher(operand).matches()) return new LoadMem(Reg.X, mem(operand));
        if (isLen(operand.startsWith("#") ? operand.substring(1) : operand)) return new LoadLen(Reg.X);
        return new LoadImm(Reg.X, imm(operand));
    }

    private static boolean isLen(String name) {
        return name.equals("len") || name.equals("pktlen");
    }

    private Insn ret(String operand) {
        return switch (operand.toLowerCase(Locale.ROOT)) {
            case "", "a", "%a" -> new RetA();
            case "x", "%x" -> throw error("ret x has no classic BPF encoding the kernel accepts");
            default -> new RetK(imm(operand));
        };
    }

    private Insn alu(String op, String operand) {
        AluOp alu = null;
        for (AluOp a : AluOp.values()) if (a.mnemonic().equals(op)) alu = a;
        if (alu == null) throw error("unknown instruction '" + op + "'");
        return isX(operand) ? new AluX(alu) : new AluK(alu, imm(operand));
    }

    private Shape ja(String operand) {
        Target t = listing ? absolute(operand) : label(operand);
        return (pc, resolve) -> new Ja(skip(pc, resolve.applyAsLong(t), Integer.MAX_VALUE));
    }

    private Shape jump(String op, String operand, Target[] listingTargets) {
        String[] parts = operand.split(",", -1);
        boolean x = isX(parts[0]);
        int k = x ? 0 : imm(parts[0]);
        Target[] t = listingTargets;
        if (t == null) {
            if (listing) throw error("expected 'jt N jf M'");
            if (parts.length < 2 || parts.length > 3) throw error("expected '" + op + " operand, Ltrue[, Lfalse]'");
            t = new Target[] {label(parts[1]), parts.length == 3 ? label(parts[2]) : null};
        } else if (parts.length != 1) {
            throw error("unexpected ',' in a listing line");
        }
        boolean negated = switch (op) { case "jne", "jneq", "jlt", "jle" -> true; default -> false; };
        JmpOp jop = switch (op) {
            case "jeq", "jne", "jneq" -> JmpOp.JEQ;
            case "jgt", "jle" -> JmpOp.JGT;
            case "jge", "jlt" -> JmpOp.JGE;
            default -> JmpOp.JSET;
        };
        Target whenTrue = t[0], whenFalse = t[1];
        return (pc, resolve) -> {
            int yes = skip(pc, resolve.applyAsLong(whenTrue), 255);
            int no = whenFalse == null ? 0 : skip(pc, resolve.applyAsLong(whenFalse), 255);
            int jt = negated ? no : yes, jf = negated ? yes : no;
            return x ? new JmpX(jop, jt, jf) : new JmpK(jop, k, jt, jf);
        };
    }

    private int skip(int pc, long target, int max) {
        long skip = target - pc - 1;
        if (skip < 0) throw error("jump to " + target + " goes backwards");
        if (skip > max) throw error("jump to " + target + " skips " + skip + " instructions; the limit is " + max);
        return (int) skip;
    }

    private long resolve(Target t) {
        if (t.label() == null) return t.pc();
        Integer pc = labels.get(t.label());
        if (pc == null) throw error("undefined label '" + t.label() + "'");
        return pc;
    }

    private Target label(String s) {
        if (!LABEL_NAME.matcher(s).matches()) throw error("expected a label, found '" + s + "'");
        return new Target(s, -1);
    }

    private Target absolute(String s) {
        if (!DIGITS.matcher(s).matches()) throw error("expected an instruction number, found '" + s + "'");
        if (s.length() > 12) throw error("instruction number too large: " + s);
        return new Target(null, Long.parseLong(s));
    }

    private static boolean isX(String operand) {
        return operand.equalsIgnoreCase("x") || operand.equalsIgnoreCase("%x");
    }

    private Insn none(String operand, Insn insn) {
        if (!operand.isEmpty()) throw error("unexpected operand '" + operand + "'");
        return insn;
    }

    private int imm(String operand) {
        if (!operand.startsWith("#")) throw error("expected '#k', found '" + operand + "'");
        return number(operand.substring(1));
    }

    private int mem(String operand) {
        Matcher m = MEM.matcher(operand);
        if (!m.matches()) throw error("expected 'M[n]', found '" + operand + "'");
        int slot = number(m.group(1));
        if (slot < 0 || slot >= Insn.MEMWORDS) throw error("scratch slot out of range 0..15: " + m.group(1));
        return slot;
    }

    /** A 32-bit constant: decimal, 0x hex, 0b binary or 0 octal, optionally negative (two's complement). */
    private int number(String s) {
        if (!NUM.matcher(s).matches()) throw error("not a number: '" + s + "'");
        boolean neg = s.startsWith("-");
        String d = neg ? s.substring(1) : s;
        long v;
        if (d.length() > 2 && (d.charAt(1) == 'x' || d.charAt(1) == 'X')) v = parse(d.substring(2), 16, s);
        else if (d.length() > 2 && (d.charAt(1) == 'b' || d.charAt(1) == 'B')) v = parse(d.substring(2), 2, s);
        else if (d.length() > 1 && d.charAt(0) == '0') v = parse(d.substring(1), 8, s);
        else v = parse(d, 10, s);
        if (neg) v = -v;
        if (v < Integer.MIN_VALUE || v > 0xffffffffL) throw error("number does not fit in 32 bits: " + s);
        return (int) v;
    }

    private long parse(String digits, int radix, String s) {
        if (digits.length() > 34) throw error("number does not fit in 32 bits: " + s);
        return Long.parseLong(digits, radix);
    }

    private AssemblyException error(String reason) {
        return new AssemblyException(line, text, reason);
    }

    private static Map<String, Extension> extensions() {
        Map<String, Extension> m = new HashMap<>();
        for (Extension e : Extension.values()) {
            m.put(e.listingName(), e);
            m.put(asmName(e), e);
        }
        return Map.copyOf(m);
    }

    /** The name {@code bpf_asm} gives an extension; it differs from libpcap's listing for two of them. */
    static String asmName(Extension e) {
        return switch (e) {
            case VLAN_TAG_PRESENT -> "vlan_avail";
            case RANDOM -> "rand";
            default -> e.listingName();
        };
    }
}
