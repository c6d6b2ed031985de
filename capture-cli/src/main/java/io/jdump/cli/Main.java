package io.jdump.cli;

import io.jdump.capture.LiveOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The {@code jdump} command: tcpdump's options over capture files and live interfaces.
 * Options live in mixins, one per concern ({@link InputOptions}, {@link FilterOptions},
 * {@link OutputOptions}, {@link LiveOptions}); the work is done by a {@link Session}.
 */
@Command(name = "jdump", versionProvider = Main.Version.class, sortOptions = false,
        description = "Dump traffic on a network, or from a capture file, through a classic BPF filter.")
public final class Main implements Callable<Integer> {
    @Mixin InputOptions input;
    @Mixin FilterOptions filter;
    @Mixin OutputOptions output;
    @Mixin LiveOptions live;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    /** No -V here: that is tcpdump's savefile list ({@link InputOptions}). */
    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = "--debug", description = "Print a stack trace with error messages.")
    boolean debug;

    @Spec CommandSpec spec;

    private final InputStream stdin;
    private final OutputStream stdout;

    /** The command on the process's standard streams. */
    public Main() {
        this(System.in, new FileOutputStream(FileDescriptor.out));
    }

    /** The command reading capture files named {@code -} from {@code stdin} and writing {@code -w -} to {@code stdout}. */
    Main(InputStream stdin, OutputStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        return new Session(input, filter, output, live, new Session.Streams(stdin, stdout, cmd.getOut(), cmd.getErr())).run();
    }

    /** A command line for {@code main} with tcpdump's error handling: getopt messages, exit status 1. */
    static CommandLine commandLine(Main main) {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(main)
                .setOverwrittenOptionsAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    /** Runs the command on the process's arguments and exits with its status (0, or 1 for any failure). */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        int status = commandLine(new Main()).setOut(out).execute(args);
        out.flush();
        System.exit(status);
    }

    /** Prints the version as tcpdump does: the program, then what it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jdump version 0.1.0", "Java " + Runtime.version()};
        }
    }
}
