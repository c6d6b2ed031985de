package io.jdump.filter.opt;

import io.jdump.filter.ir.Cfg;
import java.util.List;

/**
 * Runs optimization {@link Pass}es over a CFG to a fixed point with a hard cap. No passes exist
 * yet (a later issue adds value numbering, jump threading, ...): the standard manager is empty and
 * returns the CFG unchanged. This is the hook they plug into.
 */
public final class PassManager {
    /** Rounds after which a non-converging pipeline is a bug, reported loudly. */
    public static final int MAX_ROUNDS = 64;

    private final List<Pass> passes;

    private PassManager(List<Pass> passes) {
        this.passes = List.copyOf(passes);
    }

    /** The default pipeline. */
    public static PassManager standard() {
        return new PassManager(List.of());
    }

    /** Runs every pass until none changes the CFG. */
    public Cfg run(Cfg cfg) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String changed = null;
            for (Pass p : passes) {
                if (p.run(cfg)) changed = p.name();
                if (io.jdump.filter.ir.CfgChecker.enabled()) io.jdump.filter.ir.CfgChecker.check(cfg, p.name());
            }
            if (changed == null) return cfg;
            if (round == MAX_ROUNDS - 1) {
                throw new IllegalStateException("optimizer did not converge after " + MAX_ROUNDS + " rounds; last changing pass: " + changed);
            }
        }
        return cfg;
    }
}
