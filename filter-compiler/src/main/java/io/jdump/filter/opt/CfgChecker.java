package io.jdump.filter.opt;

import io.jdump.filter.ir.Block;
import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the CFG invariants every pass must keep: every conditional block has both edges patched,
 * the graph is forward-only (a DAG: every edge goes to a later block in {@link Cfg#order()}),
 * every block is reachable from the entry (true by construction of {@code order()}, checked for
 * the edges' targets), and returns have no successors. Run after every pass when the system
 * property {@code cbpf.check} is set (the test suite sets it).
 */
public final class CfgChecker {
    private CfgChecker() {}

    /** Whether the checker is enabled ({@code -Dcbpf.check=true}). */
    public static boolean enabled() {
        return Boolean.getBoolean("cbpf.check");
    }

    /** Throws {@link IllegalStateException} naming {@code after} if {@code cfg} breaks an invariant. */
    public static void check(Cfg cfg, String after) {
        List<Block> order;
        try {
            order = cfg.order();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("CFG invariant broken after " + after + ": " + e.getMessage(), e);
        }
        Map<Block, Integer> index = new HashMap<>();
        for (Block b : order) index.put(b, index.size());
        for (Block b : order) {
            if (!b.branch().isConditional()) {
                if (b.successor(Sense.TRUE) != null || b.successor(Sense.FALSE) != null) {
                    fail(after, b + " returns but has a successor");
                }
                continue;
            }
            for (Sense s : Sense.values()) {
                Block t = b.successor(s);
                if (t == null) fail(after, b + " has no " + s + " successor");
                Integer ti = index.get(t);
                if (ti == null) fail(after, b + " " + s + " edge leads to " + t + ", which is not reachable");
                if (ti <= index.get(b)) fail(after, b + " " + s + " edge leads back to " + t + ": the CFG is not a DAG");
            }
        }
    }

    private static void fail(String after, String what) {
        throw new IllegalStateException("CFG invariant broken after " + after + ": " + what);
    }
}
