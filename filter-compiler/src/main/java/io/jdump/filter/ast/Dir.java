package io.jdump.filter.ast;

/** Direction qualifiers: {@code src}, {@code dst}, {@code src or dst}, {@code src and dst}, and the 802.11 address fields. */
public enum Dir {
    DEFAULT, UNDEF, SRC, DST, OR, AND, ADDR1, ADDR2, ADDR3, ADDR4, RA, TA;

    /** The qualifier as written, for messages. */
    public String word() {
        return switch (this) {
            case OR -> "src or dst";
            case AND -> "src and dst";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
