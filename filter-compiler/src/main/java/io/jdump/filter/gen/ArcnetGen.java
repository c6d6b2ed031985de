package io.jdump.filter.gen;

import io.jdump.filter.LinkType;
import io.jdump.filter.ast.Dir;
import io.jdump.bpf.Size;

/**
 * Links with one-byte station addresses ({@code link host $XX}): ARCnet (BSD and Linux framing) and
 * BACnet MS/TP. ARCnet frames start with the source then the destination station id and name the
 * payload with a one-byte protocol id (RFC 1201 values); address 0 is ARCnet's broadcast. BACnet MS/TP
 * frames have the destination at byte 3 and the source at byte 4, with 0xff as broadcast.
 */
final class ArcnetGen {
    private ArcnetGen() {}

    private static final int ARC_IP = 0xd4, ARC_IP6 = 0xc4, ARC_ARP = 0xd5, ARC_RARP = 0xd6, ARC_ATALK = 0xdd;

    /** The ARCnet protocol-id test for an Ethertype; protocols ARCnet has no id for never match. */
    static Frag linktype(Gen g, int proto) {
        int id = switch (proto) {
            case LinkLayer.IP -> ARC_IP;
            case LinkLayer.IPV6 -> ARC_IP6;
            case LinkLayer.ARP -> ARC_ARP;
            case LinkLayer.REVARP -> ARC_RARP;
            case LinkLayer.ATALK -> ARC_ATALK;
            default -> -1;
        };
        return id < 0 ? Frag.FALSE : g.eq(g.link.linktype, Size.B, id);
    }

    /** Whether the link has one-byte station addresses. */
    static boolean has(LinkLayer l) {
        return l.type == LinkType.ARCNET || l.type == LinkType.ARCNET_LINUX || l.type == LinkType.BACNET_MS_TP;
    }

    /** {@code link [dir] host $XX}. */
    static Frag host(Gen g, String text, Dir dir) {
        if (!has(g.link)) throw Gen.error("'link host $XX' not supported on DLT_" + g.link.type.name());
        int a = Integer.parseInt(text.substring(1), 16);
        return HostGen.dirOp(dir, () -> g.eq(src(g.link), Size.B, a), () -> g.eq(dst(g.link), Size.B, a));
    }

    /** {@code broadcast}: the destination is the broadcast station id (0 on ARCnet, 0xff on MS/TP). */
    static Frag broadcast(Gen g) {
        return g.eq(dst(g.link), Size.B, g.link.type == LinkType.BACNET_MS_TP ? 0xff : 0);
    }

    /** {@code multicast}: ARCnet has no multicast, libpcap treats it as broadcast; MS/TP has none. */
    static Frag multicast(Gen g) {
        if (g.link.type == LinkType.BACNET_MS_TP) throw Gen.error("'multicast' not supported on DLT_BACNET_MS_TP");
        return broadcast(g);
    }

    private static int src(LinkLayer l) {
        return l.type == LinkType.BACNET_MS_TP ? 4 : 0;
    }

    private static int dst(LinkLayer l) {
        return l.type == LinkType.BACNET_MS_TP ? 3 : 1;
    }
}
