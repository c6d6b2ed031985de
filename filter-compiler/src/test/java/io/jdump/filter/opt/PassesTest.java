package io.jdump.filter.opt;

import io.jdump.filter.ir.CfgChecker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdump.filter.ir.Cfg;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One pass on a small CFG in text IR; the result is compared as text after canonical renaming (isomorphism). */
class PassesTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                row("thread-jumps: a dominating jeq decides the same jeq", ThreadJumps::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b3
                        b1: ldh [12]; jeq #0x800 -> b2, b3
                        b2: ret #262144
                        b3: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ret #262144
                        b2: ret #0
                        """),
                row("thread-jumps: the false edge of jeq 0x800 does not decide jeq 0x86dd", ThreadJumps::new, """
                        b0: ldh [12]; jeq #0x800 -> b2, b1
                        b1: ldh [12]; jeq #0x86dd -> b2, b3
                        b2: ret #262144
                        b3: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ret #262144
                        b2: ldh [12]; jeq #0x86dd -> b1, b3
                        b3: ret #0
                        """),
                row("thread-jumps: equal to 0x800 decides jeq 0x86dd false", ThreadJumps::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b3
                        b1: ld [26]; jeq #0x1 -> b2, b4
                        b4: ldh [12]; jeq #0x86dd -> b2, b3
                        b2: ret #262144
                        b3: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b3
                        b1: ld [26]; jeq #0x1 -> b2, b3
                        b2: ret #262144
                        b3: ret #0
                        """),
                row("thread-jumps: an unchecked load is not skipped (its fault is part of the verdict)", ThreadJumps::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ld [26]; jeq #0x1 -> b2, b2
                        b2: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ld [26]; jeq #0x1 -> b2, b2
                        b2: ret #0
                        """),
                row("number-values: a reload of a value already in A goes", NumberValues::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ldh [12]; jgt #0x100 -> b2, b3
                        b2: ret #1
                        b3: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: jgt #0x100 -> b2, b3
                        b2: ret #1
                        b3: ret #0
                        """),
                row("number-values: not where paths with different A meet", NumberValues::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ld [26]; jeq #0x1 -> b3, b2
                        b2: ldh [12]; jeq #0x806 -> b3, b4
                        b3: ret #1
                        b4: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ld [26]; jeq #0x1 -> b3, b2
                        b2: ldh [12]; jeq #0x806 -> b3, b4
                        b3: ret #1
                        b4: ret #0
                        """),
                row("fold-constants: scratch shuffles of constants fold", FoldConstants::new, """
                        b0: ld #0xab; st M[0]; ldx M[0]; ldb [x + 0]; jeq x -> b1, b2
                        b1: ret #1
                        b2: ret #0
                        """, """
                        b0: ld #0xab; st M[0]; ldx #0xab; ldb [171]; jeq #0xab -> b1, b2
                        b1: ret #1
                        b2: ret #0
                        """),
                row("remove-dead-stores: unread constants and stores go, loads stay", RemoveDeadStores::new, """
                        b0: ld #0xab; st M[0]; ldx #0xab; ldb [171]; ld [4]; jeq #0xab -> b1, b2
                        b1: ret #1
                        b2: ret #0
                        """, """
                        b0: ldb [171]; ld [4]; jeq #0xab -> b1, b2
                        b1: ret #1
                        b2: ret #0
                        """),
                row("merge-identical-blocks: equal blocks with equal successors merge", MergeIdenticalBlocks::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ld [26]; jeq #0x1 -> b3, b4
                        b2: ld [26]; jeq #0x1 -> b3, b4
                        b3: ret #1
                        b4: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b1
                        b1: ld [26]; jeq #0x1 -> b2, b3
                        b2: ret #1
                        b3: ret #0
                        """),
                row("merge-straight-blocks: a block whose edges agree absorbs its only successor", MergeStraightBlocks::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b1
                        b1: ld [26]; jeq #0x1 -> b2, b3
                        b2: ret #1
                        b3: ret #0
                        """, """
                        b0: ldh [12]; ld [26]; jeq #0x1 -> b1, b2
                        b1: ret #1
                        b2: ret #0
                        """),
                row("merge-straight-blocks: equal edges into a shared block become a goto", MergeStraightBlocks::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ld [26]; jeq #0x1 -> b2, b2
                        b2: ld [30]; jeq #0x1 -> b3, b4
                        b3: ret #1
                        b4: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ld [26]; ja -> b2
                        b2: ld [30]; jeq #0x1 -> b3, b4
                        b3: ret #1
                        b4: ret #0
                        """),
                row("merge-straight-blocks: a goto absorbs its only successor", MergeStraightBlocks::new, """
                        b0: ld [26]; ja -> b1
                        b1: ld [30]; jeq #0x1 -> b2, b3
                        b2: ret #1
                        b3: ret #0
                        """, """
                        b0: ld [26]; ld [30]; jeq #0x1 -> b1, b2
                        b1: ret #1
                        b2: ret #0
                        """),
                row("fold-verdicts: loads whose every outcome rejects go (a fault rejects too)", FoldVerdicts::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b3
                        b1: ld [26]; jeq #0x1 -> b3, b2
                        b2: ld [30]; ja -> b3
                        b3: ret #0
                        """, """
                        b0: ret #0
                        """),
                row("fold-verdicts: a load before an accept stays (its fault rejects)", FoldVerdicts::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b3
                        b1: ld [26]; jeq #0x1 -> b2, b2
                        b2: ret #1
                        b3: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ld [26]; jeq #0x1 -> b3, b3
                        b2: ret #0
                        b3: ret #1
                        """),
                row("fold-verdicts: fault-free work before one accept goes", FoldVerdicts::new, """
                        b0: ld #0x5; jeq #0x5 -> b1, b2
                        b1: ldx #0x1; ret #1
                        b2: ret #1
                        """, """
                        b0: ret #1
                        """),
                row("thread-jumps: a goto is threaded past a decided test", ThreadJumps::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b3
                        b1: ld [26]; ja -> b2
                        b2: ldh [12]; jeq #0x800 -> b4, b3
                        b3: ret #0
                        b4: ret #1
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b2
                        b1: ld [26]; ja -> b3
                        b2: ret #0
                        b3: ret #1
                        """),
                row("fold-index: a constant index joins the indexed load's offset", FoldIndex::new, """
                        b0: ld #0xab; ldxb 4*([14]&0xf); add x; tax; ldb [x + 14]; jeq #0xcd -> b1, b2
                        b1: ret #1
                        b2: ret #0
                        """, """
                        b0: ld #0xab; ldxb 4*([14]&0xf); add x; ldb [x + 185]; jeq #0xcd -> b1, b2
                        b1: ret #1
                        b2: ret #0
                        """),
                row("fold-index: not when X is read after the block", FoldIndex::new, """
                        b0: ld #0xab; ldxb 4*([14]&0xf); add x; tax; ldb [x + 14]; jeq #0xcd -> b1, b2
                        b1: txa; ret
                        b2: ret #0
                        """, """
                        b0: ld #0xab; ldxb 4*([14]&0xf); add x; tax; ldb [x + 14]; jeq #0xcd -> b1, b2
                        b1: txa; ret
                        b2: ret #0
                        """),
                row("fold-index: not when X is not a header length (the sum could wrap)", FoldIndex::new, """
                        b0: ld #0xab; ldx M[1]; add x; tax; ldb [x + 14]; jeq #0xcd -> b1, b2
                        b1: ret #1
                        b2: ret #0
                        """, """
                        b0: ld #0xab; ldx M[1]; add x; tax; ldb [x + 14]; jeq #0xcd -> b1, b2
                        b1: ret #1
                        b2: ret #0
                        """),
                row("thread-jumps: a test repeated after paths that each decided it meet is decided", ThreadJumps::new, """
                        b0: ldb [23]; jeq #0x6 -> b3, b1
                        b1: jeq #0x11 -> b3, b2
                        b2: jeq #0x84 -> b3, b9
                        b3: ldh [20]; jeq #0x35 -> b4, b9
                        b4: ldb [23]; jeq #0x6 -> b8, b5
                        b5: jeq #0x11 -> b8, b6
                        b6: jeq #0x84 -> b8, b9
                        b8: ret #1
                        b9: ret #0
                        """, """
                        b0: ldb [23]; jeq #0x6 -> b3, b1
                        b1: jeq #0x11 -> b3, b2
                        b2: jeq #0x84 -> b3, b9
                        b3: ldh [20]; jeq #0x35 -> b4, b9
                        b4: ldb [23]; jeq #0x6 -> b8, b5
                        b5: jeq #0x11 -> b8, b8    // 0x84 is all that is left on the false edge
                        b8: ret #1
                        b9: ret #0
                        """),
                row("remove-dead-stores: an unread load inside the proven length goes", RemoveDeadStores::new, """
                        b0: ld [26]; jeq #0x1 -> b1, b2
                        b1: ldb [20]; ld [30]; jeq #0x1 -> b2, b3
                        b2: ldb [20]; ldb [40]; ret #1
                        b3: ret #0
                        """, """
                        b0: ld [26]; jeq #0x1 -> b1, b2
                        b1: ld [30]; jeq #0x1 -> b2, b3
                        b2: ldb [40]; ret #1
                        b3: ret #0
                        """),
                row("thread-verdicts: an edge whose packets all fail a later test goes to ret #0", ThreadVerdicts::new, """
                        b0: ldb [23]; jeq #0x6 -> b3, b1
                        b1: jeq #0x11 -> b3, b9
                        b3: ldh [54]; jeq #0x35 -> b4, b9
                        b4: ldb [23]; jeq #0x6 -> b8, b9
                        b8: ret #1
                        b9: ret #0
                        """, """
                        b0: ldb [23]; jeq #0x6 -> b1, b4
                        b1: ldh [54]; jeq #0x35 -> b2, b3
                        b2: ldb [23]; jeq #0x6 -> b5, b3
                        b3: ret #0
                        b4: jeq #0x11 -> b6, b3    // udp: the port load may fault, but every way ends in 0
                        b5: ret #1
                        b6: ret #0
                        """),
                row("thread-verdicts: not to an accept past a load that can fault", ThreadVerdicts::new, """
                        b0: ldb [23]; jeq #0x6 -> b1, b9
                        b1: ldh [54]; jeq #0x35 -> b8, b2
                        b2: ldb [23]; jeq #0x6 -> b8, b9
                        b8: ret #1
                        b9: ret #0
                        """, """
                        b0: ldb [23]; jeq #0x6 -> b1, b4
                        b1: ldh [54]; jeq #0x35 -> b2, b3
                        b2: ret #1
                        b3: ldb [23]; jeq #0x6 -> b2, b4
                        b4: ret #0
                        """),
                row("build-set-lookups: six constants of one value become a search tree", BuildSetLookups::new, """
                        b0: ld [26]; jeq #0x1 -> b9, b1
                        b1: jeq #0x5 -> b9, b2
                        b2: jeq #0x3 -> b9, b3
                        b3: jeq #0x9 -> b9, b4
                        b4: jeq #0x7 -> b9, b5
                        b5: jeq #0x2 -> b9, b8
                        b8: ret #0
                        b9: ret #1
                        """, """
                        b0: ld [26]; jge #0x5 -> b1, b4
                        b1: jeq #0x5 -> b7, b2
                        b2: jeq #0x7 -> b7, b3
                        b3: jeq #0x9 -> b7, b8
                        b4: jeq #0x1 -> b7, b5
                        b5: jeq #0x2 -> b7, b6
                        b6: jeq #0x3 -> b7, b8
                        b7: ret #1
                        b8: ret #0
                        """),
                row("remove-recomputed-runs: ldb [0]; and #0xf0 again where A still holds [0] & 0xf0 (RAW ip, then ip6)", RemoveRecomputedRuns::new, """
                        b0: ldb [0]; and #0xf0; jeq #0x40 -> b2, b1
                        b1: ldb [0]; and #0xf0; jeq #0x60 -> b2, b3
                        b2: ret #262144
                        b3: ret #0
                        """, """
                        b0: ldb [0]; and #0xf0; jeq #0x40 -> b2, b1
                        b1: jeq #0x60 -> b2, b3
                        b2: ret #262144
                        b3: ret #0
                        """),
                row("remove-recomputed-runs: not where paths with different A meet, nor a load not yet proven, nor a run that writes X", RemoveRecomputedRuns::new, """
                        b0: ldb [0]; and #0xf0; jeq #0x40 -> b1, b2
                        b1: ldb [1]; jeq #0x1 -> b2, b4
                        b2: ldb [0]; and #0xf0; jeq #0x60 -> b3, b4
                        b3: ldb [0]; ldh [4]; and #0xf0; jeq #0x60 -> b5, b4
                        b5: ldb [0]; tax; and #0xf0; jeq #0x60 -> b6, b4
                        b6: ret #262144
                        b4: ret #0
                        """, null),
                row("reload-from-packet: the slot saving ld [26] is read by loading [26] again", ReloadFromPacket::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b4
                        b1: ld [26]; st M[15]; jeq #0x1 -> b3, b2
                        b2: ld [30]; jeq #0x1 -> b3, b5
                        b5: ld M[15]; jeq #0x2 -> b3, b4
                        b3: ret #262144
                        b4: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b4
                        b1: ld [26]; st M[15]; jeq #0x1 -> b3, b2
                        b2: ld [30]; jeq #0x1 -> b3, b5
                        b5: ld [26]; jeq #0x2 -> b3, b4
                        b3: ret #262144
                        b4: ret #0
                        """),
                row("reload-from-packet: not where the slot holds different loads on the ways in (IPv4 and ARP sharing a tail)", ReloadFromPacket::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b6
                        b1: ld [26]; st M[15]; jeq #0x1 -> b3, b2
                        b6: ld [28]; st M[15]; jeq #0x1 -> b3, b2
                        b2: ld M[15]; jeq #0x2 -> b3, b4
                        b3: ret #262144
                        b4: ret #0
                        """, null),
                row("narrow-masked-loads: a /16 source test loads the halfword; the destination's false edge accepts, so it keeps the word", NarrowMaskedLoads::new, """
                        b0: ldh [12]; jeq #0x800 -> b1, b4
                        b1: ld [26]; and #0xffff0000; jeq #0xaa80000 -> b4, b2
                        b2: ld [30]; and #0xffff0000; jeq #0xaa80000 -> b4, b3
                        b3: ret #262144
                        b4: ret #0
                        """, """
                        b0: ldh [12]; jeq #0x800 -> b1, b4
                        b1: ldh [26]; jeq #0xaa8 -> b4, b2
                        b2: ld [30]; and #0xffff0000; jeq #0xaa80000 -> b4, b3
                        b3: ret #262144
                        b4: ret #0
                        """),
                row("narrow-masked-loads: inner bytes of a word, a byte of a halfword; proven lengths allow the last test", NarrowMaskedLoads::new, """
                        b0: ld [30]; jeq #0x1 -> b1, b4
                        b1: ld [26]; and #0xffff00; jeq #0x123400 -> b2, b4
                        b2: ldh [12]; and #0xff; jeq #0x8 -> b3, b4
                        b3: ret #262144
                        b4: ret #0
                        """, """
                        b0: ld [30]; jeq #0x1 -> b1, b4
                        b1: ldh [27]; jeq #0x1234 -> b2, b4
                        b2: ldb [13]; jeq #0x8 -> b3, b4
                        b3: ret #262144
                        b4: ret #0
                        """),
                row("narrow-masked-loads: not a mask of part of a byte, a constant outside the mask, or a masked A read later", NarrowMaskedLoads::new, """
                        b0: ld [30]; jeq #0x1 -> b1, b5
                        b1: ld [26]; and #0xfff00000; jeq #0x12300000 -> b2, b5
                        b2: ld [26]; and #0xffff0000; jeq #0x1234 -> b5, b3
                        b3: ld [26]; and #0xffff0000; jeq #0x12340000 -> b4, b6
                        b6: jeq #0x56780000 -> b4, b5
                        b4: ret #262144
                        b5: ret #0
                        """, null));
    }

    private static Arguments row(String name, Supplier<Pass> pass, String in, String out) {
        return Arguments.of(name, pass, in, out == null ? in : out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passRewritesAsExpected(String name, Supplier<Pass> pass, String in, String out) {
        Cfg cfg = IrText.parse(in);
        pass.get().run(cfg);
        CfgChecker.check(cfg, name);
        assertEquals(IrText.print(IrText.parse(out)), IrText.print(cfg));
    }
}
