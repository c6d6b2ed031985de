package io.jdump.filter.gen;

import io.jdump.filter.ast.AddrKind;
import io.jdump.filter.ast.Dir;
import io.jdump.filter.ast.Expr;
import io.jdump.filter.ast.IdValue;
import io.jdump.filter.ast.Proto;
import io.jdump.filter.ast.Qual;
import io.jdump.filter.lex.Ipv6;
import io.jdump.filter.sema.Resolver;
import java.util.List;

/** Qualified ids ({@code src host a}, {@code tcp port 80}, {@code ether proto \arp}): resolves the value and picks the generator. */
final class IdGen {
    private IdGen() {}

    static Frag gen(Gen g, Expr.Id id) {
        Qual q = id.qual();
        if (q.isErr()) throw Gen.error("syntax error");
        AddrKind addr = q.addr() == AddrKind.DEFAULT ? AddrKind.HOST : q.addr();
        QualCheck.check(g, q, addr, id.value());
        return switch (addr) {
            case HOST, NET -> hostOrNet(g, q, addr, id.value());
            case PORT, PORTRANGE -> port(g, q, addr, id.value());
            case PROTO -> proto(g, q, id.value(), false);
            case GATEWAY -> gateway(g, q, id.value());
            case PROTOCHAIN -> {
                int n = protoNumber(g, q, id.value(), true);
                g.protochain = true;
                if (g.link.net() >= Gen.VARIABLE) throw Gen.error("'protochain' not supported with variable length headers");
                yield ProtochainGen.gen(g, q.proto(), n);
            }
            case DEFAULT, UNDEF -> throw Gen.error("syntax error");
        };
    }

    private static Frag hostOrNet(Gen g, Qual q, AddrKind addr, IdValue v) {
        String kind = addr == AddrKind.NET ? "net" : "host";
        return switch (v) {
            case IdValue.V4 v4 -> v4(g, q, addr, v4);
            case IdValue.Num(var n) -> {
                if (q.proto() == Proto.LINK) throw Gen.error("illegal link-layer address '" + n + "'");
                if (q.proto() == Proto.DECNET) throw Gen.error("invalid DECnet address '" + n + "'");
                int a = (int) n;
                int mask = -1;
                if (addr == AddrKind.NET) {
                    while (a != 0 && (a & 0xff000000) == 0) {
                        a <<= 8;
                        mask <<= 8;
                    }
                }
                yield HostGen.v4(g, a, mask, q.proto(), q.dir(), kind);
            }
            case IdValue.V6(var text, var bits) -> v6(g, q, addr, text, bits);
            case IdValue.Mac(var text) -> {
                if (q.proto() != Proto.LINK && q.proto() != Proto.DEFAULT) throw Gen.error("ethernet address used in non-ether expression");
                if (!g.link.hasMacs()) {
                    throw Gen.error("'link host XX:XX:XX:XX:XX:XX' not supported on DLT_" + g.link.type.name());
                }
                yield HostGen.mac(g, Addresses.mac(text), q.dir());
            }
            case IdValue.Name(var name) -> name(g, q, addr, name);
            case IdValue.Arcnet(var text) -> ArcnetGen.host(g, text, q.dir());
        };
    }

    private static Frag v4(Gen g, Qual q, AddrKind addr, IdValue.V4 v) {
        if (q.proto() == Proto.LINK) throw Gen.error("illegal link-layer address '" + v.text() + "'");
        if (q.proto() == Proto.DECNET) return DecnetGen.host(g, v.text(), q.dir());
        long[] an = Addresses.atoin(v.text());
        int vlen = (int) an[1];
        int a = (int) (an[0] << (32 - vlen));
        int mask = (int) (0xffffffffL << (32 - vlen));
        if (v.bits() != null || v.mask() != null) {
            if (v.bits() != null) {
                if (v.bits() > 32) throw Gen.error("netmask length " + v.bits() + " greater than maximum 32");
                mask = v.bits() == 0 ? 0 : (int) (0xffffffffL << (32 - v.bits()));
            } else {
                long[] m = Addresses.atoin(v.mask());
                mask = (int) (m[0] << (32 - (int) m[1]));
            }
            if (addr != AddrKind.NET && mask != -1) throw Gen.error("Mask syntax for networks only");
            if ((a & ~mask) != 0) throw Gen.error("non-network bits set in \"" + v.text() + (v.bits() != null ? "/" + v.bits() : " mask " + v.mask()) + "\"");
        }
        return HostGen.v4(g, a, mask, q.proto(), q.dir(), addr == AddrKind.NET ? "net" : "host");
    }

    private static Frag v6(Gen g, Qual q, AddrKind addr, String text, Integer bits) {
        byte[] a = Ipv6.parse(text);
        int len = bits == null ? 128 : bits;
        if (len > 128) throw Gen.error("mask length must be <= 128");
        if (len != 128 && addr != AddrKind.NET) throw Gen.error("Mask syntax for networks only");
        byte[] m = new byte[16];
        for (int i = 0; i < len; i++) m[i / 8] |= (byte) (0x80 >>> (i % 8));
        for (int i = 0; i < 16; i++) {
            if ((a[i] & ~m[i]) != 0) throw Gen.error("non-network bits set in \"" + text + "/" + len + "\"");
        }
        return HostGen.v6(g, a, m, q.proto(), q.dir(), addr == AddrKind.NET ? "net" : "host");
    }

    private static Frag name(Gen g, Qual q, AddrKind addr, String name) {
        Resolver r = g.opts.resolver();
        if (addr == AddrKind.NET) {
            Integer n = r.network(name);
            if (n == null) throw Gen.error("unknown network '" + name + "'");
            int a = n;
            int mask = -1;
            while (a != 0 && (a & 0xff000000) == 0) {
                a <<= 8;
                mask <<= 8;
            }
            return HostGen.v4(g, a, mask, q.proto(), q.dir(), "net");
        }
        if (q.proto() == Proto.LINK) {
            if (!g.link.hasMacs()) throw Gen.error("'link host NAME' not supported on DLT_" + g.link.type.name());
            byte[] mac = r.mac(name);
            if (mac == null) throw Gen.error("unknown Ethernet-like host '" + name + "'");
            return HostGen.mac(g, mac, q.dir());
        }
        List<Integer> v4 = r.ipv4(name);
        List<byte[]> v6 = r.ipv6(name);
        if (v4.isEmpty() && v6.isEmpty()) throw Gen.error("unknown host '" + name + "'");
        Proto p4 = q.proto();
        Proto p6 = q.proto();
        if (!g.link.hasLinktype() && p4 == Proto.DEFAULT) {
            p4 = Proto.IP;
            p6 = Proto.IP6;
        }
        int[] a4 = v4.stream().sorted(Integer::compareUnsigned).mapToInt(Integer::intValue).toArray();
        List<byte[]> a6 = new java.util.ArrayList<>(v6);
        a6.sort(java.util.Arrays::compareUnsigned);
        if (q.proto() == Proto.ARP || q.proto() == Proto.RARP || q.proto() == Proto.IP) a6.clear();
        Frag f4 = a4.length == 0 || p4 == Proto.IP6 ? null : HostGen.v4(g, a4, -1, p4, q.dir(), "host");
        byte[] full = new byte[16];
        java.util.Arrays.fill(full, (byte) -1);
        Frag f6 = a6.isEmpty() || (p6 != Proto.DEFAULT && p6 != Proto.IP6) ? null : HostGen.v6(g, a6, full, p6, q.dir(), "host");
        if (f4 == null && f6 == null) throw Gen.error("unknown host '" + name + "' for specified address family");
        return f4 == null ? f6 : f6 == null ? f4 : Frag.or(f4, f6);
    }

    /** {@code gateway name}: the MAC address of name, but not its IPv4 addresses (a packet routed through it). */
    private static Frag gateway(Gen g, Qual q, IdValue v) {
        if (!g.link.hasMacs()) throw Gen.error("'gateway' not supported on DLT_" + g.link.type.name());
        if (g.link.mplsDepth > 0) throw Gen.error("'gateway' cannot be used within MPLS");
        if (g.link.tunnel) throw Gen.error("'gateway' cannot be used within VXLAN or Geneve");
        String name = ((IdValue.Name) v).name();
        byte[] mac = g.opts.resolver().mac(name);
        if (mac == null) throw Gen.error("unknown Ethernet-like host '" + name + "'");
        List<Integer> v4 = g.opts.resolver().ipv4(name);
        if (v4.isEmpty()) throw Gen.error("unknown host '" + name + "'");
        int[] a4 = v4.stream().sorted(Integer::compareUnsigned).mapToInt(Integer::intValue).toArray();
        Frag ether = HostGen.mac(g, mac, Dir.OR);
        return Frag.and(ether, HostGen.v4(g, a4, -1, q.proto(), Dir.OR, "host", true));
    }

    private static Frag port(Gen g, Qual q, AddrKind addr, IdValue v) {
        Proto p = q.proto();
        int lo;
        int hi;
        switch (v) {
            case IdValue.Num(var n) -> {
                if (n > 65535) throw Gen.error("port number " + n + " greater than maximum 65535");
                lo = hi = (int) n;
            }
            case IdValue.Name(var name) -> {
                if (addr == AddrKind.PORT) p = namedPortProto(g, name, p);
                int[] range = Addresses.portRange(g.opts.resolver(), name, p, addr == AddrKind.PORTRANGE);
                lo = range[0];
                hi = range[1];
            }
            default -> throw Gen.error("illegal " + addr.word() + " value");
        }
        if (lo > hi) {
            int t = lo;
            lo = hi;
            hi = t;
        }
        return PortGen.ports(g, lo, hi, p, q.dir());
    }

    /**
     * The protocol a port name narrows {@code p} to, as libpcap: a name the services database knows only for TCP
     * (or only for UDP) tests that protocol alone, and {@code udp}/{@code sctp port NAME} of a TCP-only name (or
     * {@code tcp}/{@code sctp} of a UDP-only one) is an error; a name known for both leaves {@code p} as it is.
     */
    private static Proto namedPortProto(Gen g, String name, Proto p) {
        int tcp = g.opts.resolver().port(name, "tcp");
        int udp = g.opts.resolver().port(name, "udp");
        if ((tcp < 0) == (udp < 0)) return p;
        Proto only = tcp >= 0 ? Proto.TCP : Proto.UDP;
        if (p == Proto.DEFAULT) return only;
        if (p != only && (p == Proto.TCP || p == Proto.UDP || p == Proto.SCTP)) {
            throw Gen.error("port '" + name + "' is " + (only == Proto.TCP ? "tcp" : "udp"));
        }
        return p;
    }

    private static void checkProtoRange(Proto p, long n) {
        switch (p) {
            case LINK -> {
                if (n > 65535) throw Gen.error("EtherType " + n + " greater than maximum 65535");
                if (n > 255 && n <= 1500) throw Gen.error("LLC DSAP " + n + " greater than maximum 255");
            }
            case ISO -> {
                if (n > 255) throw Gen.error("ISO protocol " + n + " greater than maximum 255");
            }
            case ISIS -> {
                if (n > 31) throw Gen.error("IS-IS PDU type " + n + " greater than maximum 31");
            }
            default -> {
                if (n > 255) throw Gen.error("protocol number " + n + " greater than maximum 255");
            }
        }
    }

    private static Frag proto(Gen g, Qual q, IdValue v, boolean chain) {
        Proto p = q.proto();
        int n = protoNumber(g, q, v, chain);
        return switch (p) {
            case LINK -> g.link.linktype(g, n);
            case IP -> ProtoGen.ip(g, n);
            case IP6 -> ProtoGen.ip6(g, n);
            case DEFAULT -> ProtoGen.both(g, n);
            case ISO -> ProtoGen.iso(g, n);
            case ISIS -> ProtoGen.isisPdu(g, n);
            default -> throw Gen.error("'" + p.word() + " proto' is not supported by jdump's compiler yet");
        };
    }

    /** The protocol number of a {@code proto} / {@code protochain} operand, checked as libpcap does. */
    private static int protoNumber(Gen g, Qual q, IdValue v, boolean chain) {
        Proto p = q.proto();
        int n = switch (v) {
            case IdValue.Num(var x) -> (int) x;
            case IdValue.Name(var name) -> p == Proto.LINK ? Addresses.etherProto(name)
                    : p == Proto.ISO ? Addresses.isoProto(name) : g.opts.resolver().protocol(name);
            default -> throw Gen.error("illegal proto value");
        };
        if (n < 0) {
            String name = ((IdValue.Name) v).name();
            throw Gen.error("unknown '" + (p == Proto.DEFAULT ? "" : p.word() + " ") + (chain ? "protochain" : "proto")
                    + "' value '" + name + "'");
        }
        if (p == Proto.LINK && g.link.style == LinkLayer.Style.PPP && n > 65535) {
            throw Gen.error("PPP protocol " + n + " greater than maximum 65535");
        }
        if (p == Proto.LINK && g.link.style == LinkLayer.Style.CHDLC && n > 65535) {
            throw Gen.error("HDLC protocol " + n + " greater than maximum 65535");
        }
        checkProtoRange(p, n);
        return n;
    }
}
