package io.jdump.filter.parse;

import static io.jdump.filter.lex.TokenKind.*;

import io.jdump.filter.ast.AddrKind;
import io.jdump.filter.ast.Dir;
import io.jdump.filter.lex.TokenKind;

/** Direction and address-type qualifiers ({@code dqual}, {@code aqual}). */
final class Quals {
    private Quals() {}

    static boolean isDir(TokenKind k) {
        return switch (k) {
            case SRC, DST, ADDR1, ADDR2, ADDR3, ADDR4, RA, TA -> true;
            default -> false;
        };
    }

    static boolean isAddr(TokenKind k) {
        return k == HOST || k == NET || k == PORT || k == PORTRANGE || k == GATEWAY;
    }

    static AddrKind addr(TokenKind k) {
        return switch (k) {
            case HOST -> AddrKind.HOST;
            case NET -> AddrKind.NET;
            case PORT -> AddrKind.PORT;
            case PORTRANGE -> AddrKind.PORTRANGE;
            default -> AddrKind.GATEWAY;
        };
    }

    /** Parses an optional dqual: {@code src}, {@code dst}, {@code src or dst}, {@code dst and src}, {@code addr1}... */
    static Dir dir(Parser ps) {
        TokenKind k = ps.current().kind();
        if (!isDir(k)) return Dir.DEFAULT;
        ps.next();
        if ((k == SRC || k == DST) && (ps.nextIs(OR) || ps.nextIs(AND))) {
            TokenKind other = k == SRC ? DST : SRC;
            if (ps.peek(1) == other) {
                boolean or = ps.next().kind() == OR;
                ps.next();
                return or ? Dir.OR : Dir.AND;
            }
        }
        return switch (k) {
            case SRC -> Dir.SRC;
            case DST -> Dir.DST;
            case ADDR1 -> Dir.ADDR1;
            case ADDR2 -> Dir.ADDR2;
            case ADDR3 -> Dir.ADDR3;
            case ADDR4 -> Dir.ADDR4;
            case RA -> Dir.RA;
            default -> Dir.TA;
        };
    }
}
