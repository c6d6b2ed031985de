package io.jdump.filter.gen;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Sense;
import java.util.List;

/**
 * Code run before the filter when the link payload starts at a run-time offset. For 802.11 the
 * MAC header is 24 bytes, plus 2 for QoS data frames (type data, subtype bit 0x80); the result
 * goes to the scratch register that payload loads read (libpcap's off_linkpl register).
 */
final class Prologue {
    private Prologue() {}

    /** The prologue for the current link type, in front of {@code filter}; returns the new entry. */
    static Block of(Gen g, int reg, Block filter) {
        return switch (g.link.style) {
            case PFLOG -> pflog(reg, filter);
            default -> wlan(g, reg, filter);
        };
    }

    /**
     * Whether the link type needs a prologue: a payload register is used, or it has a radio header
     * ({@link RadioHeaders}); {@link #of(Gen, Block, Block)} then builds it.
     */
    static boolean needed(Gen g) {
        LinkLayer l = g.link;
        return l.payloadReg >= 0 || l.headerReg >= 0 || RadioHeaders.always(l);
    }

    /** The prologue in front of {@code filter}; {@code reject} is where packets go that can never match. */
    static Block of(Gen g, Block filter, Block reject) {
        if (RadioHeaders.has(g.link)) return RadioHeaders.prologue(g, filter, reject);
        return of(g, g.link.payloadReg, filter);
    }

    /** pflog: the header length is byte 0, rounded up to a multiple of 4; prepended to the first block. */
    private static Block pflog(int reg, Block filter) {
        filter.stmts().addAll(0, List.of(new Insn.LoadAbs(Size.B, 0), new Insn.AluK(AluOp.ADD, 3),
                new Insn.AluK(AluOp.AND, 0xfffffffc), new Insn.Store(Reg.A, reg), new Insn.Tax()));
        return filter;
    }

    static Block wlan(Gen g, int reg, Block filter) {
        Block head = g.block(List.of(new Insn.LoadImm(Reg.X, 0), new Insn.Txa(), new Insn.AluK(AluOp.ADD, 24),
                new Insn.Store(Reg.A, reg), new Insn.LoadInd(Size.B, 0)), new Branch.CondK(JmpOp.JSET, 0x08));
        qos(g, reg, head, filter, filter);
        return head;
    }

    /**
     * The frame-type tests after {@code head} ({@code jset #0x8} on the frame control byte): data frames that are
     * not control frames and have the QoS subtype bit get 2 more header bytes; then {@code after}, else {@code filter}.
     */
    static void qos(Gen g, int reg, Block head, Block filter, Block after) {
        Block notCtl = g.block(List.of(), new Branch.CondK(JmpOp.JSET, 0x04));
        Block qos = g.block(List.of(), new Branch.CondK(JmpOp.JSET, 0x80));
        Block add = g.block(List.of(new Insn.LoadMem(Reg.A, reg), new Insn.AluK(AluOp.ADD, 2), new Insn.Store(Reg.A, reg)),
                new Branch.Goto());
        head.setSuccessor(Sense.TRUE, notCtl);
        head.setSuccessor(Sense.FALSE, filter);
        notCtl.setSuccessor(Sense.TRUE, filter);
        notCtl.setSuccessor(Sense.FALSE, qos);
        qos.setSuccessor(Sense.TRUE, add);
        qos.setSuccessor(Sense.FALSE, after);
        add.setSuccessor(Sense.TRUE, after);
    }
}
