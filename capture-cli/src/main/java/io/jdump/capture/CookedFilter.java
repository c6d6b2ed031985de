package io.jdump.capture;

import io.jdump.bpf.Extension;
import io.jdump.bpf.Insn;
import io.jdump.bpf.Program;
import io.jdump.bpf.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a program compiled for {@code LINUX_SLL2} so the kernel can run it on a cooked
 * ({@code SOCK_DGRAM}) socket, where a packet starts at its network header and the 20-byte
 * header exists only as metadata. Loads past the header move back by 20 bytes; loads of the
 * header's protocol, interface index, ARPHRD type and packet type become the matching ancillary
 * loads ({@code SKF_AD_PROTOCOL}, {@code IFINDEX}, {@code HATYPE}, {@code PKTTYPE}). Anything
 * else that reads the header, and {@code ld #pktlen} (the lengths differ by 20), cannot be
 * expressed: the program is then left to the user-space filter.
 */
final class CookedFilter {
    private static final int HDR = FrameAssembler.SLL2_LEN;

    private CookedFilter() {}

    /** The program for the kernel, or null when {@code p} must run in user space. */
    static Program forCookedSocket(Program p) {
        List<Insn> out = new ArrayList<>(p.size());
        for (Insn insn : p.insns()) {
            Insn t = translate(insn);
            if (t == null) return null;
            out.add(t);
        }
        return new Program(out);
    }

    private static Insn translate(Insn insn) {
        return switch (insn) {
            case Insn.LoadAbs(var size, var k) -> loadAbs(size, k);
            case Insn.LoadInd(var size, var k) -> k >= HDR ? new Insn.LoadInd(size, k - HDR) : null;
            case Insn.LoadMsh(var k) -> k >= HDR ? new Insn.LoadMsh(k - HDR) : null;
            case Insn.LoadLen _ -> null;
            case Insn.LoadImm _, Insn.LoadMem _, Insn.Store _, Insn.AluK _, Insn.AluX _, Insn.Neg _, Insn.Ja _,
                 Insn.JmpK _, Insn.JmpX _, Insn.RetK _, Insn.RetA _, Insn.Tax _, Insn.Txa _ -> insn;
        };
    }

    private static Insn loadAbs(Size size, int k) {
        if (k < 0) return new Insn.LoadAbs(size, k);           // already ancillary, SKF_NET_OFF or SKF_LL_OFF
        if (k >= HDR) return new Insn.LoadAbs(size, k - HDR);
        Extension e = switch (size) {
            case H -> k == 0 ? Extension.PROTOCOL : k == 8 ? Extension.HATYPE : null;
            case W -> k == 4 ? Extension.IFINDEX : null;
            case B -> k == 10 ? Extension.PKTTYPE : null;
        };
        return e == null ? null : new Insn.LoadAbs(size, e.k());
    }
}
