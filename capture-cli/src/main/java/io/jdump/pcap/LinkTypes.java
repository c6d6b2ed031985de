package io.jdump.pcap;

import io.jdump.filter.LinkType;

/**
 * Link-type numbers as capture files carry them, including the ones {@link LinkType} has no
 * name for: how tcpdump names them, how large their packets may be, and which number a file
 * written by libpcap gets for them.
 */
public final class LinkTypes {
    /** libpcap's default maximum snapshot length, for every link type not listed in {@link #maxSnaplen}. */
    public static final int MAX_SNAPLEN = 262144;

    /** The upper six bits of a pcap header's link-type field: FCS length information. */
    static final int FCS_BITS = 0xfc000000;
    /** Bits 16..25 of a pcap header's link-type field, reserved and required to be zero. */
    static final int RESERVED_BITS = 0x03ff0000;

    private LinkTypes() {}

    /** The named type for a file's link-type number (or its DLT alias), or null. */
    public static LinkType lookup(int linkType) {
        return LinkType.fromLinkType(linkType);
    }

    /**
     * How tcpdump shows a link type in {@code reading from file F, link-type ...}:
     * {@code EN10MB (Ethernet)}, or the bare number when it has no name.
     */
    public static String describe(int linkType) {
        LinkType t = lookup(linkType);
        return t == null ? Integer.toUnsignedString(linkType) : t.name() + " (" + t.description() + ")";
    }

    /**
     * The largest caplen libpcap accepts for a link type, and the snapshot length it assumes
     * when a file says 0: 128 MiB for D-Bus, 8 MiB for EBHSCR, 1 MiB for USBPcap, 256 KiB otherwise.
     */
    public static int maxSnaplen(int linkType) {
        LinkType t = lookup(linkType);
        if (t == null) return MAX_SNAPLEN;
        return switch (t) {
            case DBUS -> 128 * 1024 * 1024;
            case EBHSCR -> 8 * 1024 * 1024;
            case USBPCAP -> 1024 * 1024;
            default -> MAX_SNAPLEN;
        };
    }

    /**
     * The number a written file carries: files read with a DLT number where the LINKTYPE number
     * differs (RAW as 12) are written with the LINKTYPE number (101), as libpcap does.
     */
    public static int toFileLinkType(int linkType) {
        LinkType t = lookup(linkType);
        return t == null ? linkType : t.linkType();
    }

    /**
     * Whether libpcap 1.10 can handle this link type at all (compile a filter for it, write it to
     * a file): the named types and the LINKTYPE range 104..289 that equals the DLT range.
     */
    public static boolean isSupported(int linkType) {
        return lookup(linkType) != null || (linkType >= 104 && linkType <= 289);
    }
}
