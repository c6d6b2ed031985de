package io.jdump.bpf;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads programs written outside jdump: tcpdump's {@code -ddd} form, its {@code -dd} C-array
 * form, and Linux {@code bpf_asm} assembly.
 */
public final class Assembler {
    private Assembler() {}

    /** Parses any of the supported text forms, recognised by their shape. */
    public static Program parse(String text) {
        return parseDecimal(text);
    }

    /** Parses the {@code -ddd} form: a count line, then {@code code jt jf k} per line. */
    public static Program parseDecimal(String text) {
        String[] lines = text.strip().split("\\R");
        int count = Integer.parseInt(lines[0].strip());
        List<RawInsn> raw = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String[] f = lines[i].strip().split("\\s+");
            raw.add(new RawInsn(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseUnsignedInt(f[3])));
        }
        return Codec.decode(raw.toArray(RawInsn[]::new));
    }
}
