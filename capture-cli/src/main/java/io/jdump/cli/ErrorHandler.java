package io.jdump.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The command's two error paths, both ending with exit status 1 as in tcpdump. A usage error
 * prints getopt's one-line message ({@code jdump: option requires an argument -- 'c'}), then the
 * version and the usage synopsis; a failure while running prints {@code jdump: <message>}, and
 * a stack trace only with {@code --debug}.
 */
final class ErrorHandler implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("jdump: " + getoptMessage(ex, args));
        for (String line : cmd.getCommandSpec().version()) err.println(line);
        CommandLine.Help help = cmd.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.flush();
        return FAILURE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getOut().flush();
        PrintWriter err = cmd.getErr();
        String message = switch (ex) {
            case CliException e -> e.getMessage();
            case IOException e -> e.getMessage();
            default -> "internal error: " + ex;
        };
        err.println("jdump: " + message);
        if (parsed.hasMatchedOption("--debug")) ex.printStackTrace(err);
        err.flush();
        return FAILURE;
    }

    /** What GNU getopt_long, which tcpdump uses, says about the same mistake. */
    static String getoptMessage(ParameterException ex, String[] args) {
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String attached = booleanWithArgument(spec, args);
        if (attached != null) return "option '" + attached + "' doesn't allow an argument";
        if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().getFirst() instanceof OptionSpec o) {
            String name = o.longestName();
            return name.startsWith("--")
                    ? "option '" + name + "' requires an argument"
                    : "option requires an argument -- '" + name.substring(1) + "'";
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            for (String arg : u.getUnmatched()) {
                if (arg.startsWith("--")) return "unrecognized option '" + arg + "'";
                if (arg.startsWith("-") && arg.length() > 1) return "invalid option -- '" + unknownShort(spec, arg) + "'";
            }
        }
        String m = ex.getMessage();
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** A long option that takes no argument but was given one ({@code --count=3}), or null. */
    private static String booleanWithArgument(CommandLine.Model.CommandSpec spec, String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) return null;
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) continue;
            OptionSpec o = spec.findOption(arg.substring(0, eq));
            if (o != null && o.arity().max() == 0) return arg.substring(0, eq);
        }
        return null;
    }

    /** The first letter of a cluster like {@code -nk} that is not a short option. */
    private static char unknownShort(CommandLine.Model.CommandSpec spec, String cluster) {
        for (int i = 1; i < cluster.length(); i++) {
            OptionSpec o = spec.findOption(cluster.charAt(i));
            if (o == null) return cluster.charAt(i);
            if (o.arity().max() > 0) break;
        }
        return cluster.charAt(1);
    }
}
