package io.jdump.capture;

import io.jdump.bpf.Extension;
import io.jdump.bpf.Insn;
import io.jdump.bpf.Program;
import io.jdump.bpf.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a program compiled for {@code LINUX_SLL2} (or {@code LINUX_SLL}, v1) so the kernel can
 * run it on a cooked ({@code SOCK_DGRAM}) socket, where a packet starts at its network header and
 * the 20-byte (16-byte) header exists only as metadata. Loads past the header move back by its
 * length; loads of the header's protocol, interface index, ARPHRD type and packet type become the
 * matching ancillary loads ({@code SKF_AD_PROTOCOL}, {@code IFINDEX}, {@code HATYPE},
 * {@code PKTTYPE}). Anything else that reads the header, and {@code ld #pktlen} (the lengths
 * differ), cannot be expressed: the program is then left to the user-space filter.
 */
final class CookedFilter {
    /** A cooked header: its length and where its fields sit. */
    private enum Header {
        SLL2(FrameAssembler.SLL2_LEN) {
            @Override Extension field(Size size, int k) {
                return switch (size) {
                    case H -> k == 0 ? Extension.PROTOCOL : k == 8 ? Extension.HATYPE : null;
                    case W -> k == 4 ? Extension.IFINDEX : null;
                    case B -> k == 10 ? Extension.PKTTYPE : null;
                };
            }
        },
        SLL(FrameAssembler.SLL_LEN) {
            @Override Extension field(Size size, int k) {
                return switch (size) {
                    case H -> k == 0 ? Extension.PKTTYPE : k == 2 ? Extension.HATYPE : k == 14 ? Extension.PROTOCOL : null;
                    case W, B -> null;
                };
            }
        };

        final int length;

        Header(int length) {
            this.length = length;
        }

        /** The ancillary value a load of {@code size} at {@code k} in the header reads, or null. */
        abstract Extension field(Size size, int k);
    }

    private CookedFilter() {}

    /** The program for the kernel, or null when {@code p} (compiled for {@code LINUX_SLL2}) must run in user space. */
    static Program forCookedSocket(Program p) {
        return forCookedSocket(p, false);
    }

    /**
     * The program for the kernel, or null when {@code p} must run in user space; {@code v1}: {@code p}
     * was compiled for {@code LINUX_SLL}, else for {@code LINUX_SLL2}.
     */
    static Program forCookedSocket(Program p, boolean v1) {
        Header h = v1 ? Header.SLL : Header.SLL2;
        List<Insn> out = new ArrayList<>(p.size());
        for (Insn insn : p.insns()) {
            Insn t = translate(h, insn);
            if (t == null) return null;
            out.add(t);
        }
        return new Program(out);
    }

    private static Insn translate(Header h, Insn insn) {
        int hdr = h.length;
        return switch (insn) {
            case Insn.LoadAbs(var size, var k) -> loadAbs(h, size, k);
            case Insn.LoadInd(var size, var k) -> k >= hdr ? new Insn.LoadInd(size, k - hdr) : null;
            case Insn.LoadMsh(var k) -> k >= hdr ? new Insn.LoadMsh(k - hdr) : null;
            case Insn.LoadLen _ -> null;
            case Insn.LoadImm _, Insn.LoadMem _, Insn.Store _, Insn.AluK _, Insn.AluX _, Insn.Neg _, Insn.Ja _,
                 Insn.JmpK _, Insn.JmpX _, Insn.RetK _, Insn.RetA _, Insn.Tax _, Insn.Txa _ -> insn;
        };
    }

    private static Insn loadAbs(Header h, Size size, int k) {
        if (k < 0) return new Insn.LoadAbs(size, k);           // already ancillary, SKF_NET_OFF or SKF_LL_OFF
        if (k >= h.length) return new Insn.LoadAbs(size, k - h.length);
        Extension e = h.field(size, k);
        return e == null ? null : new Insn.LoadAbs(size, e.k());
    }
}
