package io.jdump.cli;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command in-process, picocli's testing-guide way, with every stream captured. */
final class Jdump {
    /** What a run gave: exit status, text on standard output and error, bytes written to standard output. */
    record Result(int status, String out, String err, byte[] bytes) {
        /** The last line of standard error. */
        String lastError() {
            String[] lines = err.split("\n");
            return lines[lines.length - 1];
        }
    }

    /** The project's testdata folder. */
    static final Path TESTDATA = Path.of(System.getProperty("user.dir")).getParent().resolve("testdata");

    private Jdump() {}

    static Result run(String... args) {
        return run(new byte[0], args);
    }

    static Result run(byte[] stdin, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine(new Main(new ByteArrayInputStream(stdin), bytes));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int status = cmd.execute(args);
        cmd.getOut().flush();
        return new Result(status, out.toString(), err.toString(), bytes.toByteArray());
    }

    static String testdata(String name) {
        return TESTDATA.resolve(name).toString();
    }
}
