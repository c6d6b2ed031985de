package io.jdump.filter.opt;

import io.jdump.bpf.Insn;
import io.jdump.bpf.Reg;
import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Cfg;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rematerialization: {@code ld M[s]} whose value is, on every path, a packet word already loaded
 * with {@code ld [k]} becomes that load again, one instruction for one; the {@code st M[s]} that
 * saved it then has no reader and {@code remove-dead-stores} drops it. The two-key lookups of
 * {@code build-set-lookups} keep the source address in a slot while they test the destination
 * ({@code ip gateway} with four addresses on EN10MB: 24 → 23 instructions); where the IPv4 and ARP
 * halves share that part, the slot holds different loads on the two ways in and stays. libpcap does
 * not do this.
 *
 * <p>Why it is exact: by the value numbering ({@link States}) the slot holds the value of the
 * absolute load {@code ld [k]} on every path to the statement, and a slot can only hold a load's
 * number if that load ran and succeeded on every path, so the load can not fault here and reads
 * the same bytes (packet bytes never change while a filter runs). Only absolute loads are
 * rematerialized (an indexed one would depend on X).
 *
 * <p>Preconditions: CFG invariants. Postconditions: the same verdict for every packet; no {@code
 * ld M[s]} reads a value an absolute load gives.
 */
final class ReloadFromPacket implements Pass {
    @Override
    public String name() { return "reload-from-packet"; }

    @Override
    public boolean run(Cfg cfg) {
        Graph g = Graph.of(cfg);
        boolean any = false;
        for (Block b : g.order()) {
            for (Insn i : b.stmts()) any |= i instanceof Insn.LoadMem(var r, var slot) && r == Reg.A;
        }
        if (!any) return false;
        States st = States.of(g);
        Map<Integer, Insn> loads = new HashMap<>();
        for (Block b : g.order()) {
            int[] s = Values.copy(st.entry().get(b));
            for (Insn i : b.stmts()) {
                if (i instanceof Insn.LoadAbs(var size, var k) && k >= 0 && k < MergeIndexedTails.MAX_OFFSET) loads.putIfAbsent(st.values().loadKey(i, s), i);
                st.values().step(i, s);
            }
        }
        boolean changed = false;
        for (Block b : g.order()) {
            int[] s = Values.copy(st.entry().get(b));
            List<Insn> stmts = b.stmts();
            for (int n = 0; n < stmts.size(); n++) {
                Insn i = stmts.get(n);
                if (i instanceof Insn.LoadMem(var r, var slot) && r == Reg.A && loads.containsKey(s[Values.MEM + slot])) {
                    Insn load = loads.get(s[Values.MEM + slot]);
                    stmts.set(n, load);
                    i = load;
                    changed = true;
                }
                st.values().step(i, s);
            }
        }
        return changed;
    }
}
