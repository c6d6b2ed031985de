package io.jdump.filter.gen;

import io.jdump.bpf.Size;
import io.jdump.filter.LinkType;
import java.util.List;

/**
 * ATM primitives on SunATM captures, whose 4-byte pseudo-header holds the traffic type (low nibble of
 * byte 0: 1 LANE, 2 LLC), the VPI (byte 1) and the VCI (bytes 2-3): {@code vpi}, {@code vci}, the
 * well-known circuits ({@code oamf4*}, {@code metac}, {@code bcc}, {@code sc}, {@code ilmic}), Q.2931
 * signalling messages ({@code connectmsg}, {@code metaconnect}) and {@code lane}, after which the
 * link is the emulated Ethernet.
 */
final class AtmGen {
    private AtmGen() {}

    private static final int VPI = 1, VCI = 2, MSG_TYPE = 9;
    private static final int LANE = 1, LLC = 2;
    private static final int CALL_PROCEED = 0x02, CONNECT = 0x07, CONNECT_ACK = 0x0f, SETUP = 0x05, RELEASE = 0x4d,
            RELEASE_DONE = 0x5a;

    static boolean handles(Gen g, String keyword) {
        return g.link.type == LinkType.SUNATM && OtherMessages.isAtm(keyword);
    }

    /** The traffic type is LLC-multiplexed (what {@code llc} and the link-type tests require before lane). */
    static Frag llcTraffic(Gen g) {
        return g.eqMasked(0, Size.B, 0x0f, LLC);
    }

    static Frag gen(Gen g, String keyword, List<String> args) {
        return switch (keyword) {
            case "vpi" -> new FieldCmp("VPI", VPI, Size.B, -1, 255, v -> v).gen(g, args);
            case "vci" -> new FieldCmp("VCI", VCI, Size.H, -1, 65535, v -> v).gen(g, args);
            case "lane" -> lane(g);
            case "oamf4sc" -> circuit(g, 0, 3);
            case "oamf4ec" -> circuit(g, 0, 4);
            case "oamf4", "oam" -> Frag.and(g.eq(VPI, Size.B, 0), Frag.or(g.eq(VCI, Size.H, 3), g.eq(VCI, Size.H, 4)));
            case "metac" -> circuit(g, 0, 1);
            case "bcc" -> circuit(g, 0, 2);
            case "sc" -> circuit(g, 0, 5);
            case "ilmic" -> circuit(g, 0, 16);
            case "connectmsg" -> Frag.and(circuit(g, 0, 5),
                    messages(g, RELEASE_DONE, RELEASE, CONNECT_ACK, CONNECT, SETUP, CALL_PROCEED));
            default -> Frag.and(circuit(g, 0, 1), messages(g, RELEASE_DONE, RELEASE, CONNECT, SETUP, CALL_PROCEED));
        };
    }

    private static Frag circuit(Gen g, int vpi, int vci) {
        return Frag.and(g.eq(VPI, Size.B, vpi), g.eq(VCI, Size.H, vci));
    }

    private static Frag messages(Gen g, int... types) {
        Frag f = g.eq(MSG_TYPE, Size.B, types[0]);
        for (int i = 1; i < types.length; i++) f = Frag.or(f, g.eq(MSG_TYPE, Size.B, types[i]));
        return f;
    }

    /** Not an LE control frame (LECID 0xff00): what link-type and MAC tests on LAN emulation traffic require first. */
    static Frag notLeControl(Gen g) {
        return g.eq(4, Size.H, 0xff00).not();
    }

    /**
     * LAN emulation traffic; every later primitive sees the emulated Ethernet frame after the 2-byte LE header
     * (and its link-type and MAC tests exclude LE control frames).
     */
    private static Frag lane(Gen g) {
        Frag f = g.eqMasked(0, Size.B, 0x0f, LANE);
        LinkLayer l = g.link;
        l.lane = true;
        l.style = LinkLayer.Style.ETHER;
        l.macBase = 6;
        l.linktype = 18;
        l.linkpl = 20;
        l.nl = 0;
        l.nlNosnap = 3;
        return f;
    }
}
