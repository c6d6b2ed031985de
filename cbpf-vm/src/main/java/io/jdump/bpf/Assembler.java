package io.jdump.bpf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads programs written outside jdump. Four text forms are recognised by their shape:
 * <ul>
 *   <li>tcpdump's {@code -ddd}: an instruction count line, then {@code code jt jf k} in decimal
 *       per line; also {@code bpf_asm}'s one-line output {@code 4,40 0 0 12,21 0 1 2048,...};</li>
 *   <li>tcpdump's {@code -dd}: C initialisers {@code { 0x28, 0, 0, 0x0000000c },}, possibly
 *       inside a C declaration with comments and blank lines;</li>
 *   <li>tcpdump's {@code -d}: libpcap's listing {@code (000) ldh [12]} with absolute jump targets;</li>
 *   <li>Linux {@code bpf_asm} assembly (kernel {@code Documentation/networking/filter.rst}): labels,
 *       comments, and the sugar {@code jne}/{@code jneq}/{@code jlt}/{@code jle}, which is lowered here
 *       to the real {@code jeq}/{@code jge}/{@code jgt} with swapped targets.</li>
 * </ul>
 * For every program p, {@code parse(Listing.image(p))}, {@code parse(Listing.cArray(p))},
 * {@code parse(Listing.decimal(p))} and {@code parse(Listing.asm(p))} equal p. Errors are
 * {@link AssemblyException}s naming the line.
 */
public final class Assembler {
    private static final Pattern NUMBER_LINE = Pattern.compile("\\s*\\d+\\s*(,.*)?");
    private static final Pattern C_INSN = Pattern.compile(
            "\\{\\s*(\\w+)\\s*,\\s*(\\w+)\\s*,\\s*(\\w+)\\s*,\\s*(\\w+)\\s*}");
    private static final Pattern LISTING_LINE = Pattern.compile("\\s*\\(\\d+\\).*");

    private Assembler() {}

    /** Parses any of the supported text forms, recognised by their shape. */
    public static Program parse(String text) {
        String stripped = AsmParser.stripComments(text);
        String first = firstMeaningfulLine(stripped);
        if (first == null) throw new AssemblyException(0, null, "no instructions");
        if (NUMBER_LINE.matcher(first).matches()) return parseDecimal(text);
        if (C_INSN.matcher(stripped).find()) return parseCArray(text);
        if (LISTING_LINE.matcher(first).matches()) return AsmParser.parseListing(text);
        return AsmParser.parseAsm(text);
    }

    /** Parses {@code bpf_asm} assembly (labels and sugar allowed). */
    public static Program parseAsm(String text) {
        return AsmParser.parseAsm(text);
    }

    /** Parses tcpdump's {@code -d} listing; targets are absolute and pcs must count up from 0. */
    public static Program parseListing(String text) {
        return AsmParser.parseListing(text);
    }

    /**
     * Parses the {@code -ddd} form: a count line, then {@code code jt jf k} per line (decimal; k
     * unsigned). Commas may separate the entries instead of newlines, as {@code bpf_asm} prints them.
     */
    public static Program parseDecimal(String text) {
        List<String[]> entries = new ArrayList<>();       // {line number, entry text}
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String e : lines[i].split(",")) {
                if (!e.isBlank()) entries.add(new String[] {Integer.toString(i + 1), e.strip()});
            }
        }
        if (entries.isEmpty()) throw new AssemblyException(0, null, "no instructions");
        String[] head = entries.getFirst();
        int count = (int) number(Integer.parseInt(head[0]), head[1], head[1], 10, Integer.MAX_VALUE);
        if (count != entries.size() - 1) {
            throw new AssemblyException(Integer.parseInt(head[0]), head[1],
                    "count says " + count + " instructions but " + (entries.size() - 1) + " follow");
        }
        RawInsn[] raw = new RawInsn[count];
        for (int pc = 0; pc < count; pc++) {
            String[] e = entries.get(pc + 1);
            String[] f = e[1].split("\\s+");
            int line = Integer.parseInt(e[0]);
            if (f.length != 4) throw new AssemblyException(line, e[1], "expected 'code jt jf k'");
            raw[pc] = raw(line, e[1], f, 10);
        }
        return decode(raw, pcLines(entries));
    }

    /** Parses the {@code -dd} form: every {@code { code, jt, jf, k }} initialiser, in order; anything else is ignored. */
    public static Program parseCArray(String text) {
        String stripped = AsmParser.stripComments(text);
        String[] lines = text.split("\\R", -1);
        Matcher m = C_INSN.matcher(stripped);
        List<RawInsn> raw = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        int line = 1, counted = 0;
        while (m.find()) {
            line += newlines(stripped, counted, m.start());
            counted = m.start();
            String src = lines[line - 1];
            raw.add(raw(line, src, new String[] {m.group(1), m.group(2), m.group(3), m.group(4)}, 0));
            lineOf.add(line);
        }
        if (raw.isEmpty()) throw new AssemblyException(0, null, "no { code, jt, jf, k } initialisers");
        int[] lineArr = lineOf.stream().mapToInt(Integer::intValue).toArray();
        return decode(raw.toArray(RawInsn[]::new), lineArr);
    }

    private static int[] pcLines(List<String[]> entries) {
        int[] out = new int[entries.size() - 1];
        for (int i = 0; i < out.length; i++) out[i] = Integer.parseInt(entries.get(i + 1)[0]);
        return out;
    }

    private static Program decode(RawInsn[] raw, int[] lines) {
        List<Insn> insns = new ArrayList<>(raw.length);
        for (int pc = 0; pc < raw.length; pc++) {
            try {
                insns.add(Codec.decode(pc, raw[pc]));
            } catch (ProgramException e) {
                throw new AssemblyException(lines[pc], e.getMessage(), "unknown opcode");
            }
        }
        return new Program(insns);
    }

    /** One raw instruction from four number fields; radix 0 means C syntax (0x hex, else decimal). */
    private static RawInsn raw(int line, String src, String[] f, int radix) {
        int code = (int) number(line, src, f[0], radix, 0xffff);
        int jt = (int) number(line, src, f[1], radix, 0xff);
        int jf = (int) number(line, src, f[2], radix, 0xff);
        int k = (int) number(line, src, f[3], radix, 0xffffffffL);
        return new RawInsn(code, jt, jf, k);
    }

    private static long number(int line, String src, String s, int radix, long max) {
        try {
            long v;
            if (radix == 0 && (s.startsWith("0x") || s.startsWith("0X"))) v = Long.parseLong(s.substring(2), 16);
            else v = Long.parseLong(s, 10);
            if (v < 0 || v > max) throw new AssemblyException(line, src, "number out of range 0.." + max + ": " + s);
            return v;
        } catch (NumberFormatException e) {
            throw new AssemblyException(line, src, "not a number: '" + s + "'");
        }
    }

    private static int newlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') n++;
        }
        return n;
    }

    /** The first non-blank line of text whose comments are already blanked out. */
    private static String firstMeaningfulLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) return line;
        }
        return null;
    }
}
