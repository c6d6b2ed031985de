package io.jdump.bpf;

import io.jdump.bpf.oracle.KernelSocketFilter;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The interpreter against the kernel's classic-BPF machine ({@link KernelSocketFilter#run}: the
 * bytes of one AF_UNIX datagram that pass the filter). The kernel sees the datagram as the whole
 * packet (caplen = wirelen = its length) and trims it to the verdict, so the comparison is on
 * min(verdict, length). Programs come from {@link RandomPrograms.Options#kernel()}: no ancillary
 * loads, no shifts by X, no indirect loads, where the kernel knowingly differs from libpcap
 * (socket metadata, a shift count masked to 5 bits, {@code x + k} wrapping modulo 2^32).
 */
@Tag("kernel")
class KernelDifferentialTest {
    private static final int PROGRAMS = 5_000;
    private static final int PACKETS_PER_PROGRAM = 3;

    @Test
    void interpreterKeepsWhatTheKernelKeeps() throws IOException {
        Requirements.require(KernelSocketFilter.available(), "Linux SO_ATTACH_FILTER through JNA");
        long seed = LibpcapDifferentialTest.seed();
        RandomPrograms gen = new RandomPrograms(seed, RandomPrograms.Options.kernel());
        int programs = PROGRAMS * LibpcapDifferentialTest.scale();
        long executions = 0, mismatches = 0, delivered = 0;
        List<String> reports = new ArrayList<>();
        try (KernelSocketFilter kernel = new KernelSocketFilter()) {
            for (int i = 0; i < programs; i++) {
                Program p = Validator.check(gen.program(), Validator.Mode.KERNEL);
                Interpreter interp = new Interpreter(p);
                for (int j = 0; j < PACKETS_PER_PROGRAM; j++) {
                    byte[] pkt = gen.packet();
                    int expected = (int) Math.min(Integer.toUnsignedLong(interp.apply(pkt, pkt.length, pkt.length)), pkt.length);
                    int actual = kernel.run(p, pkt);
                    executions++;
                    if (actual > 0) delivered++;
                    if (expected != actual && mismatches++ < 5) {
                        reports.add("kernel " + actual + " interpreter " + expected + " packet "
                                + HexFormat.of().formatHex(pkt) + "\n" + p);
                    }
                }
            }
        }
        System.out.printf("kernel differential: seed=%d programs=%d executions=%d delivered=%d mismatches=%d%n",
                seed, programs, executions, delivered, mismatches);
        assertEquals(List.of(), reports, "seed " + seed);
    }

    /** The semantics table's rows that the kernel can run the same way, run by the kernel. */
    @Test
    void semanticsTableAgreesWithTheKernelWhereItCan() throws IOException {
        Requirements.require(KernelSocketFilter.available(), "Linux SO_ATTACH_FILTER through JNA");
        List<String> failures = new ArrayList<>();
        int ran = 0;
        try (KernelSocketFilter kernel = new KernelSocketFilter()) {
            for (SemanticsCases.Case c : SemanticsCases.all()) {
                if (!kernelRuns(c)) continue;
                ran++;
                int expected = (int) Math.min(Integer.toUnsignedLong(c.expected()), c.packet().length);
                int actual = kernel.run(c.program(), c.packet());
                if (actual != expected) failures.add(c.name() + ": kernel " + actual + ", table " + expected);
            }
        }
        System.out.println("kernel semantics table: ran " + ran + " of " + SemanticsCases.all().size());
        assertEquals(List.of(), failures);
    }

    /**
     * Whether the kernel runs a row as libpcap does: whole packet captured, no indirect loads, no X
     * shifts, no absolute loads at Linux's special offsets (the kernel answers those from the socket).
     */
    private static boolean kernelRuns(SemanticsCases.Case c) {
        return c.libpcap() && c.caplen() == c.packet().length && c.wirelen() == c.caplen()
                && Validator.accepts(c.program(), Validator.Mode.KERNEL)
                && c.program().insns().stream().noneMatch(i -> i instanceof Insn.LoadInd
                        || i instanceof Insn.LoadAbs(var size, var k) && Integer.compareUnsigned(k, Extension.LL_OFF) >= 0
                        || i instanceof Insn.AluX(var op) && (op == AluOp.LSH || op == AluOp.RSH));
    }
}
