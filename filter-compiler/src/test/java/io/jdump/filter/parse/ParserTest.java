package io.jdump.filter.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdump.filter.FilterSyntaxException;
import io.jdump.filter.ast.AddrKind;
import io.jdump.filter.ast.Arith;
import io.jdump.filter.ast.Dir;
import io.jdump.filter.ast.Expr;
import io.jdump.filter.ast.IdValue;
import io.jdump.filter.ast.Proto;
import io.jdump.filter.ast.Qual;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The parser's tree, printed compactly: {@code (or A B)}, ids as {@code proto/dir/addr:value}, {@code ^} marks inherited qualifiers. */
class ParserTest {
    static String show(Expr e) {
        return switch (e) {
            case Expr.And(var l, var r) -> "(and " + show(l) + " " + show(r) + ")";
            case Expr.Or(var l, var r) -> "(or " + show(l) + " " + show(r) + ")";
            case Expr.Not(var x) -> "(not " + show(x) + ")";
            case Expr.Id(var q, var v, var pos) -> qual(q) + ":" + value(v);
            case Expr.ProtoAbbrev(var p, var pos) -> p.word();
            case Expr.Relation(var op, var neg, var l, var r) -> "(" + (neg ? "!" : "") + op.mnemonic() + " " + arith(l) + " " + arith(r) + ")";
            default -> e.toString();
        };
    }

    private static String qual(Qual q) {
        String s = (q.proto() == Proto.DEFAULT ? "" : q.proto().word()) + "/" + (q.dir() == Dir.DEFAULT ? "" : q.dir().word())
                + "/" + (q.addr() == AddrKind.DEFAULT ? "" : q.addr().word());
        return q.inherited() ? "^" + s : s;
    }

    private static String value(IdValue v) {
        return switch (v) {
            case IdValue.Name(var n) -> n;
            case IdValue.Num(var n) -> Long.toString(n);
            case IdValue.V4(var t, var bits, var mask) -> t + (bits != null ? "/" + bits : "") + (mask != null ? " mask " + mask : "");
            case IdValue.V6(var t, var bits) -> t + (bits != null ? "/" + bits : "");
            case IdValue.Mac(var m) -> m;
            case IdValue.Arcnet(var a) -> a;
        };
    }

    private static String arith(Arith a) {
        return switch (a) {
            case Arith.Const(var k) -> Long.toString(k);
            case Arith.Len() -> "len";
            case Arith.Neg(var x) -> "(neg " + arith(x) + ")";
            case Arith.Bin(var op, var l, var r) -> "(" + op.mnemonic() + " " + arith(l) + " " + arith(r) + ")";
            case Arith.Load(var p, var w, var idx, var size) -> w + "[" + arith(idx) + ":" + size + "]";
        };
    }

    static Stream<Arguments> trees() {
        return Stream.of(
                Arguments.of("host a and b or c", "(or (and //host:a ^//host:b) ^//host:c)"),
                Arguments.of("tcp or udp and icmp", "(and (or tcp udp) icmp)"),
                Arguments.of("not tcp and udp", "(and (not tcp) udp)"),
                Arguments.of("! tcp || ! udp", "(or (not tcp) (not udp))"),
                Arguments.of("tcp port 80 or 443", "(or tcp//port:80 ^tcp//port:443)"),
                Arguments.of("not host a and b", "(and (not //host:a) ^//host:b)"),
                Arguments.of("host a or not b", "(or //host:a (not ^//host:b))"),
                Arguments.of("src or dst net 10 and tcp", "(and /src or dst/net:10 tcp)"),
                Arguments.of("dst and src host x", "/src and dst/host:x"),
                Arguments.of("host a or (b and c)", "(or //host:a (and ^//host:b ^//host:c))"),
                Arguments.of("ip proto \\tcp", "ip//proto:tcp"),
                Arguments.of("ether src aa:bb:cc:dd:ee:ff", "link/src/:aa:bb:cc:dd:ee:ff"),
                Arguments.of("net 10.0.0.0 mask 255.0.0.0", "//net:10.0.0.0 mask 255.0.0.0"),
                Arguments.of("ip6 net fe80::/10", "ip6//net:fe80::/10"),
                Arguments.of("len - 1 > 2 * 3 + 4", "(jgt (sub len 1) (add (mul 2 3) 4))"),
                Arguments.of("1 * 2 % 3 + 4 = 0", "(jeq (mul 1 (mod 2 (add 3 4))) 0)"),
                Arguments.of("ip[2:2] != 5", "(!jeq ip[2:2] 5)"),
                Arguments.of("(1) < len", "(!jge 1 len)"),
                Arguments.of("-1 <= tcp[1 + 2]", "(!jgt (neg 1) tcp[(add 1 2):1])"),
                Arguments.of("((tcp))", "tcp"),
                Arguments.of("(tcp) and (port 1 or 2)", "(and tcp (or //port:1 ^//port:2))"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void parsesWithLibpcapsPrecedenceAndInheritance(String expr, String tree) {
        assertEquals(tree, show(Parser.parse(expr)));
    }

    @Test
    void emptyExpressionAcceptsEverything() {
        assertNull(Parser.parse("  "));
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("host", 4), Arguments.of("tcp and", 7), Arguments.of("tcp tcp", 4),
                Arguments.of("1.2.3.4", 0), Arguments.of("(tcp", 4), Arguments.of("tcp)", 3),
                Arguments.of("src proto 1", 4), Arguments.of("ip[1:3] = 0", 5), Arguments.of("len >", 5),
                Arguments.of("pppoed 1234", 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void syntaxErrorsCarryThePosition(String expr, int position) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> Parser.parse(expr));
        assertEquals(position, e.position(), e.getMessage());
    }
}
