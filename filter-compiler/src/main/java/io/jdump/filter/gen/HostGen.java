package io.jdump.filter.gen;

import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Size;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.ast.Dir;
import io.jdump.filter.ast.Proto;
import java.util.List;

/** Address tests: IPv4/ARP/RARP hosts and networks, IPv6 hosts and networks, MAC addresses, broadcast and multicast. */
final class HostGen {
    private HostGen() {}

    /** {@code [proto] [dir] host|net} for an IPv4 address with mask. */
    static Frag v4(Gen g, int addr, int mask, Proto proto, Dir dir, String kind) {
        return v4(g, new int[] {addr}, mask, proto, dir, kind);
    }

    /** The same for any of several addresses (a host name): one link-type test per protocol, then the addresses. */
    static Frag v4(Gen g, int[] addrs, int mask, Proto proto, Dir dir, String kind) {
        return v4(g, addrs, mask, proto, dir, kind, false);
    }

    /**
     * With {@code negate}, each protocol's address test is negated inside its link-type test
     * ({@code ip and not host}), as libpcap's {@code gateway} does: packets of other protocols
     * do not match.
     */
    static Frag v4(Gen g, int[] addrs, int mask, Proto proto, Dir dir, String kind, boolean negate) {
        return switch (proto) {
            // Inside MPLS only IPv4 and IPv6 can follow a label (there is no ARP over MPLS), so a
            // host or net without a protocol means IPv4 alone there, as in libpcap.
            case DEFAULT -> g.link.mplsDepth > 0 ? v4(g, addrs, mask, Proto.IP, dir, kind, negate) : Frag.or(Frag.or(v4(g, addrs, mask, Proto.IP, dir, kind, negate),
                    v4(g, addrs, mask, Proto.ARP, dir, kind, negate)), v4(g, addrs, mask, Proto.RARP, dir, kind, negate));
            case IP -> withLink(g, LinkLayer.IP, () -> neg(negate, anyOf(addrs.length, i -> op(g, addrs[i], mask, dir, 12, 16))));
            case ARP -> withLink(g, LinkLayer.ARP, () -> neg(negate, anyOf(addrs.length, i -> op(g, addrs[i], mask, dir, 14, 24))));
            case RARP -> withLink(g, LinkLayer.REVARP, () -> neg(negate, anyOf(addrs.length, i -> op(g, addrs[i], mask, dir, 14, 24))));
            case LINK -> throw Gen.error("illegal link layer address");
            case IP6 -> throw Gen.error("'ip6' modifier applied to ip " + kind);
            default -> throw Gen.error("'" + proto.word() + "' modifier applied to " + kind);
        };
    }

    /** The ARP/RARP address tests of {@code addrs} without the link-type test ({@link HostListGen}). */
    static Frag arpBody(Gen g, int[] addrs, Dir dir) {
        return anyOf(addrs.length, i -> op(g, addrs[i], -1, dir, 14, 24));
    }

    /** The IPv4 address tests of {@code addrs} without the link-type test ({@link HostListGen}). */
    static Frag ipBody(Gen g, int[] addrs, Dir dir) {
        return anyOf(addrs.length, i -> op(g, addrs[i], -1, dir, 12, 16));
    }

    private static Frag neg(boolean negate, Frag f) {
        return negate ? f.not() : f;
    }

    private static Frag anyOf(int n, java.util.function.IntFunction<Frag> f) {
        Frag r = f.apply(0);
        for (int i = 1; i < n; i++) r = Frag.or(r, f.apply(i));
        return r;
    }

    private static Frag withLink(Gen g, int ether, java.util.function.Supplier<Frag> body) {
        Frag lt = g.link.linktype(g, ether);
        if (lt.isFalse()) return lt;
        return Frag.and(lt, body.get());
    }

    private static Frag op(Gen g, int addr, int mask, Dir dir, int src, int dst) {
        int nl = g.link.net();
        return dirOp(dir, () -> mcmp(g, nl + src, addr, mask), () -> mcmp(g, nl + dst, addr, mask));
    }

    static Frag dirOp(Dir dir, java.util.function.Supplier<Frag> src, java.util.function.Supplier<Frag> dst) {
        return switch (dir) {
            case SRC -> src.get();
            case DST -> dst.get();
            case AND -> Frag.and(src.get(), dst.get());
            case OR, DEFAULT, UNDEF -> Frag.or(src.get(), dst.get());
            case ADDR1, ADDR2, ADDR3, ADDR4 -> throw Gen.error("'" + dir.word() + "' and 'address" + dir.word().charAt(4)
                    + "' are not valid qualifiers for addresses other than 802.11 MAC addresses");
            case RA, TA -> throw Gen.error("'" + dir.word() + "' is not a valid qualifier for addresses other than 802.11 MAC addresses");
        };
    }

    private static Frag mcmp(Gen g, int off, int v, int mask) {
        if (mask == 0) return Frag.TRUE;
        return mask == -1 ? g.eq(off, Size.W, v) : g.eqMasked(off, Size.W, mask, v & mask);
    }

    /** {@code [ip6] [dir] host|net} for an IPv6 address and mask (16 bytes each). */
    static Frag v6(Gen g, byte[] addr, byte[] mask, Proto proto, Dir dir, String kind) {
        return v6(g, List.of(addr), mask, proto, dir, kind);
    }

    /** The same for any of several addresses. */
    static Frag v6(Gen g, List<byte[]> addrs, byte[] mask, Proto proto, Dir dir, String kind) {
        if (proto != Proto.DEFAULT && proto != Proto.IP6) {
            if (proto == Proto.IP) throw Gen.error("'ip' modifier applied to ip6 " + kind);
            if (proto == Proto.LINK) throw Gen.error("illegal link layer address");
            throw Gen.error("'" + proto.word() + "' modifier applied to ip6 " + kind);
        }
        return withLink(g, LinkLayer.IPV6, () -> {
            int nl = g.link.net();
            return anyOf(addrs.size(), i -> dirOp(dir, () -> words(g, nl + 8, addrs.get(i), mask),
                    () -> words(g, nl + 24, addrs.get(i), mask)));
        });
    }

    private static Frag words(Gen g, int off, byte[] addr, byte[] mask) {
        Frag f = Frag.TRUE;
        for (int i = 0; i < 4; i++) {
            int a = word(addr, i);
            int m = word(mask, i);
            if (m == 0) continue;
            f = Frag.and(f, mcmp(g, off + 4 * i, a, m));
        }
        return f;
    }

    static int word(byte[] b, int i) {
        return (b[4 * i] & 0xff) << 24 | (b[4 * i + 1] & 0xff) << 16 | (b[4 * i + 2] & 0xff) << 8 | (b[4 * i + 3] & 0xff);
    }

    /** {@code ether [dir] host mac}: compared from the end, a word then a halfword. */
    static Frag mac(Gen g, byte[] mac, Dir dir) {
        if (!g.link.hasMacs()) {
            throw Gen.error("'link host XX:XX:XX:XX:XX:XX' not supported on DLT_" + g.link.type.name());
        }
        if (g.link.style == LinkLayer.Style.WLAN) return WlanGen.mac(g, dir, off -> bytes6(g, off, mac));
        int base = g.link.macBase;
        Frag f = dirOp(dir, () -> bytes6(g, base + g.link.macSourceDelta(), mac), () -> bytes6(g, base, mac));
        return g.link.lane ? Frag.and(AtmGen.notLeControl(g), f) : f;
    }

    private static Frag bytes6(Gen g, int off, byte[] m) {
        int w = (m[2] & 0xff) << 24 | (m[3] & 0xff) << 16 | (m[4] & 0xff) << 8 | (m[5] & 0xff);
        int h = (m[0] & 0xff) << 8 | (m[1] & 0xff);
        return Frag.and(g.eq(off + 2, Size.W, w), g.eq(off, Size.H, h));
    }

    static Frag broadcast(Gen g, Proto proto) {
        return switch (proto) {
            case DEFAULT, LINK -> {
                if (ArcnetGen.has(g.link)) yield ArcnetGen.broadcast(g);
                if (!g.link.hasMacs()) throw Gen.error("'broadcast' not supported on DLT_" + g.link.type.name());
                if (g.link.style == LinkLayer.Style.WLAN) {
                    byte[] ff = {-1, -1, -1, -1, -1, -1};
                    yield WlanGen.mac(g, Dir.DST, off -> bytes6(g, off, ff));
                }
                yield mac(g, new byte[] {-1, -1, -1, -1, -1, -1}, Dir.DST);
            }
            case IP -> {
                if (g.opts.netmask() == CompileOptions.NETMASK_UNKNOWN) {
                    throw Gen.error("netmask not known, so 'ip broadcast' not supported");
                }
                int host = ~g.opts.netmask();
                yield withLink(g, LinkLayer.IP, () -> {
                    int off = g.link.net() + 16;
                    return Frag.or(mcmp(g, off, 0, host == -1 ? -1 : host), mcmp(g, off, host, host == -1 ? -1 : host));
                });
            }
            default -> throw Gen.error("only link-layer/IP broadcast filters supported");
        };
    }

    static Frag multicast(Gen g, Proto proto) {
        return switch (proto) {
            case DEFAULT, LINK -> {
                if (ArcnetGen.has(g.link)) yield ArcnetGen.multicast(g);
                if (!g.link.hasMacs()) throw Gen.error("'multicast' not supported on DLT_" + g.link.type.name());
                if (g.link.style == LinkLayer.Style.WLAN) {
                    yield WlanGen.mac(g, Dir.DST, off -> g.jump(g.load(Size.B, off), JmpOp.JSET, 1));
                }
                Frag m = g.jump(g.load(Size.B, g.link.macBase), JmpOp.JSET, 1);
                yield g.link.lane ? Frag.and(AtmGen.notLeControl(g), m) : m;
            }
            case IP -> withLink(g, LinkLayer.IP, () -> g.eqMasked(g.link.net() + 16, Size.B, 0xf0, 0xe0));
            case IP6 -> withLink(g, LinkLayer.IPV6, () -> g.eq(g.link.net() + 24, Size.B, 0xff));
            default -> throw Gen.error("link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel");
        };
    }
}
