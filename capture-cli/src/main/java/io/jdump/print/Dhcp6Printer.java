package io.jdump.print;

/**
 * DHCPv6 (RFC 8415) on UDP ports 546/547: message type, and with {@code -v} the transaction id
 * and options (see {@link Dhcp6Options}).
 *
 * <pre>
 * client/server: | msg-type 1 | transaction-id 3 | options ... |
 * relay:         | msg-type 1 | hop-count 1 | link-address 16 | peer-address 16 | options ... |
 * </pre>
 */
final class Dhcp6Printer {
    private Dhcp6Printer() {}

    private static final String[] TYPES = {null, "solicit", "advertise", "request", "confirm", "renew", "rebind",
        "reply", "release", "decline", "reconfigure", "inf-req", "relay-fwd", "relay-reply", "leasequery",
        "leasequery-reply"};

    static void print(Ctx c, int off, int len) {
        c.proto = "dhcp6";
        int type = c.cur.u8(off);
        String name = type > 0 && type < TYPES.length ? TYPES[type] : "msgtype-" + type;
        c.p("dhcp6 ").p(name);
        if (c.v() == 0) return;
        if (type == 12 || type == 13) {
            c.p(" (linkaddr=").p(c.ip6(off + 2)).p(" peeraddr=").p(c.ip6(off + 18));
            Dhcp6Options.print(c, off + 34, len - 34);
        } else {
            c.f(" (xid=%x", c.cur.u24(off + 1));
            Dhcp6Options.print(c, off + 4, len - 4);
        }
        c.p(")");
    }
}
