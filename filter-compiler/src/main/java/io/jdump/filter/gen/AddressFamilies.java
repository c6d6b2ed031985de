package io.jdump.filter.gen;

import io.jdump.bpf.Size;
import io.jdump.filter.CompileOptions.Offline;

/**
 * Link-type tests on an address-family field (BSD loopback {@code DLT_NULL} in the writer's byte
 * order, OpenBSD loopback and ENC, pflog's one-byte family). A live capture compares this host's
 * (Linux) values; a filter for a savefile ({@link Offline}) accepts the IPv6 family of every BSD
 * (30 Darwin, 24 NetBSD/OpenBSD, 28 FreeBSD), and for DLT_NULL both byte orders.
 */
final class AddressFamilies {
    private AddressFamilies() {}

    private static final int AF_INET = 2, AF_INET6_LINUX = 10;
    private static final int[] AF_INET6_BSDS = {30, 24, 28};

    private static int[] families(Gen g, int proto) {
        if (proto == LinkLayer.IP) return new int[] {AF_INET};
        if (proto != LinkLayer.IPV6) return new int[0];
        return g.opts.offline() == Offline.LIVE ? new int[] {AF_INET6_LINUX} : AF_INET6_BSDS;
    }

    /** pflog's family byte at offset 1. */
    static Frag pflog(Gen g, int proto) {
        Frag f = Frag.FALSE;
        for (int af : families(g, proto)) f = Frag.or(f, g.eq(1, Size.B, af));
        return f;
    }

    /** A 32-bit family at the link-type offset, in the writer's byte order ({@code hostOrder}) or network order. */
    static Frag word(Gen g, int off, int proto, boolean hostOrder) {
        int[] afs = families(g, proto);
        Offline o = g.opts.offline();
        Frag f = Frag.FALSE;
        if (!hostOrder || o == Offline.LIVE) {
            for (int af : afs) f = Frag.or(f, g.eq(off, Size.W, hostOrder ? Integer.reverseBytes(af) : af));
            return f;
        }
        for (int pass = 0; pass < 2; pass++) {
            boolean reversed = (pass == 0) == (o == Offline.SWAPPED);
            for (int af : afs) f = Frag.or(f, g.eq(off, Size.W, reversed ? Integer.reverseBytes(af) : af));
        }
        return f;
    }
}
