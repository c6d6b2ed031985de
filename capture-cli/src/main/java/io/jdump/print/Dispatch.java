package io.jdump.print;

import io.jdump.filter.LinkType;

import java.util.Map;

/**
 * The tables that hand a payload to the next printer: link type, ethertype and IP protocol
 * (tcpdump's {@code printers[]}, {@code ethertype_print} and {@code ip_demux_print}). Port
 * tables live with {@link UdpPrinter} and {@link TcpPrinter}.
 */
final class Dispatch {
    private Dispatch() {}

    /** A printer for a payload at {@code off} whose length on the wire is {@code len}. */
    @FunctionalInterface
    interface Payload {
        void print(Ctx c, int off, int len);
    }

    /** Ethertype names as tcpdump prints them in {@code ethertype NAME (0x....)}. */
    static final Map<Integer, String> ETHERTYPE_NAMES = Map.ofEntries(
            Map.entry(0x0800, "IPv4"), Map.entry(0x0806, "ARP"), Map.entry(0x86dd, "IPv6"),
            Map.entry(0x8100, "802.1Q"), Map.entry(0x88a8, "802.1Q-QinQ"), Map.entry(0x9100, "802.1Q-9100"),
            Map.entry(0x9200, "802.1Q-9200"), Map.entry(0x8847, "MPLS unicast"), Map.entry(0x8848, "MPLS multicast"),
            Map.entry(0x8863, "PPPoE D"), Map.entry(0x8864, "PPPoE S"), Map.entry(0x8035, "Reverse ARP"),
            Map.entry(0x9000, "Loopback"), Map.entry(0x88cc, "LLDP"), Map.entry(0x8137, "IPX"),
            Map.entry(0x809b, "Appletalk"), Map.entry(0x80f3, "Appletalk ARP"), Map.entry(0x6003, "DN"),
            Map.entry(0x6004, "LAT"), Map.entry(0x6001, "MOP DL"), Map.entry(0x6002, "MOP RC"),
            Map.entry(0x6007, "SCA"), Map.entry(0x0600, "NS"), Map.entry(0x8809, "Slow Protocols"),
            Map.entry(0x888e, "EAPOL"), Map.entry(0x88e5, "MACsec"), Map.entry(0x8902, "CFM"),
            Map.entry(0x88f7, "PTP"), Map.entry(0x8914, "FCoE Init"), Map.entry(0x8906, "FCoE"),
            Map.entry(0x22f3, "TRILL"), Map.entry(0x893a, "IEEE1905.1"), Map.entry(0x88e7, "PBB"),
            Map.entry(0x8808, "MAC control"), Map.entry(0x0200, "PUP"), Map.entry(0x0500, "Sprite"),
            Map.entry(0x6000, "DEC"), Map.entry(0x6005, "DEC Diag"), Map.entry(0x6006, "DEC Customer"),
            Map.entry(0x8038, "DEC LANBridge"), Map.entry(0x803f, "DEC LANBridge"), Map.entry(0x880b, "PPP"),
            Map.entry(0x8872, "EAPOL"), Map.entry(0x886f, "Netbeui"), Map.entry(0x8819, "CobraNet"),
            Map.entry(0x876b, "Jumbo"), Map.entry(0x8870, "Jumbo frames"), Map.entry(0x88a2, "AoE"),
            Map.entry(0x22eb, "TIPC"), Map.entry(0x88c7, "RSN pre-auth"),
            Map.entry(0x6558, "TEB"), Map.entry(0x4305, "GRE/VLAN"));

    static String ethertypeName(int type) {
        return ETHERTYPE_NAMES.getOrDefault(type, "Unknown");
    }

    /** Prints the frame with the link-layer printer of {@code type}. */
    static void link(Ctx c, LinkType type) {
        c.proto = "";
        switch (type) {
            case EN10MB -> EtherPrinter.print(c);
            case LINUX_SLL -> SllPrinter.printV1(c);
            case LINUX_SLL2 -> SllPrinter.printV2(c);
            case RAW, IPV4, IPV6 -> RawPrinter.print(c);
            case NULL, LOOP -> NullPrinter.print(c);
            case null, default -> c.p("unknown link type");
        }
    }

    /**
     * Prints the payload of ethertype {@code type}; returns false when there is no printer for
     * it (the caller then prints tcpdump's fallback).
     */
    static boolean ethertype(Ctx c, int type, int off, int len) {
        Payload p = switch (type) {
            case 0x0800 -> Ipv4Printer::print;
            case 0x86dd -> Ipv6Printer::print;
            case 0x0806, 0x8035 -> ArpPrinter::print;
            case 0x8100, 0x88a8, 0x9100 -> VlanPrinter::print;
            case 0x8847, 0x8848 -> MplsPrinter::print;
            case 0x8863, 0x8864 -> PppoePrinter::print;
            case 0x9000 -> LoopbackPrinter::print;
            case 0x88cc -> LldpPrinter::print;
            default -> null;
        };
        if (p == null) return false;
        p.print(c, off, len);
        return true;
    }

    /** Prints an IP payload of protocol {@code proto} (IPv4 or IPv6 next header). */
    static boolean ipProto(Ctx c, Ip ip, int proto, int off, int len) {
        switch (proto) {
            case 6 -> TcpPrinter.print(c, ip, off, len);
            case 17 -> UdpPrinter.print(c, ip, off, len);
            case 1 -> IcmpPrinter.print(c, ip, off, len);
            case 58 -> Icmp6Printer.print(c, ip, off, len);
            case 2 -> IgmpPrinter.print(c, off, len);
            case 4 -> { c.proto = "ip"; Ipv4Printer.print(c, off, len); }
            case 41 -> Ipv6Printer.print(c, off, len);
            case 143 -> EtherPrinter.print(c, off, len);
            case 47 -> GrePrinter.print(c, off, len);
            case 50 -> IpsecPrinter.esp(c, off, len);
            case 51 -> IpsecPrinter.ah(c, ip, off, len);
            case 132 -> SctpPrinter.print(c, ip, off, len);
            case 112 -> VrrpPrinter.print(c, ip, off, len);
            case 103 -> PimPrinter.print(c, off, len);
            default -> { return false; }
        }
        return true;
    }
}
