package io.jdump.filter.gen;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.filter.LinkType;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Branch;
import io.jdump.filter.ir.Sense;
import java.util.ArrayList;
import java.util.List;

/**
 * 802.11 behind a radio header whose length is only known at run time. The prologue reads the
 * length into the link-header register ({@link LinkLayer#headerReg}), which 802.11 header fields are
 * then loaded relative to:
 * <ul>
 * <li>radiotap: a little-endian 16-bit length at offset 2;
 * <li>PPI: the same, after checking that the PPI header's DLT field (offset 4, little-endian) is 105, 802.11;
 *     other PPI packets never match;
 * <li>AVS: a big-endian 32-bit length at offset 4;
 * <li>Prism: 144 bytes, unless the first word says the header is really AVS (0x80211xxx), whose length is read.
 * </ul>
 * With radiotap the 802.11 payload is also padded to a 4-byte boundary when the radiotap flags field is
 * present and has the data-pad bit (0x20); the flags follow the 8-byte fixed header, or the 8-byte TSFT
 * field when that is present too, and are only looked for when the first presence word is the last one.
 */
final class RadioHeaders {
    private RadioHeaders() {}

    private static final int PPI_DLT_80211_LE = 0x69000000, PRISM_AVS_MAGIC = 0x80211000, PRISM_LEN = 144;

    /** Whether {@code vlan} is supported: Ethernet-like framing inside 802.11 data frames, except PPI. */
    static boolean vlan(LinkLayer l) {
        return l.style == LinkLayer.Style.WLAN && l.type != LinkType.PPI;
    }

    /** Whether {@code radio[...]} has a radio header to index (radiotap, AVS, Prism; not PPI). */
    static boolean radioInfo(LinkLayer l) {
        return has(l) && l.type != LinkType.PPI;
    }

    /** Whether the link type starts with a radio header. */
    static boolean has(LinkLayer l) {
        return l.hdr != 0;
    }

    /** Whether a prologue is needed although no register is used (PPI's DLT check is always made). */
    static boolean always(LinkLayer l) {
        return l.type == LinkType.PPI;
    }

    /**
     * The prologue in front of {@code filter}: the PPI check, the radio header length, and, when the payload
     * register is used, the 802.11 header length as {@link Prologue#wlan} computes it plus radiotap padding.
     */
    static Block prologue(Gen g, Block filter, Block reject) {
        LinkLayer l = g.link;
        Block entry = filter;
        if (l.payloadReg >= 0 || l.headerReg >= 0) {
            if (l.payloadReg >= 0) entry = wlan(g, l.payloadReg, filter);
            entry = length(g, l.headerReg(g), entry);
        }
        if (l.type == LinkType.PPI) {
            Block check = g.block(new ArrayList<>(List.of(new Insn.LoadAbs(Size.W, 4))), new Branch.CondK(JmpOp.JEQ, PPI_DLT_80211_LE));
            check.setSuccessor(Sense.TRUE, entry);
            check.setSuccessor(Sense.FALSE, reject);
            entry = check;
        }
        return entry;
    }

    /** The radio header length into {@code M[h]} and X, in front of {@code next}. */
    private static Block length(Gen g, int h, Block next) {
        List<Insn> save = List.of(new Insn.Store(Reg.A, h), new Insn.Tax());
        return switch (g.link.type) {
            case IEEE802_11_RADIO, PPI -> {
                next.stmts().addAll(0, List.of(new Insn.LoadAbs(Size.B, 3), new Insn.AluK(AluOp.LSH, 8), new Insn.Tax(),
                        new Insn.LoadAbs(Size.B, 2), new Insn.AluX(AluOp.OR)));
                next.stmts().addAll(5, save);
                yield next;
            }
            case IEEE802_11_RADIO_AVS -> {
                next.stmts().addAll(0, List.of(new Insn.LoadAbs(Size.W, 4)));
                next.stmts().addAll(1, save);
                yield next;
            }
            default -> {
                Block head = g.block(new ArrayList<>(List.of(new Insn.LoadAbs(Size.W, 0), new Insn.AluK(AluOp.AND, 0xfffff000))),
                        new Branch.CondK(JmpOp.JEQ, PRISM_AVS_MAGIC));
                Block avs = g.block(new ArrayList<>(List.of(new Insn.LoadAbs(Size.W, 4))), new Branch.Goto());
                Block prism = g.block(new ArrayList<>(List.of(new Insn.LoadImm(Reg.A, PRISM_LEN))), new Branch.Goto());
                next.stmts().addAll(0, save);
                head.setSuccessor(Sense.TRUE, avs);
                head.setSuccessor(Sense.FALSE, prism);
                avs.setSuccessor(Sense.TRUE, next);
                prism.setSuccessor(Sense.TRUE, next);
                yield head;
            }
        };
    }

    /** The 802.11 header length into {@code M[p]}, starting from X = the radio header length. */
    private static Block wlan(Gen g, int p, Block filter) {
        Block after = filter;
        if (g.link.type == LinkType.IEEE802_11_RADIO) after = radiotapPad(g, p, filter);
        Block head = g.block(new ArrayList<>(List.of(new Insn.Txa(), new Insn.AluK(AluOp.ADD, 24), new Insn.Store(Reg.A, p),
                new Insn.LoadInd(Size.B, 0))), new Branch.CondK(JmpOp.JSET, 0x08));
        Prologue.qos(g, p, head, filter, after);
        return head;
    }

    /** Radiotap's data padding: round {@code M[p]} up to a multiple of 4 when the flags say so. */
    private static Block radiotapPad(Gen g, int p, Block filter) {
        Block present = g.block(new ArrayList<>(List.of(new Insn.LoadAbs(Size.W, 4))), new Branch.CondK(JmpOp.JSET, 0x02000000));
        Block ext = g.block(new ArrayList<>(), new Branch.CondK(JmpOp.JSET, 0x80));
        Block tsft = g.block(new ArrayList<>(), new Branch.CondK(JmpOp.JSET, 0x01000000));
        Block flagsAfterTsft = g.block(new ArrayList<>(List.of(new Insn.LoadAbs(Size.B, 16))), new Branch.CondK(JmpOp.JSET, 0x20));
        Block flags = g.block(new ArrayList<>(List.of(new Insn.LoadAbs(Size.B, 8))), new Branch.CondK(JmpOp.JSET, 0x20));
        Block pad = g.block(new ArrayList<>(List.of(new Insn.LoadMem(Reg.A, p), new Insn.AluK(AluOp.ADD, 3),
                new Insn.AluK(AluOp.AND, 0xfffffffc), new Insn.Store(Reg.A, p))), new Branch.Goto());
        present.setSuccessor(Sense.TRUE, ext);
        present.setSuccessor(Sense.FALSE, filter);
        ext.setSuccessor(Sense.TRUE, filter);
        ext.setSuccessor(Sense.FALSE, tsft);
        tsft.setSuccessor(Sense.TRUE, flagsAfterTsft);
        tsft.setSuccessor(Sense.FALSE, flags);
        flagsAfterTsft.setSuccessor(Sense.TRUE, pad);
        flagsAfterTsft.setSuccessor(Sense.FALSE, filter);
        flags.setSuccessor(Sense.TRUE, pad);
        flags.setSuccessor(Sense.FALSE, filter);
        pad.setSuccessor(Sense.TRUE, filter);
        return present;
    }
}
