package io.jdump.capture.linux;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A file output stream whose {@code write(2)} reads the caller's array in place. A Java array
 * given to {@code FileChannel} or {@code FileOutputStream} is first copied into native memory
 * (for the {@code -w} writer, a 1 MiB copy at each drain of its buffer, ~10 ns per small packet
 * of a live capture); here the call is a critical downcall ({@link Linker.Option#critical} with
 * heap access), so the kernel reads the array itself.
 *
 * <p>A critical call holds off the JVM's safepoints while it runs, so it is used only where
 * {@code write} cannot block for long: regular files and {@code /dev/null}. {@link #open} returns
 * null for anything else (a pipe, socket or terminal can block indefinitely); the caller then
 * uses an ordinary stream.
 */
public final class PinnedFileStream extends OutputStream {
    private static final int O_WRONLY = 1;
    private static final int O_CREAT = 0x40;
    private static final int O_TRUNC = 0x200;
    private static final int O_CLOEXEC = 0x80000;
    private static final int EINTR = 4;
    /** More than the JVM's CustomizeThreshold (127) and Tier4InvocationThreshold (5000) calls of {@link #WRITE}. */
    private static final int PRIME_WRITES = 6000;
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle OPEN;
    private static final MethodHandle WRITE;
    private static final MethodHandle CLOSE;

    static {
        Linker linker = Linker.nativeLinker();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        OPEN = linker.downcallHandle(linker.defaultLookup().find("open").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2), errno);
        WRITE = linker.downcallHandle(linker.defaultLookup().find("write").orElseThrow(),
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), Linker.Option.critical(true), errno);
        CLOSE = linker.downcallHandle(linker.defaultLookup().find("close").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT), errno);
        prime();
    }

    /**
     * Opens {@code /dev/null}, writes to it {@value #PRIME_WRITES} times and closes it, before
     * any capture: the first call of each downcall (and of each {@code invokeExact} site) spins
     * its binding classes, the 128th call of a method handle from the interpreter customizes it
     * (spins another), and the JDK's code on the path (segments, slices, sessions) reaches the
     * JIT's top tier after some thousands of calls. A capture drains its buffer only ~10 times a
     * second, so without this each of these steps (milliseconds of class spinning and compiling
     * each) would come seconds into a flood, under traffic.
     */
    private static void prime() {
        try (PinnedFileStream s = open("/dev/null")) {
            for (int i = 0; s != null && i < PRIME_WRITES; i++) s.write(i);
        } catch (IOException e) {
            // no /dev/null: the first real write spins the classes instead
        }
    }

    private final String name;
    private final int fd;
    private final MemorySegment state = Arena.ofAuto().allocate(STATE);
    private final byte[] one = new byte[1];
    private boolean closed;

    private PinnedFileStream(String name, int fd) {
        this.name = name;
        this.fd = fd;
    }

    /**
     * Creates or truncates file {@code name} (mode 0666 less the umask, as {@code Files.newOutputStream}),
     * or opens {@code /dev/null}; null when {@code name} exists and is neither a regular file nor
     * {@code /dev/null}.
     *
     * @throws IOException as {@code open(2)} failed, with its {@code strerror} text as the reason
     */
    public static PinnedFileStream open(String name) throws IOException {
        try {
            Path path = Path.of(name);
            if (Files.exists(path)) {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                if (!a.isRegularFile() && !path.toRealPath().equals(Path.of("/dev/null"))) return null;
            } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return null;   // a link to nothing a path names (e.g. /dev/stdout to a pipe): the ordinary stream
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null;   // the ordinary stream opens it or says what is wrong
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = arena.allocate(STATE);
            int fd = (int) OPEN.invokeExact(st, arena.allocateFrom(name), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
            if (fd < 0) throw failure(name, (int) ERRNO.get(st, 0L));
            return new PinnedFileStream(name, fd);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static IOException failure(String name, int errno) {
        String reason = LibC.errorText(errno);
        return errno == 2 ? new NoSuchFileException(name, null, reason) : new FileSystemException(name, null, reason);
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) throw new IOException("Stream Closed");
        MemorySegment all = MemorySegment.ofArray(b);
        while (len > 0) {
            long n;
            try {
                n = (long) WRITE.invokeExact(state, fd, all.asSlice(off, len), (long) len);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (n < 0) {
                int errno = (int) ERRNO.get(state, 0L);
                if (errno == EINTR) continue;
                throw new IOException(LibC.errorText(errno));
            }
            off += (int) n;
            len -= (int) n;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        int r;
        try {
            r = (int) CLOSE.invokeExact(state, fd);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (r < 0) throw new IOException(name + ": " + LibC.errorText((int) ERRNO.get(state, 0L)));
    }
}
