package io.jdump.filter.ast;

/**
 * The three qualifiers of an id primitive ({@code tcp src port 80}: proto TCP, dir SRC, addr PORT).
 * {@code inherited} is true when the id had no qualifiers of its own and took those of the
 * previous primitive ({@code host a or b}: {@code b} inherits {@code host}).
 */
public record Qual(Proto proto, Dir dir, AddrKind addr, boolean inherited) {
    /** No qualifiers written. */
    public static final Qual DEFAULT = new Qual(Proto.DEFAULT, Dir.DEFAULT, AddrKind.DEFAULT, false);
    /** What a primitive without qualifiers ({@code tcp}, {@code len > 2}) passes to a following bare id: nothing usable. */
    public static final Qual ERR = new Qual(Proto.UNDEF, Dir.UNDEF, AddrKind.UNDEF, false);

    /** This qualifier set as taken over by a bare id. */
    public Qual inherit() { return new Qual(proto, dir, addr, true); }

    /** Whether this is {@link #ERR}: the previous primitive had no qualifiers to pass on. */
    public boolean isErr() { return addr == AddrKind.UNDEF; }
}
