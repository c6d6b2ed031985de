package io.jdump.filter.ast;

/** Address-type qualifiers ({@code aqual}): what an id denotes. */
public enum AddrKind {
    DEFAULT, UNDEF, HOST, NET, PORT, PORTRANGE, GATEWAY, PROTO, PROTOCHAIN;

    public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
}
