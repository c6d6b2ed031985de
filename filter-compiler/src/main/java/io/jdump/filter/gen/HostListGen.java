package io.jdump.filter.gen;

import io.jdump.filter.ast.AddrKind;
import io.jdump.filter.ast.Dir;
import io.jdump.filter.ast.Expr;
import io.jdump.filter.ast.IdValue;
import io.jdump.filter.ast.Proto;
import java.util.List;

/**
 * {@code host a or host b or ...} generated with its link-type tests hoisted, when optimizing
 * (libpcap's own shape for a host name with several addresses): {@code ether proto ip} once, then
 * the IPv4 address tests of every host in order, else {@code ether proto arp or rarp} once and the
 * ARP address tests (ARP and RARP addresses are at the same offsets). The optimizer would reach
 * this shape by threading the repeated type tests, at a cost of several passes over three times
 * the blocks; generating it directly makes a 10,000-host list cheap to optimize.
 *
 * <p>Exact, faults included, on Ethernet, where the three type tests are one load of the same
 * field compared with different constants: for a packet of a given type the original runs the
 * same loads and address tests in the same order (the repeated type loads succeed as the first
 * did; the other types' tests are false and can not fault once one type matched), and packets of
 * no listed type are rejected by both. Not used without optimization, whose listing is libpcap's.
 */
final class HostListGen {
    private HostListGen() {}

    /** Fewest hosts worth the hoisting. */
    static final int MIN = 4;

    /** Whether {@code e} is a plain {@code [dir] host a.b.c.d} this generator can group, with {@code dir}. */
    static boolean groupable(Gen g, Expr e, Dir dir) {
        if (!g.opts.optimize() || g.link.style != LinkLayer.Style.ETHER || g.link.mplsDepth > 0 || g.link.lane) return false;
        if (!(e instanceof Expr.Id(var q, var v, var pos)) || q.isErr() || q.proto() != Proto.DEFAULT) return false;
        if (q.addr() != AddrKind.HOST && q.addr() != AddrKind.DEFAULT) return false;
        if (q.dir() != dir || !(dir == Dir.DEFAULT || dir == Dir.UNDEF || dir == Dir.OR || dir == Dir.SRC || dir == Dir.DST || dir == Dir.AND)) return false;
        return v instanceof IdValue.V4(var text, var bits, var mask) && bits == null && mask == null && text.split("\\.", -1).length == 4;
    }

    /** The direction of a groupable term (the caller then checks the following terms with it). */
    static Dir dir(Expr e) {
        return ((Expr.Id) e).qual().dir();
    }

    /** The hoisted disjunction of the groupable {@code terms}, in their order. */
    static Frag gen(Gen g, List<Expr> terms) {
        int[] addrs = new int[terms.size()];
        Dir dir = dir(terms.getFirst());
        for (int i = 0; i < addrs.length; i++) {
            Expr.Id id = (Expr.Id) terms.get(i);
            QualCheck.check(g, id.qual(), AddrKind.HOST, id.value());
            addrs[i] = (int) Addresses.atoin(((IdValue.V4) id.value()).text())[0];
        }
        Frag ipType = g.link.linktype(g, LinkLayer.IP);
        Frag ip = HostGen.ipBody(g, addrs, dir);
        Frag arpType = Frag.or(g.link.linktype(g, LinkLayer.ARP), g.link.linktype(g, LinkLayer.REVARP));
        Frag arp = Frag.and(arpType, HostGen.arpBody(g, addrs, dir));
        if (ipType.constant() != null || arp.constant() != null) return Frag.or(Frag.and(ipType, ip), arp);
        // An IPv4 packet whose addresses are not listed is not ARP either: its false exits leave
        // the run directly instead of through the ARP type tests (which threading would find, one
        // round later, after the ARP tests' reload of the type turned redundant).
        return Frag.ifElse(ipType, ip, arp);
    }
}
