package io.jdump.filter.parse;

import static io.jdump.filter.lex.TokenKind.*;

import io.jdump.filter.ast.Expr;
import io.jdump.filter.ast.Proto;
import io.jdump.filter.lex.Token;
import io.jdump.filter.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyword primitives ({@code other} in libpcap's grammar): broadcast, multicast, less,
 * greater, byte, inbound/outbound, ifindex, the encapsulations, llc, and the keyword primitives
 * kept as {@link Expr.Other} for the code generator (802.11 type/subtype/dir, pflog fields, ATM and
 * SS7 fields, the latter also with a parenthesized {@code or} list of values).
 */
final class Others {
    private Others() {}

    /** Parses the primitive at the current token with protocol qualifier {@code proto}, or returns null if none starts here. */
    static Expr parse(Parser ps, Proto proto) {
        Token t = ps.current();
        switch (t.kind()) {
            case BROADCAST -> {
                ps.next();
                return new Expr.Broadcast(proto);
            }
            case MULTICAST -> {
                ps.next();
                return new Expr.Multicast(proto);
            }
            default -> {
                if (proto != Proto.DEFAULT) return wlanOther(ps);
            }
        }
        return switch (t.kind()) {
            case LESS, GREATER -> {
                ps.next();
                yield new Expr.Length(t.kind() == GREATER, ps.expectNum());
            }
            case BYTE -> byteCmp(ps);
            case INBOUND, OUTBOUND -> {
                ps.next();
                yield new Expr.Direction(t.kind() == INBOUND);
            }
            case IFINDEX -> {
                ps.next();
                yield new Expr.IfIndex(ps.expectNum());
            }
            case VLAN, MPLS, PPPOED, PPPOES, GENEVE, VXLAN -> encap(ps);
            case LLC -> {
                ps.next();
                boolean word = ps.nextIs(ID) || (ps.current().kind() != EOF && TokenKind.keyword(ps.current().text()) != null
                        && Protos.of(ps.current().kind()) == null && ps.current().kind() != AND && ps.current().kind() != OR
                        && ps.current().kind() != NOT);
                yield new Expr.Llc(word ? ps.next().text() : null);
            }
            default -> keywordOther(ps);
        };
    }

    private static Expr wlanOther(Parser ps) {
        TokenKind k = ps.current().kind();
        return k == TYPE || k == SUBTYPE || k == DIR ? keywordOther(ps) : null;
    }

    private static Expr encap(Parser ps) {
        Token t = ps.next();
        Long id = null;
        Expr.Encap.Kind kind = Expr.Encap.Kind.valueOf(t.kind().name());
        if (kind != Expr.Encap.Kind.PPPOED && ps.nextIs(NUM) && !ps.peek(1).isRelOp() && !ps.peek(1).isArithOp()) {
            id = ps.next().value();
        }
        return new Expr.Encap(kind, id);
    }

    private static Expr byteCmp(Parser ps) {
        ps.next();
        long off = ps.expectNum();
        Token op = ps.next();
        char c = switch (op.kind()) {
            case EQ -> '=';
            case LT -> '<';
            case GT -> '>';
            case AMP -> '&';
            case PIPE -> '|';
            default -> throw new io.jdump.filter.FilterSyntaxException("syntax error", op.position());
        };
        return new Expr.ByteCmp(off, c, ps.expectNum());
    }

    private static final List<TokenKind> ARG_KEYWORDS = List.of(TYPE, SUBTYPE, DIR, IFNAME, RNR, SRNR, REASON, RSET,
            ACTION, VPI, VCI, SIO, OPC, DPC, SLS, HSIO, HOPC, HDPC, HSLS);
    private static final List<TokenKind> BARE_KEYWORDS = List.of(LANE, METAC, BCC, OAM, OAMF4, OAMF4EC, OAMF4SC, SC,
            ILMIC, CONNECTMSG, METACONNECT, FISU, LSSU, MSU, HFISU, HLSSU, HMSU);

    /** ATM and SS7 fields, which also take a parenthesized list of values joined by {@code or}. */
    private static final List<TokenKind> LIST_KEYWORDS = List.of(VPI, VCI, SIO, OPC, DPC, SLS, HSIO, HOPC, HDPC, HSLS);

    /** {@code ( NUM or NUM ... )} as the arguments {@code "(", NUM, NUM, ...}. */
    private static List<String> numberList(Parser ps) {
        ps.next();
        List<String> args = new ArrayList<>(List.of("("));
        while (true) {
            if (!ps.nextIs(NUM)) throw ps.syntaxError();
            args.add(ps.next().text());
            if (!ps.nextIs(OR)) break;
            ps.next();
        }
        if (!ps.nextIs(RPAREN)) throw ps.syntaxError();
        ps.next();
        return args;
    }

    /** Keyword primitives kept uncompiled: the keyword and its arguments as written. */
    private static Expr keywordOther(Parser ps) {
        Token t = ps.current();
        if (BARE_KEYWORDS.contains(t.kind())) {
            ps.next();
            return new Expr.Other(t.text(), List.of(), t.position());
        }
        if (!ARG_KEYWORDS.contains(t.kind())) return null;
        ps.next();
        if (t.kind() == SUBTYPE && !ps.nextIs(ID)) throw ps.syntaxError();
        if (LIST_KEYWORDS.contains(t.kind()) && ps.nextIs(LPAREN)) return new Expr.Other(t.text(), numberList(ps), t.position());
        List<String> args = new ArrayList<>();
        if (ps.current().kind().isRelOp()) args.add(ps.next().text());
        Token a = ps.next();
        if (a.kind() != ID && a.kind() != NUM && TokenKind.keyword(a.text()) == null) throw ps.syntaxError();
        args.add(a.text());
        if (t.kind() == TYPE && ps.nextIs(SUBTYPE)) {
            ps.next();
            args.add(ps.next().text());
        }
        return new Expr.Other(t.text(), args, t.position());
    }
}
