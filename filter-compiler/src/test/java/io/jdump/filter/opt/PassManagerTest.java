package io.jdump.filter.opt;

import io.jdump.filter.ir.CfgChecker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.Sense;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pass manager's loud failures and the CFG checker's invariants. */
class PassManagerTest {
    private static final String SMALL = """
            b0: ldh [12]; jeq #0x800 -> b1, b2
            b1: ret #1
            b2: ret #0
            """;

    @Test
    void aPassThatNeverSettlesFailsLoudlyNamingIt() {
        Pass restless = new Pass() {
            @Override
            public String name() { return "restless"; }

            @Override
            public boolean run(Cfg cfg) { return true; }
        };
        var e = assertThrows(IllegalStateException.class, () -> new PassManager(List.of(restless), false).run(IrText.parse(SMALL)));
        assertEquals("optimizer did not converge after " + PassManager.MAX_ROUNDS + " rounds; last changing pass: restless", e.getMessage());
    }

    @Test
    void checkerRejectsABackwardEdge() {
        Cfg cfg = IrText.parse("""
                b0: ldh [12]; jeq #0x800 -> b1, b2
                b1: ld [26]; jeq #0x1 -> b2, b3
                b2: ret #1
                b3: ret #0
                """);
        cfg.entry().successor(Sense.TRUE).setSuccessor(Sense.FALSE, cfg.entry());
        var e = assertThrows(IllegalStateException.class, () -> CfgChecker.check(cfg, "test"));
        assertTrue(e.getMessage().contains("not a DAG"), e.getMessage());
    }

    @Test
    void checkerRejectsAMissingEdge() {
        Cfg cfg = IrText.parse(SMALL);
        cfg.entry().setSuccessor(Sense.FALSE, null);
        var e = assertThrows(IllegalStateException.class, () -> CfgChecker.check(cfg, "some-pass"));
        assertTrue(e.getMessage().startsWith("CFG invariant broken after some-pass"), e.getMessage());
    }

    @Test
    void standardPipelineReachesAFixedPointOnItsOwnOutput() {
        Cfg cfg = IrText.parse(SMALL);
        PassManager.standard().run(cfg);
        String once = IrText.print(cfg);
        PassManager.standard().run(cfg);
        assertEquals(once, IrText.print(cfg));
    }
}
