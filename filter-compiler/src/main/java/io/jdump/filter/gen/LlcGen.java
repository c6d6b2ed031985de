package io.jdump.filter.gen;

import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Size;
import java.util.List;
import java.util.Map;

/**
 * IEEE 802.2 LLC tests on Ethernet: an 802.3 length field and not Novell's raw 802.3 (0xffff),
 * then optionally the frame format (I, S, U) or a named S or U command from the control byte.
 */
final class LlcGen {
    private LlcGen() {}

    private static final Map<String, Integer> S_FRAMES = Map.of("rr", 0x01, "rnr", 0x05, "rej", 0x09);
    private static final Map<String, Integer> U_FRAMES = Map.of("ui", 0x03, "ua", 0x63, "disc", 0x43, "dm", 0x0f,
            "sabme", 0x6f, "test", 0xe3, "xid", 0xaf, "frmr", 0x87);

    static Frag llc(Gen g, String subtype) {
        LinkLayer l = g.link;
        if (l.type == io.jdump.filter.LinkType.IP_OVER_FC || TagGen.netanalyzer(l)) {
            throw Gen.error("'llc' not supported on DLT_" + l.type.name());
        }
        if (l.type == io.jdump.filter.LinkType.ATM_CLIP) throw Gen.error("'llc' not supported on DLT_ATM_CLIP");
        if (l.style == LinkLayer.Style.SUNATM) {
            Frag llc = AtmGen.llcTraffic(g);
            return subtype == null ? llc : Frag.and(llc, control(g, l.linkpl + 2, subtype));
        }
        if (l.style == LinkLayer.Style.LLC && subtype == null) return Frag.TRUE;
        if (l.style == LinkLayer.Style.WLAN && subtype == null) return g.eqMasked(l.hdr, Size.B, 0x0c, 0x08);
        if (l.style != LinkLayer.Style.ETHER && l.style != LinkLayer.Style.LLC) {
            throw Gen.error("'llc' not supported on DLT_" + l.type.name());
        }
        if (l.style == LinkLayer.Style.LLC) return control(g, l.linkpl + 2, subtype);
        Frag is8023 = g.cmpAbs(l.linktype, Size.H, -1, JmpOp.JGT, 1500).not();
        Frag llc = Frag.and(is8023, g.eq(l.linkpl, Size.H, 0xffff).not());
        if (subtype == null) return llc;
        return Frag.and(llc, control(g, l.linkpl + 2, subtype));
    }

    private static Frag control(Gen g, int ctl, String subtype) {
        Frag f;
        if (subtype.equals("i")) {
            f = g.jump(g.load(Size.B, ctl), JmpOp.JSET, 1).not();
        } else if (subtype.equals("s")) {
            f = g.eqMasked(ctl, Size.B, 0x3, 0x1);
        } else if (subtype.equals("u")) {
            f = g.eqMasked(ctl, Size.B, 0x3, 0x3);
        } else if (S_FRAMES.containsKey(subtype)) {
            f = g.eqMasked(ctl, Size.B, 0xf, S_FRAMES.get(subtype));
        } else if (U_FRAMES.containsKey(subtype)) {
            f = g.eqMasked(ctl, Size.B, 0xef, U_FRAMES.get(subtype));
        } else {
            throw Gen.error("unknown LLC type name '" + subtype + "'");
        }
        return f;
    }
}
