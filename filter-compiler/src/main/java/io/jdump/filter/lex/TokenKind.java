package io.jdump.filter.lex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token kinds of the pcap-filter language: literals, operators and the keywords of libpcap's
 * scanner (with their alternative spellings, e.g. {@code length} for {@code len}).
 */
public enum TokenKind {
    // literals
    NUM, ID, HID, HID6, EID, AID, EOF,
    // punctuation and operators
    LPAREN("("), RPAREN(")"), LBRACK("["), RBRACK("]"), COLON(":"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), AMP("&"), PIPE("|"), CARET("^"),
    LSH("<<"), RSH(">>"), GT(">"), LT("<"), GE(">="), LE("<="), EQ("=", "=="), NE("!="), BANG("!"),
    AND("and", "&&"), OR("or", "||"), NOT("not"),
    // direction and address qualifiers
    SRC("src"), DST("dst"), ADDR1("addr1", "address1"), ADDR2("addr2", "address2"), ADDR3("addr3", "address3"),
    ADDR4("addr4", "address4"), RA("ra"), TA("ta"),
    HOST("host"), NET("net"), MASK("mask"), PORT("port"), PORTRANGE("portrange"), GATEWAY("gateway"),
    PROTO("proto"), PROTOCHAIN("protochain"),
    // protocol names
    LINK("link", "ether", "ppp", "slip"), FDDI("fddi"), TR("tr"), WLAN("wlan"), IP("ip"), IP6("ip6"), ARP("arp"),
    RARP("rarp"), SCTP("sctp"), TCP("tcp"), UDP("udp"), ICMP("icmp"), ICMP6("icmp6"), IGMP("igmp"), IGRP("igrp"),
    PIM("pim"), VRRP("vrrp"), CARP("carp"), RADIO("radio"), AH("ah"), ESP("esp"), ATALK("atalk"), AARP("aarp"),
    DECNET("decnet"), LAT("lat"), SCA("sca"), MOPRC("moprc"), MOPDL("mopdl"), ISO("iso"), ESIS("esis", "es-is"),
    ISIS("isis", "is-is"), L1("l1"), L2("l2"), IIH("iih"), LSP("lsp"), SNP("snp"), CSNP("csnp"), PSNP("psnp"),
    CLNP("clnp"), STP("stp"), IPX("ipx"), NETBEUI("netbeui"),
    // other primitives
    BROADCAST("broadcast"), MULTICAST("multicast"), LESS("less"), GREATER("greater"), BYTE("byte"),
    LEN("len", "length"), INBOUND("inbound"), OUTBOUND("outbound"), IFINDEX("ifindex"),
    VLAN("vlan"), MPLS("mpls"), PPPOED("pppoed"), PPPOES("pppoes"), GENEVE("geneve"), VXLAN("vxlan"),
    LLC("llc"), TYPE("type"), SUBTYPE("subtype"), DIR("dir", "direction"),
    IFNAME("ifname", "on"), RNR("rnr", "rulenum"), SRNR("srnr", "subrulenum"), REASON("reason"),
    RSET("rset", "ruleset"), ACTION("action"),
    LANE("lane"), METAC("metac"), BCC("bcc"), OAM("oam"), OAMF4("oamf4"), OAMF4EC("oamf4ec"), OAMF4SC("oamf4sc"),
    SC("sc"), ILMIC("ilmic"), VPI("vpi"), VCI("vci"), CONNECTMSG("connectmsg"), METACONNECT("metaconnect"),
    FISU("fisu"), LSSU("lssu"), MSU("msu", "lsu"), HFISU("hfisu"), HLSSU("hlssu"), HMSU("hmsu"),
    SIO("sio"), OPC("opc"), DPC("dpc"), SLS("sls"), HSIO("hsio"), HOPC("hopc"), HDPC("hdpc"), HSLS("hsls");

    private final List<String> spellings;

    TokenKind(String... spellings) {
        this.spellings = List.of(spellings);
    }

    /** The source spellings of this kind (empty for literals). */
    public List<String> spellings() { return spellings; }

    private static final Map<String, TokenKind> WORDS = new HashMap<>();

    static {
        for (TokenKind k : values()) {
            for (String s : k.spellings) {
                if (Character.isLetter(s.charAt(0))) WORDS.put(s, k);
            }
        }
    }

    /** The keyword spelled {@code word} (case-sensitive, as libpcap), or null. */
    public static TokenKind keyword(String word) {
        return WORDS.get(word);
    }

    /** Whether this kind is one of the relational operators. */
    public boolean isRelOp() {
        return this == GT || this == LT || this == GE || this == LE || this == EQ || this == NE;
    }

    /** Whether this kind is a binary arithmetic operator. */
    public boolean isArithOp() {
        return switch (this) {
            case PLUS, MINUS, STAR, SLASH, PERCENT, AMP, PIPE, CARET, LSH, RSH -> true;
            default -> false;
        };
    }
}
