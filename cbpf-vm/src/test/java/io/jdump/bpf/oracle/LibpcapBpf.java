package io.jdump.bpf.oracle;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.jdump.bpf.Codec;
import io.jdump.bpf.Program;
import io.jdump.bpf.RawInsn;

import java.nio.ByteOrder;

/**
 * libpcap's own classic-BPF machine as an oracle: {@code bpf_filter} and {@code bpf_validate} of
 * {@code libpcap.so.0.8}, called through JNA direct mapping (fast enough for millions of calls).
 * {@link #available()} says whether the library could be loaded; tests pass it to
 * {@code Requirements.require}.
 */
public final class LibpcapBpf {
    private static final Throwable LOAD_ERROR = load();

    private LibpcapBpf() {}

    private static Throwable load() {
        for (String name : new String[] {"pcap", "libpcap.so.0.8", "/usr/lib/x86_64-linux-gnu/libpcap.so.0.8"}) {
            try {
                Native.register(LibpcapBpf.class, NativeLibrary.getInstance(name));
                return null;
            } catch (UnsatisfiedLinkError e) {
                if (name.startsWith("/")) return e;
            }
        }
        return new UnsatisfiedLinkError("libpcap");
    }

    /** Whether libpcap was found. */
    public static boolean available() {
        return LOAD_ERROR == null;
    }

    private static native int bpf_filter(Pointer insns, byte[] pkt, int wirelen, int buflen);

    private static native int bpf_validate(Pointer insns, int len);

    private static native String bpf_image(Pointer insn, int pc);

    /** {@code bpf_image}: libpcap's listing line of one instruction at {@code pc} (as {@code tcpdump -d} prints it). */
    public static String image(RawInsn insn, int pc) {
        try (Memory m = toMemory(new RawInsn[] {insn})) {
            return bpf_image(m, pc);
        }
    }

    /** {@code bpf_validate} on raw instructions: whether libpcap accepts them. */
    public static boolean validate(RawInsn[] raw) {
        try (Memory m = toMemory(raw)) {
            return bpf_validate(m, raw.length) != 0;
        }
    }

    /** A program copied to native memory, ready to be run many times. */
    public static Loaded load(Program program) {
        return new Loaded(program);
    }

    /** A program in native memory; close it when done. */
    public static final class Loaded implements AutoCloseable {
        private final Memory insns;

        private Loaded(Program program) {
            byte[] bytes = Codec.toBytes(program, ByteOrder.nativeOrder());
            insns = new Memory(Math.max(8, bytes.length));
            insns.write(0, bytes, 0, bytes.length);
        }

        /**
         * Runs {@code bpf_filter} on the first {@code caplen} bytes of {@code pkt}, a packet that
         * was {@code wirelen} bytes on the wire. Returns libpcap's unsigned verdict as an int.
         */
        public int run(byte[] pkt, int caplen, int wirelen) {
            byte[] buf = pkt.length == caplen ? pkt : java.util.Arrays.copyOf(pkt, caplen);
            return bpf_filter(insns, buf.length == 0 ? new byte[1] : buf, wirelen, caplen);
        }

        @Override
        public void close() {
            insns.close();
        }
    }

    private static Memory toMemory(RawInsn[] raw) {
        Memory m = new Memory(Math.max(8, raw.length * 8L));
        for (int i = 0; i < raw.length; i++) {
            long at = i * 8L;
            m.setShort(at, (short) raw[i].code());
            m.setByte(at + 2, (byte) raw[i].jt());
            m.setByte(at + 3, (byte) raw[i].jf());
            m.setInt(at + 4, raw[i].k());
        }
        return m;
    }

    /** The raw instructions as native memory in {@code struct bpf_insn} layout, for other oracles. */
    static Memory nativeInsns(RawInsn[] raw) {
        return toMemory(raw);
    }
}
