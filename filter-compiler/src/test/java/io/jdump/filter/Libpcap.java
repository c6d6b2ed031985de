package io.jdump.filter;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.jdump.bpf.Codec;
import io.jdump.bpf.Program;
import io.jdump.bpf.RawInsn;

/**
 * The installed libpcap's {@code pcap_compile} through JNA ({@code pcap_open_dead} + {@code pcap_compile}), as
 * an oracle for differential tests. Test code; {@link #available()} says whether libpcap could be loaded.
 */
final class Libpcap {
    private Libpcap() {}

    /** The few libpcap entry points used. */
    public interface Lib extends Library {
        Pointer pcap_open_dead(int linktype, int snaplen);

        int pcap_compile(Pointer p, BpfProgram prog, String expr, int optimize, int netmask);

        String pcap_geterr(Pointer p);

        void pcap_freecode(BpfProgram prog);

        void pcap_close(Pointer p);

        String pcap_lib_version();

        int pcap_offline_filter(BpfProgram prog, Pointer hdr, byte[] pkt);
    }

    /** {@code struct bpf_program}. */
    @Structure.FieldOrder({"bf_len", "bf_insns"})
    public static class BpfProgram extends Structure {
        public int bf_len;
        public Pointer bf_insns;
    }

    /** A compile result: a program, or libpcap's error text. */
    record Result(Program program, String error) {}

    private static final Lib LIB = load();

    private static Lib load() {
        try {
            return Native.load("pcap", Lib.class);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    static boolean available() {
        return LIB != null;
    }

    static String version() {
        return LIB.pcap_lib_version();
    }

    /**
     * libpcap's own verdicts ({@code pcap_offline_filter}, libpcap's userland interpreter, which also runs programs
     * {@link Codec} cannot decode, such as protochain's backward {@code ja}) for {@code pkts}, or null if
     * {@code expr} does not compile.
     */
    static int[] verdicts(int dlt, int snaplen, String expr, boolean optimize, java.util.List<Packets.Pkt> pkts) {
        return verdicts(dlt, snaplen, expr, optimize, 0xffffffff, pkts);
    }

    /** As {@link #verdicts(int, int, String, boolean, java.util.List)}, with a netmask for pcap_compile. */
    static synchronized int[] verdicts(int dlt, int snaplen, String expr, boolean optimize, int netmask, java.util.List<Packets.Pkt> pkts) {
        Pointer p = LIB.pcap_open_dead(dlt, snaplen);
        try {
            BpfProgram prog = new BpfProgram();
            if (LIB.pcap_compile(p, prog, expr, optimize ? 1 : 0, netmask) != 0) return null;
            int[] out = new int[pkts.size()];
            try (com.sun.jna.Memory hdr = new com.sun.jna.Memory(24)) {
                hdr.clear();
                for (int i = 0; i < out.length; i++) {
                    Packets.Pkt k = pkts.get(i);
                    hdr.setInt(16, k.data().length);
                    hdr.setInt(20, k.wirelen());
                    out[i] = LIB.pcap_offline_filter(prog, hdr, k.data().length == 0 ? new byte[1] : k.data());
                }
            }
            LIB.pcap_freecode(prog);
            return out;
        } finally {
            LIB.pcap_close(p);
        }
    }

    /** Compiles {@code expr} for DLT {@code dlt}; {@code optimize} as pcap_compile's flag. */
    static Result compile(int dlt, int snaplen, String expr, boolean optimize, int netmask) {
        RawResult r = compileRaw(dlt, snaplen, expr, optimize, netmask);
        return r.insns() == null ? new Result(null, r.error()) : new Result(Codec.decode(r.insns()), null);
    }

    /** A compile result as raw instructions (backward jumps included), or libpcap's error text. */
    record RawResult(RawInsn[] insns, String error) {}

    /** Compiles {@code expr} for DLT {@code dlt} into raw instructions, which {@link Codec#decode} may refuse (protochain). */
    static synchronized RawResult compileRaw(int dlt, int snaplen, String expr, boolean optimize, int netmask) {
        Pointer p = LIB.pcap_open_dead(dlt, snaplen);
        try {
            BpfProgram prog = new BpfProgram();
            if (LIB.pcap_compile(p, prog, expr, optimize ? 1 : 0, netmask) != 0) return new RawResult(null, LIB.pcap_geterr(p));
            prog.read();
            RawInsn[] raw = new RawInsn[prog.bf_len];
            for (int i = 0; i < raw.length; i++) {
                long o = 8L * i;
                raw[i] = new RawInsn(prog.bf_insns.getShort(o) & 0xffff, prog.bf_insns.getByte(o + 2) & 0xff,
                        prog.bf_insns.getByte(o + 3) & 0xff, prog.bf_insns.getInt(o + 4));
            }
            LIB.pcap_freecode(prog);
            return new RawResult(raw, null);
        } finally {
            LIB.pcap_close(p);
        }
    }
}
