package io.jdump.filter.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdump.bpf.Insn;
import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Reg;
import io.jdump.bpf.Size;
import io.jdump.filter.CompileOptions;
import io.jdump.filter.FilterCompiler;
import io.jdump.filter.LinkType;
import io.jdump.filter.gen.CodeGen;
import java.util.List;
import org.junit.jupiter.api.Test;

class CfgPrinterTest {
    @Test
    void printsTheGeneratedCfgInEmissionOrder() {
        Cfg cfg = CodeGen.generate(FilterCompiler.parse("ip and not udp[0] = 1"), CompileOptions.of(LinkType.RAW));
        assertEquals("""
                b0: ldb [0]; and #0xf0; jeq #0x40 -> b1, b6
                b1: ldb [0]; and #0xf0; jeq #0x40 -> b2, b5
                b2: ldb [9]; jeq #0x11 -> b3, b5
                b3: ldh [6]; jset #0x1fff -> b5, b4
                b4: ld #0x0; st M[0]; ldxb 4*([0]&0xf); ld M[0]; add x; tax; ldb [x + 0]; st M[1]; ld #0x1; st M[2]; ldx M[2]; ld M[1]; jeq x -> b6, b5
                b5: ret #262144
                b6: ret #0
                """, CfgPrinter.print(cfg));
        CfgChecker.check(cfg, "test");
    }

    @Test
    void checkerRejectsAnUnpatchedEdge() {
        Block b = new Block(0, List.of(new Insn.LoadAbs(Size.H, 12)), new Branch.CondK(JmpOp.JEQ, 0x800));
        b.setSuccessor(Sense.TRUE, new Block(1, List.of(), new Branch.Return(1)));
        assertThrows(IllegalStateException.class, () -> CfgChecker.check(new Cfg(b), "test"));
    }

    @Test
    void checkerRejectsAJumpAmongStatements() {
        Block b = new Block(0, List.of(new Insn.LoadImm(Reg.A, 0), new Insn.RetK(0)), new Branch.Return(1));
        assertThrows(IllegalStateException.class, () -> CfgChecker.check(new Cfg(b), "test"));
    }
}
