package io.jdump.filter.ast;

import io.jdump.bpf.AluOp;

/** Arithmetic expressions of relations ({@code ip[2:2] - 20 > len}); all values are unsigned 32-bit. */
public sealed interface Arith {
    /** A constant. */
    record Const(long value) implements Arith {}
    /** {@code proto[index : size]}; {@code word} is the keyword as written ({@code ether}, {@code link}). */
    record Load(Proto proto, String word, Arith index, int size) implements Arith {}
    /** {@code len}: the packet's length on the wire. */
    record Len() implements Arith {}
    /** A binary operation. */
    record Bin(AluOp op, Arith left, Arith right) implements Arith {}
    /** Unary minus. */
    record Neg(Arith operand) implements Arith {}
}
