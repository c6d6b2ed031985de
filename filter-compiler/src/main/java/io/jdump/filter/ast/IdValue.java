package io.jdump.filter.ast;

/** The operand of an id primitive, as the scanner classified it. */
public sealed interface IdValue {
    /** A name to resolve ({@code ID}), escapes removed. */
    record Name(String name) implements IdValue {}
    /** A number ({@code NUM}), unsigned 32-bit. */
    record Num(long value) implements IdValue {}
    /** A dotted IPv4 address or prefix ({@code HID}), possibly abbreviated ({@code 10.1}), with an optional {@code /bits} or {@code mask}. */
    record V4(String text, Integer bits, String mask) implements IdValue {}
    /** An IPv6 address ({@code HID6}) with an optional {@code /bits}. */
    record V6(String text, Integer bits) implements IdValue {}
    /** An ARCnet address {@code $XX} ({@code AID}). */
    record Arcnet(String text) implements IdValue {}
    /** A MAC address ({@code EID}). */
    record Mac(String text) implements IdValue {}
}
