package io.jdump.print;

import io.jdump.testing.Requirements;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tcpdump's own golden outputs (shared/tcpdump-corpus), run end to end as tcpdump's harness runs
 * them: the real command in-process with the case's complete option list, {@code -r input} and
 * the filter expression as one word. A case passes when the exit status is the expected one and
 * standard output is byte-identical to the installed tcpdump 4.99.3's ({@code installed_output_file});
 * for a compile error, when our {@code jdump:} message equals tcpdump's {@code tcpdump:} one. The
 * filter cases also run their {@code bpf_dump_file} program through {@code --bpf}, which must select
 * (and so print) the same packets. Reports rates per group and fails below ratcheted floors; set
 * {@code -Djdump.print.failures=true} to list the first difference of every failing case.
 */
class TcpdumpCorpusTest {
    /** Ratchets: passing cases / cases. Raise when the printers improve, never lower. */
    static final double CHOSEN_FLOOR = 0.96;
    static final double EXTENDED_FLOOR = 0.96;
    static final double GENERATED_FLOOR = 1.0;
    static final double FILTER_FLOOR = 0.92;
    static final double BPF_FLOOR = 1.0;

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

    /** One row of a cases table; {@code bpf} is null when the table has no program column. */
    record Case(String name, Path input, String options, String expression, Path expected, Path bpf, int status) {}

    record Result(int passed, int run, List<String> failures) {
        double rate() { return run == 0 ? 0 : passed / (double) run; }
    }

    @Test
    void chosenCases() throws IOException {
        Result r = runAll("cases.tsv", true, TcpdumpCorpusTest::viaExpression, "");
        assertTrue(r.rate() >= CHOSEN_FLOOR, () -> "chosen cases below floor " + CHOSEN_FLOOR + ": " + r.failures());
    }

    @Test
    void extendedCases() throws IOException {
        Result r = runAll("cases-extended.tsv", false, TcpdumpCorpusTest::viaExpression, "");
        assertTrue(r.rate() >= EXTENDED_FLOOR, () -> "extended cases below floor " + EXTENDED_FLOOR + ": " + r.failures());
    }

    @Test
    void generatedCases() throws IOException {
        Result r = runAll("cases-generated.tsv", false, TcpdumpCorpusTest::viaExpression, "");
        assertTrue(r.rate() >= GENERATED_FLOOR, () -> "generated cases below floor " + GENERATED_FLOOR + ": " + r.failures());
    }

    @Test
    void filterCasesThroughOurCompiler() throws IOException {
        Result r = runAll("cases-filters.tsv", false, TcpdumpCorpusTest::viaExpression, "");
        assertTrue(r.rate() >= FILTER_FLOOR, () -> "filter cases below floor " + FILTER_FLOOR + ": " + r.failures());
    }

    @Test
    void filterCasesThroughTheirPrograms() throws IOException {
        Result r = runAll("cases-filters.tsv", false, TcpdumpCorpusTest::viaProgram, " through --bpf <bpf_dump_file>");
        assertTrue(r.run() > 0, "no filter programs run");
        assertTrue(r.rate() >= BPF_FLOOR, () -> "filter programs below floor " + BPF_FLOOR + ": " + r.failures());
    }

    /** The case's command line with its expression, or null to leave the case out. */
    static List<String> viaExpression(Case c) {
        List<String> args = command(c);
        if (!c.expression().isEmpty()) args.add(c.expression());
        return args;
    }

    /** The case's command line with tcpdump's {@code -d} program instead of the expression, or null without one. */
    static List<String> viaProgram(Case c) {
        if (c.bpf() == null) return null;
        List<String> args = command(c);
        args.add("--bpf");
        args.add(c.bpf().toString());
        return args;
    }

    private static List<String> command(Case c) {
        List<String> args = new ArrayList<>(Arrays.asList(c.options().trim().split("\\s+")));
        args.add("-r");
        args.add(c.input().toString());
        return args;
    }

    private Result runAll(String table, boolean byGroup, Function<Case, List<String>> commandLine, String how) throws IOException {
        Path dir = Requirements.shared().resolve("tcpdump-corpus");
        Requirements.require(Files.isRegularFile(dir.resolve(table)), "tcpdump corpus " + table);
        Map<String, int[]> groups = new LinkedHashMap<>();
        int passed = 0, run = 0;
        List<String> failures = new ArrayList<>();
        for (Case c : read(dir, table)) {
            List<String> args = commandLine.apply(c);
            if (args == null) continue;
            int[] g = groups.computeIfAbsent(byGroup ? group(c.name()) : "all", k -> new int[2]);
            run++;
            g[1]++;
            String difference = difference(c, Cli.run(args));
            if (difference == null) {
                passed++;
                g[0]++;
            } else {
                failures.add(c.name() + ": " + abbreviate(difference));
            }
        }
        StringBuilder sb = new StringBuilder("[print] " + table + how + "\n");
        groups.forEach((k, v) -> sb.append(String.format("  %-16s %3d/%3d identical%n", k, v[0], v[1])));
        sb.append(String.format("  total            %3d/%3d identical (%.3f)%n", passed, run, run == 0 ? 0.0 : passed / (double) run));
        if (Boolean.getBoolean("jdump.print.failures")) failures.forEach(f -> sb.append("  FAIL ").append(f).append('\n'));
        System.out.print(sb);
        return new Result(passed, run, failures);
    }

    /** Why the run does not match the case, or null when it does. */
    private static String difference(Case c, Cli.Result r) throws IOException {
        String expected = Files.readString(c.expected(), StandardCharsets.ISO_8859_1);
        if (c.status() != 0) {
            String want = expected.strip().replaceFirst("^tcpdump: ", "");
            String got = r.lastError().replaceFirst("^jdump: ", "");
            if (r.status() != c.status()) return "exit status " + r.status() + ", expected " + c.status();
            return want.equals(got) ? null : "error '" + got + "', expected '" + want + "'";
        }
        if (r.status() != 0) return "exit status " + r.status() + ": " + r.lastError();
        if (expected.equals(r.out())) return null;
        return LineMatch.firstDifference(LineMatch.lines(expected), LineMatch.lines(r.out()));
    }

    /** A difference cut to a readable size (some corpus lines run to tens of kilobytes). */
    private static String abbreviate(String s) {
        return s.lines().map(l -> l.length() > 400 ? l.substring(0, 400) + "..." : l).reduce((a, b) -> a + "\n" + b).orElse(s);
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
        int bpf = header.indexOf("bpf_dump_file"), status = header.indexOf("exit_status");
        List<Case> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            Path program = bpf < 0 || f[bpf].isEmpty() ? null : dir.resolve(f[bpf]);
            int exit = status < 0 || f[status].isEmpty() ? 0 : Integer.parseInt(f[status]);
            cases.add(new Case(f[name], dir.resolve(f[input]), f[opts], f[expr], dir.resolve(f[out]), program, exit));
        }
        return cases;
    }
}
