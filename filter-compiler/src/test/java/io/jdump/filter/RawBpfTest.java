package io.jdump.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test oracle {@link RawBpf}: listings with backward jumps, bpf_filter's edge cases, the step bound. */
class RawBpfTest {
    private static final byte[] PKT = {0x45, 0x00, 0x00, 0x1c, 0x12, 0x34, 0x40, 0x00};

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("counts to 5 with a backward ja", """
                        (000) ld       #0x0
                        (001) add      #1
                        (002) jeq      #0x5             jt 4\tjf 3
                        (003) ja       1
                        (004) ret      a
                        """, 8, 5),
                Arguments.of("ja past the end ends with 0", "(000) ja       5\n(001) ret      #1\n", 8, 0),
                Arguments.of("load past caplen ends with 0", "(000) ldh      [7]\n(001) ret      #1\n", 8, 0),
                Arguments.of("load within caplen", "(000) ldh      [6]\n(001) ret      a\n", 8, 0x4000),
                Arguments.of("ldxb msh and an indirect load", "(000) ldxb     4*([0]&0xf)\n(001) txa\n(002) ret      a\n", 8, 20),
                Arguments.of("indirect load past caplen", "(000) ldx      #0x7\n(001) ldb      [x + 1]\n(002) ret      #1\n", 8, 0),
                Arguments.of("division by X = 0 ends with 0", "(000) ldx      #0x0\n(001) ld       #0x7\n(002) div      x\n(003) ret      #1\n", 8, 0),
                Arguments.of("shift by X >= 32 gives 0", "(000) ldx      #0x20\n(001) ld       #0x7\n(002) lsh      x\n(003) ret      a\n", 8, 0),
                Arguments.of("pktlen is the wire length", "(000) ld       #pktlen\n(001) ret      a\n", 4, 60),
                Arguments.of("scratch words", "(000) ld       #0x9\n(001) st       M[3]\n(002) ldx      M[3]\n(003) txa\n(004) ret      a\n", 8, 9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdicts(String what, String listing, int caplen, int want) {
        RawBpf p = RawBpf.ofListing(listing);
        assertNotNull(p, what);
        assertEquals(want, p.apply(PKT, caplen, 60), what);
    }

    @Test
    void anEndlessLoopIsStopped() {
        RawBpf p = RawBpf.ofListing("(000) ld       #0x0\n(001) ja       0\n");
        assertThrows(IllegalStateException.class, () -> p.apply(PKT, 8, 8));
    }

    @Test
    void pathsDifferWhenJumpsDo() {
        RawBpf p = RawBpf.ofListing("(000) ldb      [0]\n(001) jeq      #0x45            jt 2\tjf 3\n(002) ret      #1\n(003) ret      #0\n");
        long a = p.run(PKT, 0, 8, 8, true);
        long b = p.run(new byte[] {0x60}, 0, 1, 1, true);
        assertEquals(1, (int) a);
        assertEquals(0, (int) b);
        assertEquals(false, a >>> 32 == b >>> 32);
    }

    @Test
    void unknownFormsGiveNull() {
        assertNull(RawBpf.ofListing("(000) frob     #1\n"));
        assertNull(RawBpf.ofListing("(001) ret      #1\n"));
    }
}
