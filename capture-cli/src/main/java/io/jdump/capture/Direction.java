package io.jdump.capture;

import io.jdump.capture.linux.RxPacket;
import picocli.CommandLine;

/** Which packets {@code -Q} keeps: received ({@code in}), sent ({@code out}) or both ({@code inout}). */
public enum Direction {
    IN("in"), OUT("out"), INOUT("inout");

    private final String option;

    Direction(String option) {
        this.option = option;
    }

    /** The word {@code -Q} takes. */
    public String option() { return option; }

    /** Whether a packet of kernel packet type {@code pkttype} ({@code sll_pkttype}) is kept. */
    public boolean keeps(int pkttype) {
        boolean out = pkttype == RxPacket.OUTGOING;
        return switch (this) {
            case IN -> !out;
            case OUT -> out;
            case INOUT -> true;
        };
    }

    /** Parses {@code -Q}'s argument; the error text is tcpdump's. */
    public static Direction parse(String word) {
        for (Direction d : values()) {
            if (d.option.equalsIgnoreCase(word)) return d;
        }
        throw new IllegalArgumentException("unknown capture direction `" + word + "'");
    }

    /** picocli converter for {@code -Q}. */
    public static final class Converter implements CommandLine.ITypeConverter<Direction> {
        @Override
        public Direction convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
