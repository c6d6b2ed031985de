package io.jdump.bpf;

import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The {@code -d}, {@code -dd} and {@code -ddd} texts against libpcap: the filter suite's listing of
 * every opcode, tcpdump's own output for a few filters, and our all-instructions golden triple
 * ({@code .asm} → {@code .listing} (-d) → {@code .raw} (-ddd text)). {@code -Dgolden.update=true}
 * rewrites the golden files from the {@code .asm}.
 */
class ListingTest {
    private static final String RESOURCES = "src/test/resources/io/jdump/bpf/";

    /** libpcap's listing of every valid opcode with k=15, jt=1, jf=0, as filtertest prints it: {@code "; 0xCODE"} at column 50. */
    @Test
    void everyOpcodeListsAsLibpcapDoes() throws IOException {
        String expected = suiteListing("accept_bpf_image_unopt_0");
        List<Insn> insns = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        for (int code = 0; code <= 0xffff; code++) {
            try {
                insns.add(Codec.decode(0, new RawInsn(code, 1, 0, 15)));
                codes.add(code);
            } catch (ProgramException unknown) {
                // not an instruction: filtertest skips it too
            }
        }
        // filtertest's order: by opcode, with the two returns last
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> insns.get(i).isReturn()).thenComparing(codes::get));
        StringBuilder actual = new StringBuilder();
        List<Insn> program = new ArrayList<>();
        for (int pc = 0; pc < order.size(); pc++) {
            int i = order.get(pc);
            actual.append(String.format("%-50s; 0x%04x%n", Listing.line(pc, insns.get(i)), codes.get(i)));
            program.add(insns.get(i));
        }
        assertEquals(49, insns.size(), "classic BPF has 49 instruction forms");
        assertEquals(expected, actual.toString().replace(System.lineSeparator(), "\n"));
        assertEquals(new Program(program), Assembler.parse(expected), "the suite's text reads back");
    }

    static List<String> filters() {
        return List.of("ip", "tcp port 80 and host 10.0.0.1", "vlan and udp", "ether[0] & 1 != 0", "len > 100 or len <= 40",
                "ip[2:2] / 4 > 10 or icmp", "ip and tcp[13] & 2 != 0", "arp or (ip and ip[6:2] & 0x1fff = 0)");
    }

    @Tag("oracle")
    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void allThreeFormsEqualTcpdumps(String filter) throws Exception {
        Requirements.require(Requirements.onPath("tcpdump") != null, "tcpdump on PATH");
        for (String opt : new String[] {"-O", ""}) {
            String ddd = tcpdump(opt, "-ddd", filter);
            Program p = Assembler.parse(ddd);
            assertEquals(ddd, Listing.decimal(p), "-ddd " + opt);
            assertEquals(tcpdump(opt, "-dd", filter), Listing.cArray(p), "-dd " + opt);
            // libpcap 1.10.3 pads operand-less lines ("tax      "); the suite (newer libpcap) does not, and is the authority
            String d = tcpdump(opt, "-d", filter);
            assertEquals(d.replaceAll(" +\n", "\n"), Listing.image(p), "-d " + opt);
            assertEquals(p, Assembler.parse(d));
            assertEquals(p, Assembler.parse(Listing.asm(p)));
        }
    }

    @Test
    void allInstructionsGoldenTriple() throws IOException {
        String asm = resource("all_instructions.asm");
        Program p = Assembler.parse(asm);
        golden("all_instructions.listing", Listing.image(p));
        golden("all_instructions.raw", Listing.decimal(p));
        assertEquals(p, Assembler.parse(resource("all_instructions.listing")));
        assertEquals(p, Assembler.parse(resource("all_instructions.raw")));
        assertEquals(p, Assembler.parse(Listing.asm(p)));
        assertEquals(p, Assembler.parse(Listing.cArray(p)));
        assertEquals(49, p.insns().stream().map(Codec::opcode).distinct().count(), "every opcode appears");
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = Path.of(RESOURCES + name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
            return;
        }
        String expected = resource(name);
        if (!expected.equals(actual)) Files.writeString(Path.of("target", name + ".actual"), actual);
        assertEquals(expected, actual, name + " differs; see target/" + name + ".actual, or rerun with -Dgolden.update=true");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ListingTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String tcpdump(String opt, String form, String filter) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-y", "EN10MB"));
        if (!opt.isEmpty()) cmd.add(opt);
        cmd.add(form);
        cmd.add(filter);
        Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!proc.waitFor(30, TimeUnit.SECONDS)) proc.destroyForcibly();
        assertEquals(0, proc.exitValue(), String.join(" ", cmd));
        return out;
    }

    /** The expected listing of one case of the libpcap filter suite (cases.jsonl, one JSON object a line). */
    private static String suiteListing(String name) throws IOException {
        Path cases = Requirements.sharedFile("libpcap-filter-suite/cases.jsonl");
        String tag = "\"name\": \"" + name + "\"";
        try (var lines = Files.lines(cases)) {
            String line = lines.filter(l -> l.contains(tag)).findFirst().orElseThrow();
            return jsonString(line, "expected_listing");
        }
    }

    /** The string value of {@code key} in a flat JSON object (enough JSON for the suite's string fields). */
    static String jsonString(String json, String key) {
        int i = json.indexOf("\"" + key + "\": \"");
        if (i < 0) throw new IllegalArgumentException("no string " + key);
        StringBuilder sb = new StringBuilder();
        for (i += key.length() + 5; json.charAt(i) != '"'; i++) {
            char c = json.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = json.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }
}
