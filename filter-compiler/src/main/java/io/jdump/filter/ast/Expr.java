package io.jdump.filter.ast;

import io.jdump.bpf.JmpOp;
import java.util.List;

/**
 * A parsed filter expression: boolean structure over primitives. {@code and} and {@code or} have
 * equal precedence and associate to the left, as in libpcap; {@code not} binds tightest.
 */
public sealed interface Expr {
    record And(Expr left, Expr right) implements Expr {}
    record Or(Expr left, Expr right) implements Expr {}
    record Not(Expr operand) implements Expr {}
    /** A qualified id: {@code src host 10.0.0.1}, {@code tcp port http}. */
    record Id(Qual qual, IdValue value, int position) implements Expr {}
    /** A protocol name alone: {@code tcp}, {@code ip6}, {@code l1}. */
    record ProtoAbbrev(Proto proto, int position) implements Expr {}
    /** {@code left op right}; {@code negate} for {@code !=}, {@code <}, {@code <=} (compiled as the opposite test). */
    record Relation(JmpOp op, boolean negate, Arith left, Arith right) implements Expr {}
    /** {@code [proto] broadcast}. */
    record Broadcast(Proto proto) implements Expr {}
    /** {@code [proto] multicast}. */
    record Multicast(Proto proto) implements Expr {}
    /** {@code less n} ({@code greater = false}) or {@code greater n}. */
    record Length(boolean greater, long value) implements Expr {}
    /** {@code byte offset op value} with op one of {@code = < > & |}. */
    record ByteCmp(long offset, char op, long value) implements Expr {}
    /** {@code inbound} / {@code outbound}. */
    record Direction(boolean inbound) implements Expr {}
    /** {@code ifindex n}. */
    record IfIndex(long index) implements Expr {}
    /** {@code vlan}, {@code mpls}, {@code pppoed}, {@code pppoes}, {@code geneve}, {@code vxlan}, with an optional id. */
    record Encap(Kind kind, Long id) implements Expr {
        public enum Kind { VLAN, MPLS, PPPOED, PPPOES, GENEVE, VXLAN }
    }
    /** {@code llc} with an optional subtype name ({@code i}, {@code s}, {@code u}, {@code rr}, ...). */
    record Llc(String subtype) implements Expr {}
    /** A primitive parsed but not compiled yet (802.11 type/subtype/dir, pflog fields, ATM, MTP2/MTP3). */
    record Other(String keyword, List<String> args, int position) implements Expr {}
}
