package io.jdump.filter.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdump.filter.ir.Cfg;
import io.jdump.filter.ir.CfgChecker;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link DecideRepeatedSets} on small CFGs in text IR (as PassesTest): what it decides, and what it must leave. */
class DecideRepeatedSetsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                row("a repeated protocol set under its own target: the edge into it goes to its target", """
                        b0: ldb [23]; jeq #6 -> b3, b1
                        b1: jeq #17 -> b3, b2
                        b2: jeq #132 -> b3, b9
                        b3: ldh [34]; jeq #80 -> b8, b4
                        b4: ldb [23]; jeq #6 -> b7, b5
                        b5: jeq #17 -> b7, b6
                        b6: jeq #132 -> b7, b9
                        b7: ldh [34]; jeq #443 -> b8, b9
                        b8: ret #1
                        b9: ret #0
                        """, """
                        b0: ldb [23]; jeq #6 -> b3, b1
                        b1: jeq #17 -> b3, b2
                        b2: jeq #132 -> b3, b9
                        b3: ldh [34]; jeq #80 -> b8, b7
                        b7: ldh [34]; jeq #443 -> b8, b9
                        b8: ret #1
                        b9: ret #0
                        """),
                row("the head stays (only its branch is decided) where its target reads what it loads", """
                        b0: ldb [23]; jeq #6 -> b3, b1
                        b1: jeq #17 -> b3, b9
                        b3: ldh [34]; jeq #80 -> b8, b4
                        b4: ldb [23]; jeq #6 -> b7, b5
                        b5: jeq #17 -> b7, b9
                        b7: jeq #17 -> b8, b9
                        b8: ret #1
                        b9: ret #0
                        """, """
                        b0: ldb [23]; jeq #6 -> b3, b1
                        b1: jeq #17 -> b3, b9
                        b3: ldh [34]; jeq #80 -> b8, b4
                        b4: ldb [23]; jeq #6 -> b7, b7
                        b7: jeq #17 -> b8, b9
                        b8: ret #1
                        b9: ret #0
                        """),
                row("a disjoint set: the edge goes to its false exit", """
                        b0: ldb [23]; jeq #6 -> b3, b1
                        b1: jeq #17 -> b3, b9
                        b3: ldh [34]; jeq #80 -> b8, b4
                        b4: ldb [23]; jeq #1 -> b7, b5
                        b5: jeq #58 -> b7, b9
                        b7: ret #2
                        b8: ret #1
                        b9: ret #0
                        """, """
                        b0: ldb [23]; jeq #6 -> b3, b1
                        b1: jeq #17 -> b3, b9
                        b3: ldh [34]; jeq #80 -> b8, b9
                        b8: ret #1
                        b9: ret #0
                        """),
                row("not when the target is also reached from outside the set", """
                        b0: ldh [12]; jeq #0x800 -> b1, b3
                        b1: ldb [23]; jeq #6 -> b3, b2
                        b2: jeq #17 -> b3, b9
                        b3: ldh [34]; jeq #80 -> b8, b4
                        b4: ldb [23]; jeq #6 -> b8, b5
                        b5: jeq #17 -> b8, b9
                        b8: ret #1
                        b9: ret #0
                        """, null),
                row("not when the set only overlaps (17 may be the value)", """
                        b0: ldb [23]; jeq #6 -> b3, b1
                        b1: jeq #17 -> b3, b9
                        b3: ldh [34]; jeq #80 -> b8, b4
                        b4: ldb [23]; jeq #6 -> b7, b5
                        b5: jeq #132 -> b7, b9
                        b7: ret #2
                        b8: ret #1
                        b9: ret #0
                        """, null),
                row("not another value (a different offset)", """
                        b0: ldb [23]; jeq #6 -> b3, b1
                        b1: jeq #17 -> b3, b9
                        b3: ldh [34]; jeq #80 -> b8, b4
                        b4: ldb [24]; jeq #6 -> b7, b5
                        b5: jeq #17 -> b7, b9
                        b7: ret #2
                        b8: ret #1
                        b9: ret #0
                        """, null),
                row("not past a load the dominating set's head did not do (its fault decides)", """
                        b0: ldb [23]; jeq #6 -> b3, b1
                        b1: jeq #17 -> b3, b9
                        b3: ldh [34]; jeq #80 -> b8, b4
                        b4: ldh [100]; ldb [23]; jeq #6 -> b7, b5
                        b5: jeq #17 -> b7, b9
                        b7: ret #2
                        b8: ret #1
                        b9: ret #0
                        """, null));
    }

    private static Arguments row(String name, String in, String out) {
        return Arguments.of(name, in, out == null ? in : out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, String in, String out) {
        Cfg cfg = IrText.parse(in);
        boolean changed = new DecideRepeatedSets().run(cfg);
        CfgChecker.check(cfg, name);
        assertEquals(IrText.print(IrText.parse(out)), IrText.print(cfg));
        assertEquals(!in.equals(out), changed, "changed");
    }
}
