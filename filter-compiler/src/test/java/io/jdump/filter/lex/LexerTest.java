package io.jdump.filter.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdump.filter.FilterException;
import io.jdump.filter.FilterSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LexerTest {
    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("host 10.0.0.1", "HOST HID(10.0.0.1)"),
                Arguments.of("net 10.1", "NET HID(10.1)"),
                Arguments.of("ether host aa:bb:cc:dd:ee:ff", "LINK HOST EID(aa:bb:cc:dd:ee:ff)"),
                Arguments.of("ether src aa-bb-cc-dd-ee-ff", "LINK SRC EID(aa-bb-cc-dd-ee-ff)"),
                Arguments.of("ether dst abcd.ef00.0003", "LINK DST EID(abcd.ef00.0003)"),
                Arguments.of("ip6 host ::1", "IP6 HOST HID6(::1)"),
                Arguments.of("ip6 net fe80::/10", "IP6 NET HID6(fe80::) SLASH NUM(10)"),
                Arguments.of("portrange 1-1023", "PORTRANGE ID(1-1023)"),
                Arguments.of("proto \\tcp", "PROTO ID(tcp)"),
                Arguments.of("tcp[tcpflags] & tcp-syn != 0", "TCP LBRACK NUM(13) RBRACK AMP NUM(2) NE NUM(0)"),
                Arguments.of("0x10 010 10", "NUM(16) NUM(8) NUM(10)"),
                Arguments.of("a&&b||!c", "ID(a) AND ID(b) OR BANG ID(c)"),
                Arguments.of("len>=1<<2", "LEN GE NUM(1) LSH NUM(2)"),
                Arguments.of("ip[2:2]", "IP LBRACK NUM(2) COLON NUM(2) RBRACK"),
                Arguments.of("length == 3", "LEN EQ NUM(3)"),
                Arguments.of("link host $21", "LINK HOST AID($21)"),
                Arguments.of("es-is or is-is", "ESIS OR ISIS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void tokenizesLikeLibpcapsScanner(String expr, String expected) {
        String got = Lexer.tokenize(expr).stream().filter(t -> t.kind() != TokenKind.EOF)
                .map(t -> switch (t.kind()) {
                    case NUM -> "NUM(" + t.value() + ")";
                    case ID, HID, HID6, EID, AID -> t.kind() + "(" + t.text() + ")";
                    default -> t.kind().name();
                })
                .collect(Collectors.joining(" "));
        assertEquals(expected, got);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("09", "number 09 contains non-octal digit"),
                Arguments.of("4294967296", "decimal number 4294967296 overflows 32 bits"),
                Arguments.of("0x100000000", "hexadecimal number 0x100000000 overflows 32 bits"),
                Arguments.of("tcp @", "syntax error"),
                Arguments.of("ip6 host fe80::10.256.30.40", "invalid IPv6 address fe80::10.256.30.40"),
                Arguments.of("ether ab:cd:ef:0g:00:00", "invalid Ethernet address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejectsWithLibpcapsMessage(String expr, String message) {
        assertEquals(message, assertThrows(FilterException.class, () -> Lexer.tokenize(expr)).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positions")
    void reportsTheOffendingPosition(String expr, int position) {
        assertEquals(position, assertThrows(FilterSyntaxException.class, () -> Lexer.tokenize(expr)).position());
    }

    static Stream<Arguments> positions() {
        return Stream.of(Arguments.of("tcp @", 4), Arguments.of("  #", 2), Arguments.of("port 80 and ~", 12));
    }
}
