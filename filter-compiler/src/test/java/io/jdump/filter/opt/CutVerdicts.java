package io.jdump.filter.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdump.bpf.Interpreter;
import io.jdump.bpf.Program;
import java.util.List;

/** Two programs' verdicts on frames cut at every capture length (where a load's fault decides). */
final class CutVerdicts {
    private CutVerdicts() {}

    /** Asserts that {@code unopt} and {@code opt} agree on every cut of every frame; returns how many cuts were accepted and rejected. */
    static int[] assertEqual(String expr, Program unopt, Program opt, List<byte[]> frames) {
        Interpreter a = new Interpreter(unopt), b = new Interpreter(opt);
        int accepted = 0, rejected = 0;
        for (byte[] f : frames) {
            for (int len = 0; len <= f.length; len++) {
                int va = a.apply(f, len, f.length);
                int at = len;
                assertEquals(va, b.apply(f, len, f.length), () -> expr + " caplen " + at + " of " + f.length + "\n" + opt);
                if (va != 0) accepted++;
                else rejected++;
            }
        }
        return new int[] {accepted, rejected};
    }
}
