package io.jdump.capture.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/** What the JVM will not do with a signal's disposition by itself. */
public final class Signals {
    private Signals() {}

    /** {@code SIG_IGN} as a handler address. */
    private static final long SIG_IGN = 1;
    /** Room for the C library's {@code struct sigaction} (152 bytes on Linux x86-64), with a margin. */
    private static final int SIGACTION_SIZE = 256;

    /**
     * Puts {@code signo} back to its default action when it is ignored, so that a handler can be
     * installed. A shell starts background jobs with SIGINT ignored, and the JVM will not install a
     * handler over an ignored SIGINT, SIGTERM or SIGHUP: {@code kill -INT} would then not stop a
     * capture, where tcpdump, which installs its handler regardless, stops. Does nothing when the
     * signal is not ignored or its disposition can not be read.
     */
    public static void unignore(int signo) {
        try (Memory old = new Memory(SIGACTION_SIZE)) {
            old.clear();
            if (LibC.sigaction(signo, null, old) == 0 && Pointer.nativeValue(old.getPointer(0)) == SIG_IGN) {
                LibC.signal(signo, null);   // SIG_DFL, until the caller's handler replaces it
            }
        }
    }
}
