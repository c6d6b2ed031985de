package io.jdump.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgramTest {
    @Test
    void longestPathFollowsTheLongerBranch() {
        // ldh [12]; jeq #0x800 -> (ldb [23]; ret #1) or ret #0
        Program p = Program.of(new Insn.LoadAbs(Size.H, 12), new Insn.JmpK(JmpOp.JEQ, 0x800, 0, 2),
                new Insn.LoadAbs(Size.B, 23), new Insn.RetK(1), new Insn.RetK(0));
        assertEquals(4, p.longestPath());
    }

    @Test
    void longestPathTakesJaAndEndsAtAJumpPastTheEnd() {
        Program skip = Program.of(new Insn.Ja(1), new Insn.RetK(0), new Insn.LoadAbs(Size.W, 0), new Insn.RetK(1));
        assertEquals(3, skip.longestPath());
        Program past = Program.of(new Insn.LoadAbs(Size.W, 0), new Insn.JmpK(JmpOp.JGT, 5, 200, 0), new Insn.RetK(0));
        assertEquals(3, past.longestPath());
        assertEquals(0, new Program(java.util.List.of()).longestPath());
    }
}
