package io.jdump.filter.gen;

import io.jdump.bpf.JmpOp;
import io.jdump.bpf.Size;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A header field compared with the values of a keyword primitive ({@code sio 3}, {@code vpi > 100},
 * {@code dpc != 5}, {@code vci (1 or 2)}): the arguments as the parser keeps them are an optional
 * relational operator and a number, or {@code "("} and a list of numbers (any of which matches).
 * Each value is checked against the field's maximum and then encoded as it sits in the packet.
 */
record FieldCmp(String name, int off, Size size, int mask, long max, IntUnaryOperator encode) {

    /** The test of this field for the arguments {@code args}. */
    Frag gen(Gen g, List<String> args) {
        if (args.get(0).equals("(")) {
            Frag f = null;
            for (String a : args.subList(1, args.size())) {
                Frag one = cmp(g, JmpOp.JEQ, value(a));
                f = f == null ? one : Frag.or(f, one);
            }
            return f;
        }
        String op = args.size() > 1 ? args.get(0) : "=";
        int v = value(args.get(args.size() - 1));
        return switch (op) {
            case ">" -> cmp(g, JmpOp.JGT, v);
            case ">=" -> cmp(g, JmpOp.JGE, v);
            case "<=" -> cmp(g, JmpOp.JGT, v).not();
            case "<" -> cmp(g, JmpOp.JGE, v).not();
            case "!=" -> cmp(g, JmpOp.JEQ, v).not();
            default -> cmp(g, JmpOp.JEQ, v);
        };
    }

    private int value(String text) {
        long v;
        try {
            v = Long.decode(text);
        } catch (NumberFormatException e) {
            throw Gen.error("syntax error");
        }
        if (v > max) throw Gen.error(name + " " + v + " greater than maximum " + max);
        return encode.applyAsInt((int) v);
    }

    private Frag cmp(Gen g, JmpOp op, int v) {
        return g.cmpAbs(off, size, mask, op, v);
    }
}
