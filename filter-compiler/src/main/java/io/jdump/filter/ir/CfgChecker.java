package io.jdump.filter.ir;

import io.jdump.bpf.Insn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Structural invariants of a {@link Cfg}: every edge of a conditional or {@code Goto} block is
 * patched, return blocks have no successors, statements are never jumps or returns, and edges only
 * go forward in emission order (so the graph is acyclic). Run after code generation and, when the
 * {@code cbpf.check} system property is set, after every optimizer pass.
 */
public final class CfgChecker {
    private CfgChecker() {}

    /** Whether checks are enabled ({@code -Dcbpf.check=true}; the test suite sets it). */
    public static boolean enabled() {
        return Boolean.getBoolean("cbpf.check");
    }

    /** Checks {@code cfg}; throws {@link IllegalStateException} naming the block and the broken rule. */
    public static void check(Cfg cfg, String after) {
        List<Block> order;
        try {
            order = cfg.order();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("CFG invariant broken after " + after + ": " + e.getMessage(), e);
        }
        Map<Block, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) index.put(order.get(i), i);
        for (Block b : order) {
            for (Insn s : b.stmts()) {
                if (s instanceof Insn.JmpK || s instanceof Insn.JmpX || s instanceof Insn.Ja || s.isReturn()) {
                    fail(after, b, "control transfer among statements: " + s);
                }
            }
            for (Sense sense : Sense.values()) {
                boolean expected = sense == Sense.TRUE ? b.branch().hasSuccessors() : b.branch().isConditional();
                Block next = expected ? b.successor(sense) : null;
                if (expected && next == null) fail(after, b, sense + " edge unpatched");
                if (next != null && index.get(next) <= index.get(b)) fail(after, b, sense + " edge goes backward to " + next + ": the CFG is not a DAG");
            }
        }
    }

    private static void fail(String after, Block b, String why) {
        throw new IllegalStateException("CFG invariant broken after " + after + ": " + b + ": " + why);
    }
}
