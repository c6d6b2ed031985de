package io.jdump.filter.opt;

import io.jdump.filter.ir.Cfg;

/** A transformation of the filter CFG. Implementations are stateless; per-run state lives in locals. */
public interface Pass {
    /** Kebab-case name, used in diagnostics. */
    String name();

    /** Runs once; returns true if the CFG changed. Must keep the CFG a forward-only DAG. */
    boolean run(Cfg cfg);

    /**
     * Whether the pass is skipped in a round where {@code earlier}, which runs before it, changed the
     * CFG: it runs only once {@code earlier} has done what it can (see {@link PassManager}).
     */
    default boolean waitsFor(Pass earlier) {
        return false;
    }
}
