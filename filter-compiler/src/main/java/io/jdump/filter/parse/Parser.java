package io.jdump.filter.parse;

import static io.jdump.filter.lex.TokenKind.*;

import io.jdump.bpf.AluOp;
import io.jdump.bpf.JmpOp;
import io.jdump.filter.FilterSyntaxException;
import io.jdump.filter.ast.AddrKind;
import io.jdump.filter.ast.Arith;
import io.jdump.filter.ast.Dir;
import io.jdump.filter.ast.Expr;
import io.jdump.filter.ast.IdValue;
import io.jdump.filter.ast.Proto;
import io.jdump.filter.ast.Qual;
import io.jdump.filter.lex.Lexer;
import io.jdump.filter.lex.Token;
import io.jdump.filter.lex.TokenKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Recursive-descent parser for the pcap-filter grammar (libpcap's {@code grammar.y}), producing an
 * {@link Expr}. The "last qualifiers" that libpcap reads off its parser stack ({@code $<blk>0}) are
 * an explicit field here: a bare id after {@code and}/{@code or} takes the qualifiers of the
 * primitive before it. Parenthesis nesting is bounded ({@link #MAX_DEPTH}) so hostile input gets a
 * clear error instead of a stack overflow; long {@code and}/{@code or} chains are parsed by a loop.
 */
public final class Parser {
    /** Deepest parenthesis / {@code not} nesting accepted. */
    public static final int MAX_DEPTH = 1000;

    private final List<Token> toks;
    private final int[] match;
    private int p;
    private int depth;
    private Qual last = Qual.ERR;

    private Parser(List<Token> toks) {
        this.toks = toks;
        this.match = matchParens(toks);
    }

    /** Parses {@code expr}; returns null for an empty expression (which accepts every packet). */
    public static Expr parse(String expr) {
        Parser ps = new Parser(Lexer.tokenize(expr));
        if (ps.at(EOF)) return null;
        Expr e = ps.expr();
        if (!ps.at(EOF)) throw ps.error();
        return e;
    }

    private static int[] matchParens(List<Token> toks) {
        int[] m = new int[toks.size()];
        java.util.Arrays.fill(m, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < toks.size(); i++) {
            TokenKind k = toks.get(i).kind();
            if (k == LPAREN) open.push(i);
            else if (k == RPAREN && !open.isEmpty()) m[open.pop()] = i;
        }
        return m;
    }

    // ---- token helpers

    private Token tok() { return toks.get(p); }

    private TokenKind kind(int ahead) { return toks.get(Math.min(p + ahead, toks.size() - 1)).kind(); }

    private boolean at(TokenKind k) { return tok().kind() == k; }

    private Token advance() { return toks.get(p < toks.size() - 1 ? p++ : p); }

    private boolean accept(TokenKind k) {
        if (!at(k)) return false;
        advance();
        return true;
    }

    private Token expect(TokenKind k) {
        if (!at(k)) throw error();
        return advance();
    }

    private FilterSyntaxException error() {
        return new FilterSyntaxException("syntax error", tok().position());
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new FilterSyntaxException("expression nested too deeply (more than " + MAX_DEPTH + " levels)",
                    tok().position());
        }
    }

    // ---- boolean structure

    private Expr expr() {
        Expr left = term();
        while (at(AND) || at(OR)) {
            boolean and = advance().kind() == AND;
            Expr right = startsId() ? id(last.inherit()) : term();
            left = and ? new Expr.And(left, right) : new Expr.Or(left, right);
        }
        return left;
    }

    /** Whether the tokens at p (after any nots) form a bare id rather than a term. */
    private boolean startsId() {
        int i = p;
        while (toks.get(i).kind() == NOT || toks.get(i).kind() == BANG) i++;
        return idAt(i);
    }

    private boolean idAt(int i) {
        TokenKind k = toks.get(i).kind();
        return switch (k) {
            case ID, HID, HID6, EID, AID -> true;
            case NUM -> !followsArith(i + 1);
            case LPAREN -> match[i] >= 0 && !followsArith(match[i] + 1) && idAt(i + 1);
            default -> false;
        };
    }

    private boolean followsArith(int i) {
        TokenKind k = toks.get(Math.min(i, toks.size() - 1)).kind();
        return k.isRelOp() || k.isArithOp();
    }

    private Expr term() {
        int nots = 0;
        List<Integer> positions = new ArrayList<>();
        while (at(NOT) || at(BANG)) {
            positions.add(advance().position());
            nots++;
            if (nots > MAX_DEPTH) throw new FilterSyntaxException("expression nested too deeply", tok().position());
        }
        Expr e = rterm();
        for (int i = 0; i < nots; i++) e = new Expr.Not(e);
        return e;
    }

    private Expr rterm() {
        Token t = tok();
        if (t.kind() == LPAREN) {
            if (match[p] >= 0 && followsArith(match[p] + 1)) return relation();
            enter();
            Qual saved = last;
            advance();
            Expr e = expr();
            expect(RPAREN);
            depth--;
            last = saved;
            return e;
        }
        if (t.kind() == NUM || t.kind() == MINUS || t.kind() == LEN) return relation();
        Proto pq = Protos.of(t.kind());
        if (pq != null) return protoTerm(pq);
        if (Quals.isDir(t.kind()) || Quals.isAddr(t.kind()) || t.kind() == PROTO || t.kind() == PROTOCHAIN) {
            return head(Proto.DEFAULT);
        }
        Expr other = Others.parse(this, Proto.DEFAULT);
        if (other == null) throw error();
        last = Qual.ERR;
        return other;
    }

    private Expr protoTerm(Proto proto) {
        TokenKind next = kind(1);
        if (next == LBRACK) return relation();
        if (Quals.isDir(next) || Quals.isAddr(next) || next == PROTO || next == PROTOCHAIN) {
            advance();
            return head(proto);
        }
        Token t = advance();
        Expr other = Others.parse(this, proto);
        if (other != null) {
            last = Qual.ERR;
            return other;
        }
        last = Qual.ERR;
        return new Expr.ProtoAbbrev(proto, t.position());
    }

    /** {@code head id}: [dqual] [aqual] | proto | protochain, then the id. */
    private Expr head(Proto proto) {
        Dir dir = Quals.dir(this);
        if (dir != Dir.DEFAULT && (at(PROTO) || at(PROTOCHAIN) || at(GATEWAY))) throw error();
        AddrKind addr = AddrKind.DEFAULT;
        if (at(PROTO)) {
            advance();
            addr = AddrKind.PROTO;
        } else if (at(PROTOCHAIN)) {
            advance();
            addr = AddrKind.PROTOCHAIN;
        } else if (Quals.isAddr(tok().kind())) {
            addr = Quals.addr(advance().kind());
        }
        Qual q = new Qual(proto, dir, addr, false);
        last = q;
        return id(q);
    }

    /** An id with qualifiers {@code q}: a value, {@code not id}, or a parenthesised list {@code (a or b and c)}. */
    private Expr id(Qual q) {
        if (at(NOT) || at(BANG)) {
            advance();
            enter();
            Expr e = new Expr.Not(id(q));
            depth--;
            return e;
        }
        if (at(LPAREN)) {
            enter();
            advance();
            Expr e = id(q);
            while (at(AND) || at(OR)) {
                boolean and = advance().kind() == AND;
                Expr r = id(q);
                e = and ? new Expr.And(e, r) : new Expr.Or(e, r);
            }
            expect(RPAREN);
            depth--;
            return e;
        }
        Token t = tok();
        if (t.kind() == EOF) throw error();
        advance();
        IdValue v = switch (t.kind()) {
            case ID -> new IdValue.Name(t.text());
            case NUM -> new IdValue.Num(t.value());
            case HID -> v4(t);
            case HID6 -> new IdValue.V6(t.text(), accept(SLASH) ? (int) expect(NUM).value() : null);
            case EID -> new IdValue.Mac(t.text());
            case AID -> new IdValue.Arcnet(t.text());
            default -> {
                p--;
                throw error();
            }
        };
        return new Expr.Id(q, v, t.position());
    }

    private IdValue v4(Token t) {
        if (accept(SLASH)) return new IdValue.V4(t.text(), (int) expect(NUM).value(), null);
        if (accept(MASK)) return new IdValue.V4(t.text(), null, expect(HID).text());
        return new IdValue.V4(t.text(), null, null);
    }

    // ---- relations and arithmetic
    //
    // Precedence climbing, loosest first: | & << >> + - * /. libpcap's grammar declares no precedence for
    // '%' and '^', so yacc resolves every conflict involving them by shifting: such an operator takes the
    // operand right before it as its left side and everything up to the end of the arithmetic as its right
    // side (1 * 2 % 3 + 4 is 1 * (2 % (3 + 4)), -1 % 2 is -(1 % 2)), as libpcap 1.10 compiles it.

    private Expr relation() {
        Arith l = arith(0);
        TokenKind op = tok().kind();
        if (!op.isRelOp()) throw error();
        advance();
        Arith r = arith(0);
        last = Qual.ERR;
        return switch (op) {
            case GT -> new Expr.Relation(JmpOp.JGT, false, l, r);
            case GE -> new Expr.Relation(JmpOp.JGE, false, l, r);
            case LT -> new Expr.Relation(JmpOp.JGE, true, l, r);
            case LE -> new Expr.Relation(JmpOp.JGT, true, l, r);
            case NE -> new Expr.Relation(JmpOp.JEQ, true, l, r);
            default -> new Expr.Relation(JmpOp.JEQ, false, l, r);
        };
    }

    private static final List<List<TokenKind>> LEVELS = List.of(
            List.of(PIPE), List.of(AMP), List.of(LSH, RSH), List.of(PLUS, MINUS), List.of(STAR, SLASH));

    Arith arith(int level) {
        if (level == LEVELS.size()) return operand();
        Arith left = arith(level + 1);
        while (LEVELS.get(level).contains(tok().kind())) {
            AluOp op = aluOp(advance().kind());
            left = new Arith.Bin(op, left, arith(level + 1));
        }
        return left;
    }

    private static AluOp aluOp(TokenKind k) {
        return switch (k) {
            case PLUS -> AluOp.ADD;
            case MINUS -> AluOp.SUB;
            case STAR -> AluOp.MUL;
            case SLASH -> AluOp.DIV;
            case PERCENT -> AluOp.MOD;
            case AMP -> AluOp.AND;
            case PIPE -> AluOp.OR;
            case CARET -> AluOp.XOR;
            case LSH -> AluOp.LSH;
            case RSH -> AluOp.RSH;
            default -> throw new IllegalStateException(k.name());
        };
    }

    /** A unary operand, with a trailing {@code %} or {@code ^} taking everything after it (see above). */
    private Arith operand() {
        Arith a = unary();
        if (at(PERCENT) || at(CARET)) {
            AluOp op = aluOp(advance().kind());
            enter();
            a = new Arith.Bin(op, a, arith(0));
            depth--;
        }
        return a;
    }

    private Arith unary() {
        if (accept(MINUS)) {
            enter();
            Arith a = new Arith.Neg(operand());
            depth--;
            return a;
        }
        Token t = tok();
        if (t.kind() == NUM) return new Arith.Const(advance().value());
        if (t.kind() == LEN) {
            advance();
            return new Arith.Len();
        }
        if (t.kind() == LPAREN) {
            enter();
            advance();
            Arith a = arith(0);
            expect(RPAREN);
            depth--;
            return a;
        }
        Proto proto = Protos.of(t.kind());
        if (proto == null || kind(1) != LBRACK) throw error();
        advance();
        advance();
        enter();
        Arith index = arith(0);
        depth--;
        int size = 1;
        if (accept(COLON)) {
            Token n = expect(NUM);
            size = (int) n.value();
            if (size != 1 && size != 2 && size != 4) throw new FilterSyntaxException("data size must be 1, 2, or 4", n.position());
        }
        expect(RBRACK);
        return new Arith.Load(proto, t.text(), index, size);
    }

    // ---- access for the helper classes of this package

    Token current() { return tok(); }

    Token next() { return advance(); }

    boolean nextIs(TokenKind k) { return at(k); }

    TokenKind peek(int ahead) { return kind(ahead); }

    FilterSyntaxException syntaxError() { return error(); }

    long expectNum() { return expect(NUM).value(); }
}
