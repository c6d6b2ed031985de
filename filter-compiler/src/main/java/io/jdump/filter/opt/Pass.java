package io.jdump.filter.opt;

import io.jdump.filter.ir.Cfg;

/** A transformation of the filter CFG. Implementations are stateless; per-run state lives in locals. */
public interface Pass {
    /** Kebab-case name, used in diagnostics. */
    String name();

    /** Runs once; returns true if the CFG changed. Must keep the CFG a forward-only DAG. */
    boolean run(Cfg cfg);

    /**
     * Whether the pass runs only in a round where no pass before it changed the CFG, so that it sees
     * what the others make of the CFG first (see {@link PassManager}).
     */
    default boolean waitsForTheOthers() {
        return false;
    }
}
