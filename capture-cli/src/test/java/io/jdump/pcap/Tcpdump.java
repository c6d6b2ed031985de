package io.jdump.pcap;

import io.jdump.testing.Requirements;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The installed tcpdump as an oracle. Output files go to standard output ({@code -w -}), because
 * tcpdump running as root drops to its own user before creating files.
 */
public final class Tcpdump {
    /** What a run gave. */
    public record Run(int status, byte[] stdout, String stderr) {
        public String stdoutText() { return new String(stdout, StandardCharsets.UTF_8); }
    }

    private Tcpdump() {}

    /** Skips (outside CI) or fails (in CI) unless tcpdump is installed. */
    public static void require() {
        Requirements.require(Requirements.onPath("tcpdump") != null, "tcpdump on PATH");
    }

    /** Runs tcpdump with {@code args}, {@code stdin} on its standard input, TZ=UTC. */
    public static Run run(byte[] stdin, String... args) throws IOException, InterruptedException {
        require();
        List<String> cmd = new ArrayList<>(List.of("tcpdump"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException ignored) {
            // tcpdump may exit before reading all of its input
        }
        int status = p.waitFor();
        return new Run(status, out.join(), new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
