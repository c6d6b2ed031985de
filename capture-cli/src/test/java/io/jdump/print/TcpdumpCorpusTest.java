package io.jdump.print;

import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tcpdump's own golden outputs (shared/tcpdump-corpus): each case is printed with its complete
 * option list and compared byte for byte with the output of the installed tcpdump 4.99.3
 * ({@code installed_output_file}). Cases with a filter expression (they need the filter compiler)
 * and pcapng inputs (no reader yet) are counted as skipped. Reports rates per group and fails
 * below ratcheted floors.
 */
class TcpdumpCorpusTest {
    /** Ratchets: identical cases / cases run. Raise when the printers improve, never lower. */
    static final double CHOSEN_FLOOR = 0.98;
    static final double EXTENDED_FLOOR = 0.84;
    static final double GENERATED_FLOOR = 1.0;

    private static final Map<String, Pattern> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("hex/ascii dumps", Pattern.compile("print-.*"));
        GROUPS.put("time formats", Pattern.compile("tcp-handshake.*|timestamp_invalid.*"));
        GROUPS.put("tcp", Pattern.compile("tcp.*|tfo|accecn.*|ipv4_tcp_http_xml|ssh"));
        GROUPS.put("dns", Pattern.compile("dns.*|edns.*"));
        GROUPS.put("link types", Pattern.compile("LINKTYPE.*"));
        GROUPS.put("vlan/arp", Pattern.compile("802\\.1ad.*|arp.*"));
        GROUPS.put("icmp/icmpv6", Pattern.compile("icmp.*"));
        GROUPS.put("invalid ip", Pattern.compile("ipv4_invalid.*|ipv6.*"));
        GROUPS.put("dhcp", Pattern.compile("dhcp.*"));
        GROUPS.put("filters", Pattern.compile("pppoes_id|geneve-.*"));
        GROUPS.put("empty", Pattern.compile("empty.*"));
    }

    record Case(String name, Path input, String options, String expression, Path expected) {}

    record Result(int identical, int run, int skipped, List<String> failures) {
        double rate() { return run == 0 ? 0 : identical / (double) run; }
    }

    @Test
    void chosenCases() throws IOException {
        Result r = runAll("cases.tsv", true);
        assertTrue(r.rate() >= CHOSEN_FLOOR, () -> "chosen cases below floor " + CHOSEN_FLOOR + ": " + r.failures());
    }

    @Test
    void extendedCases() throws IOException {
        Result r = runAll("cases-extended.tsv", false);
        assertTrue(r.rate() >= EXTENDED_FLOOR, () -> "extended cases below floor " + EXTENDED_FLOOR);
    }

    @Test
    void generatedCases() throws IOException {
        Result r = runAll("cases-generated.tsv", false);
        assertTrue(r.rate() >= GENERATED_FLOOR, () -> "generated cases below floor " + GENERATED_FLOOR);
    }

    private Result runAll(String table, boolean byGroup) throws IOException {
        Path dir = Requirements.shared().resolve("tcpdump-corpus");
        Requirements.require(Files.isRegularFile(dir.resolve(table)), "tcpdump corpus " + table);
        List<Case> cases = read(dir, table);
        Map<String, int[]> groups = new LinkedHashMap<>();
        int identical = 0, run = 0, skipped = 0;
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String group = byGroup ? group(c.name()) : "all";
            int[] g = groups.computeIfAbsent(group, k -> new int[3]);
            if (!c.expression().isEmpty() || !Render.isClassicPcap(c.input())) {
                skipped++;
                g[2]++;
                continue;
            }
            Options o = Options.of(c.options());
            if (o == null) {
                skipped++;
                g[2]++;
                continue;
            }
            run++;
            g[1]++;
            String expected = Files.readString(c.expected(), StandardCharsets.ISO_8859_1);
            String actual = Render.file(c.input(), o.print(), o.count());
            if (expected.equals(actual)) {
                identical++;
                g[0]++;
            } else {
                failures.add(c.name() + ": " + LineMatch.firstDifference(LineMatch.lines(expected), LineMatch.lines(actual)));
            }
        }
        StringBuilder sb = new StringBuilder("[print] " + table + "\n");
        groups.forEach((k, v) -> sb.append(String.format("  %-16s %3d/%3d identical, %d skipped%n", k, v[0], v[1], v[2])));
        sb.append(String.format("  total            %3d/%3d identical (%.3f), %d skipped (filter expression, pcapng or unsupported option)%n",
                identical, run, run == 0 ? 0.0 : identical / (double) run, skipped));
        if (Boolean.getBoolean("jdump.print.failures")) failures.forEach(f -> sb.append("  FAIL ").append(f).append('\n'));
        System.out.print(sb);
        return new Result(identical, run, skipped, failures);
    }

    /** A case's options: what the printer takes, plus tcpdump's {@code -c} frame count. */
    record Options(PrintOptions print, int count) {
        private static final Pattern COUNT = Pattern.compile("-c\\s*(\\d+)");

        /** Null when the case uses an option the printer does not support (such as {@code -T}). */
        static Options of(String words) {
            var m = COUNT.matcher(words);
            int count = Integer.MAX_VALUE;
            if (m.find()) {
                count = Integer.parseInt(m.group(1));
                words = m.replaceAll("");
            }
            try {
                return new Options(PrintOptions.parse(words), count);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private static String group(String name) {
        for (var e : GROUPS.entrySet()) if (e.getValue().matcher(name).matches()) return e.getKey();
        return "other";
    }

    private static List<Case> read(Path dir, String table) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(table));
        List<String> header = List.of(lines.getFirst().split("\t", -1));
        int name = header.indexOf("name"), input = header.indexOf("input_file"), opts = header.indexOf("options");
        int expr = header.indexOf("expression"), out = header.indexOf("installed_output_file");
        List<Case> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            cases.add(new Case(f[name], dir.resolve(f[input]), f[opts], f[expr], dir.resolve(f[out])));
        }
        return cases;
    }
}
