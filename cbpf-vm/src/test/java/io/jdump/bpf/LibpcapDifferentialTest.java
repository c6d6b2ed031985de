package io.jdump.bpf;

import io.jdump.bpf.oracle.LibpcapBpf;
import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The {@link Interpreter} against libpcap's own {@code bpf_filter}, and the {@link Validator}
 * against {@code bpf_validate}, on random programs ({@link RandomPrograms}) and on random and
 * real packets (the corpus pcaps under ../shared/corpus). Seeded: {@code -Djdump.fuzz.seed=N}
 * replays a run, {@code -Djdump.fuzz.scale=N} multiplies its size; the seed and the counts are
 * printed on every run.
 */
@Tag("oracle")
class LibpcapDifferentialTest {
    private static final long DEFAULT_SEED = 0x6a64756d70L;
    private static final int PROGRAMS = 100_000;
    private static final int RANDOM_PACKETS_PER_PROGRAM = 4;
    private static final int REAL_PACKETS_PER_PROGRAM = 4;
    private static final int MAX_REPORTED = 5;

    static long seed() {
        return Long.getLong("jdump.fuzz.seed", DEFAULT_SEED);
    }

    static int scale() {
        return Integer.getInteger("jdump.fuzz.scale", 1);
    }

    /** One execution's input: the packet buffer, how much of it was captured, its wire length. */
    private record Input(byte[] pkt, int caplen, int wirelen) {}

    /** A random packet, or a corpus packet when {@code real}; a fifth of them cut shorter. */
    private static Input input(RandomPrograms gen, List<PcapCorpus.Packet> corpus, boolean real) {
        byte[] pkt;
        int wirelen;
        if (real) {
            PcapCorpus.Packet packet = corpus.get(gen.random().nextInt(corpus.size()));
            pkt = packet.data();
            wirelen = packet.wireLength();
        } else {
            pkt = gen.packet();
            wirelen = gen.wireLength(pkt.length);
        }
        int caplen = gen.random().nextInt(5) == 0 ? gen.random().nextInt(pkt.length + 1) : pkt.length;
        return new Input(pkt, caplen, wirelen);
    }

    @Test
    void interpreterReturnsWhatLibpcapReturns() {
        Requirements.require(LibpcapBpf.available(), "libpcap.so.0.8 (bpf_filter)");
        List<PcapCorpus.Packet> corpus = corpus();
        long seed = seed();
        RandomPrograms gen = new RandomPrograms(seed, RandomPrograms.Options.libpcap());
        int programs = PROGRAMS * scale();
        long executions = 0, nonZero = 0, mismatches = 0;
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < programs; i++) {
            Program p = Validator.check(gen.program(), Validator.Mode.LIBPCAP);
            Interpreter interp = new Interpreter(p);
            try (LibpcapBpf.Loaded pcap = LibpcapBpf.load(p)) {
                for (int j = 0; j < RANDOM_PACKETS_PER_PROGRAM + REAL_PACKETS_PER_PROGRAM; j++) {
                    Input in = input(gen, corpus, j >= RANDOM_PACKETS_PER_PROGRAM);
                    int expected = pcap.run(in.pkt(), in.caplen(), in.wirelen());
                    int actual = interp.apply(in.pkt(), 0, in.caplen(), in.wirelen(), AncillaryData.NONE);
                    executions++;
                    if (expected != 0) nonZero++;
                    if (expected != actual && mismatches++ < MAX_REPORTED) reports.add(report(p, in, expected, actual));
                }
            }
        }
        String counts = String.format("libpcap differential: seed=%d programs=%d packets=%d (random %d, real %d; corpus of %d) "
                + "executions=%d (non-zero verdicts %d) mismatches=%d", seed, programs, executions,
                (long) programs * RANDOM_PACKETS_PER_PROGRAM, (long) programs * REAL_PACKETS_PER_PROGRAM, corpus.size(),
                executions, nonZero, mismatches);
        System.out.println(counts);
        if (mismatches > 0) fail(counts + "\n" + String.join("\n", reports));
    }

    static java.util.stream.Stream<SemanticsCases.Case> libpcapCases() {
        return SemanticsCases.all().stream().filter(SemanticsCases.Case::libpcap);
    }

    /** Every row of the semantics table that libpcap defines has libpcap's own verdict. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("libpcapCases")
    void semanticsTableIsLibpcaps(SemanticsCases.Case c) {
        Requirements.require(LibpcapBpf.available(), "libpcap.so.0.8 (bpf_filter)");
        assertTrue(LibpcapBpf.validate(Codec.encode(c.program())), "bpf_validate refuses\n" + c.program());
        try (LibpcapBpf.Loaded pcap = LibpcapBpf.load(c.program())) {
            assertEquals(Integer.toUnsignedString(c.expected()),
                    Integer.toUnsignedString(pcap.run(c.packet(), c.caplen(), c.wirelen())), c.program()::toString);
        }
    }

    private static List<PcapCorpus.Packet> corpus() {
        Path dir = Requirements.shared().resolve("corpus");
        Requirements.require(Files.isDirectory(dir), "the packet corpus " + dir);
        List<PcapCorpus.Packet> packets = PcapCorpus.readAll(dir);
        assertTrue(packets.size() > 1000, "corpus too small: " + packets.size());
        return packets;
    }

    private static String report(Program p, Input in, int expected, int actual) {
        return "libpcap " + Integer.toUnsignedString(expected) + " interpreter " + Integer.toUnsignedString(actual)
                + " caplen " + in.caplen() + " wirelen " + Integer.toUnsignedString(in.wirelen())
                + "\npacket " + HexFormat.of().formatHex(in.pkt(), 0, in.caplen()) + "\n" + p + Listing.decimal(p);
    }

    /**
     * On valid and mutated programs: whatever {@code bpf_validate} refuses, {@link Validator} refuses
     * in LIBPCAP mode; where we refuse what libpcap accepts, it is one of the two documented
     * cases (an opcode outside the 49 forms, a {@code ja} offset that wraps in libpcap's check).
     */
    @Test
    void validatorRefusesWhatBpfValidateRefuses() {
        Requirements.require(LibpcapBpf.available(), "libpcap.so.0.8 (bpf_validate)");
        long seed = seed();
        RandomPrograms gen = new RandomPrograms(seed, RandomPrograms.Options.libpcap());
        int programs = 20_000 * scale();
        int bothAccept = 0, bothRefuse = 0, stricter = 0, disagreements = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < programs; i++) {
            Program p = gen.program();
            RawInsn[] raw = i % 4 == 0 ? Codec.encode(p) : gen.mutate(p);
            boolean libpcap = LibpcapBpf.validate(raw);
            String ours = refusal(raw);
            if (libpcap && ours == null) bothAccept++;
            else if (!libpcap && ours != null) bothRefuse++;
            else if (libpcap && (ours.endsWith("unknown opcode") || ours.contains("ja "))) stricter++;
            else if (disagreements++ < MAX_REPORTED) {
                problems.add("libpcap " + (libpcap ? "accepts" : "refuses") + ", we say " + ours + "\n" + dump(raw));
            }
        }
        System.out.printf("libpcap validate: seed=%d programs=%d bothAccept=%d bothRefuse=%d stricter=%d disagreements=%d%n",
                seed, programs, bothAccept, bothRefuse, stricter, disagreements);
        assertEquals(List.of(), problems, "seed " + seed + ", " + disagreements + " disagreements");
    }

    /** The {@code -ddd} form of raw instructions, valid or not. */
    static String dump(RawInsn[] raw) {
        StringBuilder sb = new StringBuilder().append(raw.length).append('\n');
        for (RawInsn r : raw) {
            sb.append(r.code()).append(' ').append(r.jt()).append(' ').append(r.jf()).append(' ')
              .append(Integer.toUnsignedString(r.k())).append('\n');
        }
        return sb.toString();
    }

    /** Every row of {@link ValidatorTest}'s table has libpcap's verdict in LIBPCAP mode. */
    @Test
    void validatorTableIsLibpcaps() {
        Requirements.require(LibpcapBpf.available(), "libpcap.so.0.8 (bpf_validate)");
        List<String> wrong = new ArrayList<>();
        ValidatorTest.programs().map(org.junit.jupiter.params.provider.Arguments::get).forEach(row -> {
            Program p = (Program) row[1];
            if (LibpcapBpf.validate(Codec.encode(p)) != (row[2] == null)) wrong.add(row[0] + "\n" + p);
        });
        assertEquals(List.of(), wrong);
    }

    /**
     * {@link Listing#line} is libpcap's {@code bpf_image} on random programs, ancillary names included.
     * Two known differences of the installed libpcap 1.10.3 are allowed: it pads operand-less
     * instructions with blanks (the filter suite's newer libpcap does not), and it prints
     * {@code ldx #pktlen} as {@code unimp 0x81}.
     */
    @Test
    void listingIsBpfImage() {
        Requirements.require(LibpcapBpf.available(), "libpcap.so.0.8 (bpf_image)");
        long seed = seed();
        RandomPrograms gen = new RandomPrograms(seed, RandomPrograms.Options.libpcap());
        int lines = 0, differences = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 10_000 * scale(); i++) {
            Program p = gen.program();
            for (int pc = 0; pc < p.size(); pc++) {
                RawInsn raw = Codec.encode(p.get(pc));
                if (raw.code() == 0x81) continue;
                lines++;
                String theirs = LibpcapBpf.image(raw, pc).stripTrailing();
                String ours = Listing.line(pc, p.get(pc));
                if (!theirs.equals(ours) && differences++ < MAX_REPORTED) wrong.add("libpcap '" + theirs + "' ours '" + ours + "'");
            }
        }
        System.out.printf("listing vs bpf_image: seed=%d lines=%d differences=%d%n", seed, lines, differences);
        assertEquals(List.of(), wrong, "seed " + seed + ", " + differences + " differences");
    }

    private static String refusal(RawInsn[] raw) {
        try {
            Validator.decode(raw, Validator.Mode.LIBPCAP);
            return null;
        } catch (ProgramException e) {
            return e.getMessage();
        }
    }
}
