package io.jdump.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.jdump.cli.Jdump.testdata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad command lines: tcpdump's one-line message (getopt's for usage errors), exit status 1, no stack trace. */
class UsageTest {
    static final String HTTP = testdata("http.pcap");

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"-c"}, "jdump: option requires an argument -- 'c'"),
                Arguments.of(new String[] {"-r"}, "jdump: option requires an argument -- 'r'"),
                Arguments.of(new String[] {"--bpf"}, "jdump: option '--bpf' requires an argument"),
                Arguments.of(new String[] {"--time-stamp-precision"}, "jdump: option '--time-stamp-precision' requires an argument"),
                Arguments.of(new String[] {"-k"}, "jdump: invalid option -- 'k'"),
                Arguments.of(new String[] {"-nk"}, "jdump: invalid option -- 'k'"),
                Arguments.of(new String[] {"--foo"}, "jdump: unrecognized option '--foo'"),
                Arguments.of(new String[] {"--count=3"}, "jdump: option '--count' doesn't allow an argument"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("usageErrors")
    void usageErrorPrintsGetoptsMessageThenUsage(String[] args, String message) {
        Jdump.Result r = Jdump.run(args);
        assertEquals(1, r.status());
        assertEquals(message, r.err().lines().findFirst().orElseThrow());
        assertTrue(r.err().contains("Usage: jdump"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(new String[] {"-c", "abc", "-r", HTTP}, "jdump: invalid packet count abc"),
                Arguments.of(new String[] {"-c", "0", "-r", HTTP}, "jdump: invalid packet count 0"),
                Arguments.of(new String[] {"-s", "abc", "-d"}, "jdump: invalid snaplen abc (must be >= 0 and <= 262144)"),
                Arguments.of(new String[] {"-s", "300000", "-d"}, "jdump: invalid snaplen 300000 (must be >= 0 and <= 262144)"),
                Arguments.of(new String[] {"-y", "FOO", "-d"}, "jdump: invalid data link type FOO"),
                Arguments.of(new String[] {"--time-stamp-precision=foo", "-r", HTTP}, "jdump: unsupported time stamp precision"),
                Arguments.of(new String[] {"-r", "/nonexistent.pcap"}, "jdump: /nonexistent.pcap: No such file or directory"),
                Arguments.of(new String[] {"-r", "/"}, "jdump: error reading dump file: Is a directory"),
                Arguments.of(new String[] {"-r", HTTP, "--bpf", "/nonexistent.bpf"}, "jdump: can't open /nonexistent.bpf: No such file or directory"),
                Arguments.of(new String[] {"-r", HTTP, "-F", "/nonexistent.txt"}, "jdump: can't open /nonexistent.txt: No such file or directory"),
                Arguments.of(new String[] {"-r", HTTP, "-w", "/nonexistent/out.pcap"}, "jdump: /nonexistent/out.pcap: No such file or directory"),
                Arguments.of(new String[] {"-r", "-", "--bpf", "-"}, "jdump: -r - and --bpf - cannot both read standard input"),
                Arguments.of(new String[] {"--bpf", testdata("tcp-port-80.bpf"), "-r", HTTP, "tcp"}, "jdump: --bpf cannot be combined with a filter expression"),
                Arguments.of(new String[] {"-i", "nosuchif0", "-c", "1"}, "(No such device exists)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badValues")
    void badValueFailsWithOneLine(String[] args, String message) {
        Jdump.Result r = Jdump.run(args);
        assertEquals(1, r.status());
        assertEquals(message, r.lastError());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void badProgramIsReportedOnOneLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.bpf"), "2\n6 0 0\n");
        Jdump.Result r = Jdump.run("--bpf", bad.toString(), "-d");
        assertEquals(1, r.status());
        assertTrue(r.lastError().startsWith("jdump: can't parse BPF program " + bad + ": "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void debugAddsTheStackTrace() {
        Jdump.Result r = Jdump.run("--debug", "-r", "/nonexistent.pcap");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("jdump: /nonexistent.pcap: No such file or directory\n"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void expressionWordsAreCompiled() {
        Jdump.Result r = Jdump.run("-r", HTTP, "--count", "tcp", "port", "80");
        assertEquals(0, r.status(), r.err());
        assertEquals("10 packets\n", r.out());
    }

    @Test
    void syntaxErrorSaysWhereOnOneLine() {
        Jdump.Result r = Jdump.run("-r", HTTP, "tcp", "and");
        assertEquals(1, r.status());
        assertEquals("jdump: can't parse filter expression: syntax error (at character 8: end of expression)", r.lastError());
    }

    @Test
    void semanticErrorIsLibpcapsMessageWithoutTheParsePrefix() {
        Jdump.Result port = Jdump.run("-r", HTTP, "port", "70000");
        assertEquals(1, port.status());
        assertEquals("jdump: port number 70000 greater than maximum 65535", port.lastError());
    }

    @Test
    void unknownHostIsOneLine() {
        Jdump.Result r = Jdump.run("-r", HTTP, "host", "nosuchhost.invalid");
        assertEquals(1, r.status());
        assertEquals("jdump: unknown host 'nosuchhost.invalid'", r.lastError());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("jdump:")).count(), r.err());
    }

    @Test
    void versionGoesToStandardOutput() {
        Jdump.Result r = Jdump.run("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("jdump version 0.1.0\n"), r.out());
    }

    @Test
    void helpListsTheOptions() {
        for (String h : new String[] {"-h", "--help"}) {
            Jdump.Result r = Jdump.run(h);
            assertEquals(0, r.status());
            assertTrue(r.out().startsWith("Usage: jdump"), r.out());
            assertTrue(r.out().contains("--bpf"), r.out());
        }
    }
}
