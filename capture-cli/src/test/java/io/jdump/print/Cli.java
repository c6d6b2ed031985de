package io.jdump.print;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Test helper: runs the real {@code jdump} command in-process (io.jdump.cli.Main, with its own
 * error handling), capturing both text streams. The command's test entry points are
 * package-private to io.jdump.cli, so they are reached by reflection; this keeps the corpus
 * harness end to end (reader, compiler, filter, printer) without a JVM per case.
 */
final class Cli {
    /** Exit status and the text written to standard output and standard error. */
    record Result(int status, String out, String err) {
        /** The last non-empty line of standard error, or "". */
        String lastError() {
            String[] lines = err.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static final Constructor<?> NEW_MAIN;
    private static final Method COMMAND_LINE;

    static {
        try {
            Class<?> main = Class.forName("io.jdump.cli.Main");
            NEW_MAIN = main.getDeclaredConstructor(InputStream.class, OutputStream.class);
            NEW_MAIN.setAccessible(true);
            COMMAND_LINE = main.getDeclaredMethod("commandLine", main);
            COMMAND_LINE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Cli() {}

    /** Runs {@code jdump args...}; standard input is empty, binary standard output is discarded. */
    static Result run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd;
        try {
            Object main = NEW_MAIN.newInstance(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
            cmd = (CommandLine) COMMAND_LINE.invoke(null, main);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start jdump in-process", e);
        }
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int status = cmd.execute(args.toArray(String[]::new));
        cmd.getOut().flush();
        cmd.getErr().flush();
        return new Result(status, out.toString(), err.toString());
    }
}
