package io.jdump.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The {@code jdump} command: tcpdump's options over capture files and live interfaces. */
@Command(name = "jdump", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Dump traffic on a network, or from a capture file, through a classic BPF filter.")
public final class Main implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** Prints the version as tcpdump does: the program, then its libraries. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jdump version 0.1.0", "Java " + Runtime.version()};
        }
    }
}
