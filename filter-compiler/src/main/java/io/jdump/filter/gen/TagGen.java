package io.jdump.filter.gen;

import io.jdump.bpf.Size;
import io.jdump.filter.LinkType;

/**
 * Link types that carry the packet direction in their own header: the switch tags of Broadcom
 * ({@code DSA_TAG_BRCM}: the opcode in the top three bits of the tag, 0 towards the host, 1 from it)
 * and Marvell ({@code DSA_TAG_DSA}: bits 7-6 of the tag, 0 "to CPU" and 1 "from CPU"), and Solaris
 * ipnet (a 16-bit direction field, 1 outbound and 2 inbound). The tags sit after the two MAC
 * addresses, so the Ethertype and payload move by four bytes ({@link LinkLayer#of}).
 */
final class TagGen {
    private TagGen() {}

    private static final int TAG = 12;

    /** {@code inbound} / {@code outbound} from the link header, or null when the link type has no direction field. */
    static Frag direction(Gen g, boolean inbound) {
        return switch (g.link.type) {
            case DSA_TAG_BRCM -> g.eqMasked(TAG, Size.B, 0xe0, inbound ? 0x00 : 0x20);
            case DSA_TAG_DSA -> inbound ? g.eqMasked(TAG, Size.B, 0x40, 0x00) : g.eqMasked(TAG, Size.B, 0xc0, 0x40);
            case IPNET -> g.eq(2, Size.H, inbound ? 2 : 1);
            default -> null;
        };
    }

    /**
     * Whether a live capture may have the outer VLAN tag stripped into metadata: Ethernet and netANALYZER,
     * not the switch-tagged links, whose tag sits in front of the Ethertype.
     */
    static boolean kernelVlan(LinkLayer l) {
        return l.type == LinkType.EN10MB || netanalyzer(l);
    }

    /** Where {@code link[...]} counts from: the Ethernet header after netANALYZER's pseudo-header, else 0. */
    static int linkHeader(LinkLayer l) {
        return switch (l.type) {
            case NETANALYZER -> 4;
            case NETANALYZER_TRANSPARENT -> 12;
            default -> 0;
        };
    }

    /** Whether the link is Ethernet behind a Hilscher netANALYZER pseudo-header (no {@code llc} there). */
    static boolean netanalyzer(LinkLayer l) {
        return l.type == LinkType.NETANALYZER || l.type == LinkType.NETANALYZER_TRANSPARENT;
    }
}
