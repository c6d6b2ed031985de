package io.jdump.bpf;

import io.jdump.bpf.oracle.KernelSocketFilter;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@link Validator}'s {@link Validator.Mode#KERNEL} verdict against the running kernel's own
 * ({@code SO_ATTACH_FILTER} on an AF_UNIX socket; EINVAL = refused): on every 16-bit opcode, and on
 * random valid programs and their mutations ({@link RandomPrograms#mutate}). Zero disagreements
 * are required. Seeded like {@link LibpcapDifferentialTest}; counts and seed are printed.
 */
@Tag("kernel")
class KernelValidatorAgreementTest {
    private static final int PROGRAMS = 25_000;
    private static final int MAX_REPORTED = 5;

    @Test
    void everyOpcodeIsJudgedAsTheKernelJudgesIt() throws IOException {
        Requirements.require(KernelSocketFilter.available(), "Linux SO_ATTACH_FILTER through JNA");
        int agreements = 0, accepted = 0, programs = 0;
        List<String> disagreements = new ArrayList<>();
        try (KernelSocketFilter kernel = new KernelSocketFilter()) {
            for (int code = 0; code < 0x10000; code++) {
                for (int k : code < 0x100 ? new int[] {0, 1, 16, 32} : new int[] {1}) {
                    programs++;
                    RawInsn[] raw = {new RawInsn(code, 0, 0, k), new RawInsn(0x06, 0, 0, 0)};
                    boolean theirs = kernel.accepts(raw);
                    if (theirs == Validator.accepts(raw, Validator.Mode.KERNEL)) agreements++;
                    else if (disagreements.size() < MAX_REPORTED) disagreements.add(verdicts(theirs, raw));
                    if (theirs) accepted++;
                }
            }
        }
        System.out.printf("kernel opcodes: programs=%d kernelAccepted=%d agreements=%d disagreements=%d%n",
                programs, accepted, agreements, programs - agreements);
        assertEquals(List.of(), disagreements);
    }

    @Test
    void randomAndMutatedProgramsAreJudgedAsTheKernelJudgesThem() throws IOException {
        Requirements.require(KernelSocketFilter.available(), "Linux SO_ATTACH_FILTER through JNA");
        long seed = LibpcapDifferentialTest.seed();
        RandomPrograms gen = new RandomPrograms(seed, RandomPrograms.Options.libpcap());
        int programs = PROGRAMS * LibpcapDifferentialTest.scale();
        int validAgree = 0, invalidAgree = 0, kernelValid = 0, kernelInvalid = 0, disagreements = 0;
        List<String> reports = new ArrayList<>();
        java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
        try (KernelSocketFilter kernel = new KernelSocketFilter()) {
            for (int i = 0; i < programs; i++) {
                Program p = gen.program();
                RawInsn[] raw = i % 4 == 0 ? Codec.encode(p) : gen.mutate(p);
                boolean theirs = kernel.accepts(raw);
                boolean ours = Validator.accepts(raw, Validator.Mode.KERNEL);
                if (theirs) kernelValid++;
                else kernelInvalid++;
                if (theirs == ours) {
                    if (theirs) validAgree++;
                    else {
                        invalidAgree++;
                        reasons.merge(reason(raw), 1, Integer::sum);
                    }
                } else if (disagreements++ < MAX_REPORTED) {
                    reports.add(verdicts(theirs, raw));
                }
            }
        }
        System.out.printf("kernel validator: seed=%d programs=%d kernelValid=%d kernelInvalid=%d agreements=%d "
                + "(valid %d, invalid %d) disagreements=%d%n", seed, programs, kernelValid, kernelInvalid,
                validAgree + invalidAgree, validAgree, invalidAgree, disagreements);
        System.out.println("kernel validator: refusals by rule " + reasons);
        assertEquals(List.of(), reports, "seed " + seed + ", " + disagreements + " disagreements");
    }

    /** Every row of {@link ValidatorTest}'s tables has the kernel's verdict. */
    @Test
    void validatorTablesAreTheKernels() throws IOException {
        Requirements.require(KernelSocketFilter.available(), "Linux SO_ATTACH_FILTER through JNA");
        List<String> wrong = new ArrayList<>();
        try (KernelSocketFilter kernel = new KernelSocketFilter()) {
            ValidatorTest.programs().map(org.junit.jupiter.params.provider.Arguments::get).forEach(row -> {
                Program p = (Program) row[1];
                if (accepts(kernel, Codec.encode(p)) != (row[3] == null)) wrong.add(row[0] + "\n" + p);
            });
            ValidatorTest.rawPrograms().map(org.junit.jupiter.params.provider.Arguments::get).forEach(row -> {
                if (accepts(kernel, ValidatorTest.raw((String) row[1])) != (row[2] == null)) wrong.add((String) row[0]);
            });
        }
        assertEquals(List.of(), wrong);
    }

    private static boolean accepts(KernelSocketFilter kernel, RawInsn[] raw) {
        try {
            return kernel.accepts(raw);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String reason(RawInsn[] raw) {
        try {
            Validator.decode(raw, Validator.Mode.KERNEL);
            return "none";
        } catch (ProgramException e) {
            return e.reason().replaceAll("[0-9]+", "N");
        }
    }

    private static String verdicts(boolean kernel, RawInsn[] raw) {
        String ours;
        try {
            Validator.decode(raw, Validator.Mode.KERNEL);
            ours = "accepts";
        } catch (ProgramException e) {
            ours = "refuses: " + e.getMessage();
        }
        String program = raw.length > 20 ? raw.length + " instructions" : LibpcapDifferentialTest.dump(raw);
        return "kernel " + (kernel ? "accepts" : "refuses") + ", validator " + ours + "\n" + program;
    }
}
