package io.jdump.filter.gen;

import io.jdump.filter.ast.AddrKind;
import io.jdump.filter.ast.Dir;
import io.jdump.filter.ast.IdValue;
import io.jdump.filter.ast.Proto;
import io.jdump.filter.ast.Qual;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which qualifier combinations an id accepts, with libpcap 1.11's messages for the others
 * ({@code 'tcp' is not a valid qualifier for 'host <IPv4 address>'}, {@code 'port' qualifier
 * applied to IPv6 address}, {@code 'addr1' is valid for 802.11 syntax only}). Runs before any code
 * is generated for the id, in the order libpcap checks.
 */
final class QualCheck {
    private QualCheck() {}

    private static final Set<Proto> PORT = EnumSet.of(Proto.DEFAULT, Proto.TCP, Proto.UDP, Proto.SCTP);
    private static final Set<Proto> PROTO = EnumSet.of(Proto.DEFAULT, Proto.LINK, Proto.IP, Proto.IP6, Proto.ISO, Proto.ISIS);
    private static final Set<Proto> PROTOCHAIN = EnumSet.of(Proto.DEFAULT, Proto.IP, Proto.IP6);
    private static final Set<Proto> V4 = EnumSet.of(Proto.DEFAULT, Proto.IP, Proto.ARP, Proto.RARP);
    private static final Set<Proto> V6 = EnumSet.of(Proto.DEFAULT, Proto.IP6);
    private static final Set<Proto> NAME = EnumSet.of(Proto.DEFAULT, Proto.IP, Proto.IP6, Proto.ARP, Proto.RARP, Proto.LINK);
    private static final Set<Proto> GATEWAY = EnumSet.of(Proto.DEFAULT, Proto.IP, Proto.ARP, Proto.RARP);

    static void check(Gen g, Qual q, AddrKind addr, IdValue v) {
        if (v instanceof IdValue.Arcnet) arcnet(q, addr);
        boolean wlanMac = g.link.style == LinkLayer.Style.WLAN && v instanceof IdValue.Mac;
        if (v instanceof IdValue.Mac && (addr != AddrKind.HOST || (q.proto() != Proto.LINK && q.proto() != Proto.DEFAULT))) {
            throw Gen.error("Ethernet address used in non-ether expression");
        }
        if ((addr == AddrKind.PROTO || addr == AddrKind.PROTOCHAIN) && v instanceof IdValue.Name(var name)
                && q.proto() != Proto.DECNET) {
            Proto p = q.proto();
            int n = p == Proto.LINK ? Addresses.etherProto(name) : p == Proto.ISO ? Addresses.isoProto(name)
                    : g.opts.resolver().protocol(name);
            if (n < 0) {
                throw Gen.error("unknown '" + (p == Proto.DEFAULT ? "" : p.word() + " ") + addr.word() + "' value '" + name + "'");
            }
        }
        valueShape(q, addr, v);
        if (!wlanMac) dir(q, addr);
        proto(g, q.proto(), addr, v);
    }

    /** An ARCnet-style {@code $XX} address is only a link-layer host. */
    private static void arcnet(Qual q, AddrKind addr) {
        if (addr != AddrKind.HOST) throw Gen.error("'" + addr.word() + "' is not a valid qualifier for '$XX'");
        if (q.proto() != Proto.DEFAULT && q.proto() != Proto.LINK) {
            throw Gen.error("'link' is the only valid proto qualifier for 'host $XX'");
        }
    }

    private static String text(IdValue v) {
        return switch (v) {
            case IdValue.V4(var t, var bits, var mask) -> t + (bits != null ? "/" + bits : mask != null ? " mask " + mask : "");
            case IdValue.V6(var t, var bits) -> t + (bits != null ? "/" + bits : "");
            case IdValue.Num(var n) -> Long.toString(n);
            case IdValue.Name(var n) -> n;
            case IdValue.Mac(var m) -> m;
            case IdValue.Arcnet(var a) -> a;
        };
    }

    /** Port, proto and gateway do not take addresses; a host takes no prefix. */
    private static void valueShape(Qual q, AddrKind addr, IdValue v) {
        boolean portLike = addr == AddrKind.PORT || addr == AddrKind.PORTRANGE || addr == AddrKind.PROTO
                || addr == AddrKind.PROTOCHAIN;
        if (v instanceof IdValue.V4 v4) {
            if (q.proto() != Proto.DECNET) Addresses.atoin(v4.text());
            String suffix = v4.bits() != null ? " and prefix length" : v4.mask() != null ? " and netmask" : "";
            if (portLike) throw Gen.error("'" + addr.word() + "' qualifier applied to IPv4 address" + suffix);
            if (addr == AddrKind.GATEWAY && q.proto() != Proto.DECNET) {
                throw Gen.error("'gateway' is not a valid qualifier for '" + text(v) + "'");
            }
            if (addr == AddrKind.HOST && !suffix.isEmpty() && q.proto() != Proto.DECNET && !fullMask(v4)) {
                throw Gen.error("'host' is not a valid qualifier for '" + text(v) + "'");
            }
        } else if (v instanceof IdValue.V6 v6) {
            String suffix = v6.bits() != null ? " and prefix length" : "";
            if (portLike) throw Gen.error("'" + addr.word() + "' qualifier applied to IPv6 address" + suffix);
            if (addr == AddrKind.GATEWAY) throw Gen.error("'gateway' is not a valid qualifier for '" + text(v) + "'");
            if (addr == AddrKind.HOST && v6.bits() != null && v6.bits() != 128) {
                throw Gen.error("'host' is not a valid qualifier for '" + text(v) + "'");
            }
        } else if (v instanceof IdValue.Num && addr == AddrKind.GATEWAY) {
            throw Gen.error("'gateway' is not a valid qualifier for '" + text(v) + "'");
        } else if (v instanceof IdValue.Mac && q.proto() != Proto.LINK && q.proto() != Proto.DEFAULT) {
            throw Gen.error("Ethernet address used in non-ether expression");
        } else if (v instanceof IdValue.Arcnet) {
            if (addr != AddrKind.HOST) throw Gen.error("'" + addr.word() + "' is not a valid qualifier for '$XX'");
            if (q.proto() != Proto.LINK && q.proto() != Proto.DEFAULT) {
                throw Gen.error("'link' is the only valid proto qualifier for 'host $XX'");
            }
        }
    }

    private static boolean fullMask(IdValue.V4 v) {
        if (v.bits() != null) return v.bits() == 32;
        long[] m = Addresses.atoin(v.mask());
        return m[0] << (32 - m[1]) == 0xffffffffL;
    }

    private static void dir(Qual q, AddrKind addr) {
        Dir d = q.dir();
        boolean wlan = d == Dir.ADDR1 || d == Dir.ADDR2 || d == Dir.ADDR3 || d == Dir.ADDR4 || d == Dir.RA || d == Dir.TA;
        if (!wlan) return;
        if (addr == AddrKind.PORT || addr == AddrKind.PORTRANGE || addr == AddrKind.PROTO || addr == AddrKind.PROTOCHAIN) {
            throw Gen.error("'" + d.word() + "' is not a valid qualifier for '" + addr.word() + "'");
        }
        throw Gen.error("'" + d.word() + "' is valid for 802.11 syntax only");
    }

    private static void proto(Gen g, Proto p, AddrKind addr, IdValue v) {
        String what = switch (addr) {
            case PORT, PORTRANGE -> PORT.contains(p) ? null : addr.word();
            case PROTO -> PROTO.contains(p) ? null : "proto";
            case PROTOCHAIN -> PROTOCHAIN.contains(p) ? null : "protochain";
            case GATEWAY -> GATEWAY.contains(p) ? null : "gateway";
            default -> hostWhat(p, addr, v);
        };
        if (what != null) throw Gen.error("'" + p.word() + "' is not a valid qualifier for '" + what + "'");
    }

    private static String hostWhat(Proto p, AddrKind addr, IdValue v) {
        boolean net = addr == AddrKind.NET;
        String kind = net ? "net" : "host";
        return switch (v) {
            case IdValue.V4 v4 -> {
                if (p == Proto.DECNET) yield v4.bits() != null || v4.mask() != null || net ? kind : null;
                boolean prefix = v4.bits() != null || v4.mask() != null;
                yield V4.contains(p) || (p == Proto.LINK && !prefix) ? null : kind + (prefix ? " <IPv4 prefix>" : " <IPv4 address>");
            }
            case IdValue.Num n -> V4.contains(p) || p == Proto.LINK || p == Proto.DECNET ? null : kind + " <IPv4 address>";
            case IdValue.V6 v6 -> V6.contains(p) ? null : kind + (net ? " <IPv6 prefix>" : " <IPv6 address>");
            case IdValue.Name n -> {
                if (p == Proto.DECNET) yield kind;
                if (net) yield V4.contains(p) ? null : "net <IPv4 network name>";
                yield NAME.contains(p) ? null : "host <Internet hostname>";
            }
            case IdValue.Mac m -> null;
            case IdValue.Arcnet a -> null;
        };
    }
}
