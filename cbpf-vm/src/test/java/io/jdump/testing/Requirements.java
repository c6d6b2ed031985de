package io.jdump.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a test needs from outside the JVM (tcpdump, libpcap, root, ../shared). Outside CI a
 * missing requirement skips the test; with {@code CI=true} it fails it, so CI never passes
 * without the oracle having run.
 */
public final class Requirements {
    private Requirements() {}

    /** True when running under CI ({@code CI=true} in the environment). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (outside CI) or fails (in CI) the current test unless {@code available}. */
    public static void require(boolean available, String what) {
        if (available) return;
        if (inCi()) throw new AssertionError("CI=true but the test needs " + what);
        Assumptions.abort("needs " + what);
    }

    /** The ../shared folder beside the project (system property {@code jdump.shared}, set by the build). */
    public static Path shared() {
        String prop = System.getProperty("jdump.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
        require(Files.isDirectory(p), "the shared data folder at " + p.toAbsolutePath().normalize());
        return p.toAbsolutePath().normalize();
    }

    /** A file under ../shared, required to exist. */
    public static Path sharedFile(String relative) {
        Path p = shared().resolve(relative);
        require(Files.exists(p), p.toString());
        return p;
    }

    /** Whether we run as root (live capture). */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The path of an executable on PATH, or null. */
    public static Path onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(":")) {
            Path p = Path.of(dir, exe);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
