package io.jdump.filter.gen;

import io.jdump.filter.LinkType;
import java.util.Set;

/** libpcap's messages for keyword primitives used on a link type that does not have them (802.11, pflog, ATM, SS7). */
final class OtherMessages {
    private OtherMessages() {}

    private static final Set<String> SS7 = Set.of("fisu", "lssu", "msu", "lsu", "hfisu", "hlssu", "hmsu", "sio", "opc",
            "dpc", "sls", "hsio", "hopc", "hdpc", "hsls");
    private static final Set<String> PFLOG = Set.of("ifname", "on", "rnr", "rulenum", "srnr", "subrulenum", "reason",
            "rset", "ruleset", "action");
    private static final Set<String> ATM = Set.of("vpi", "vci", "lane", "oamf4", "oamf4ec", "oamf4sc", "oam", "metac",
            "bcc", "sc", "ilmic", "connectmsg", "metaconnect");

    static boolean isSs7(String keyword) {
        return SS7.contains(keyword);
    }

    static boolean isAtm(String keyword) {
        return ATM.contains(keyword);
    }

    static boolean isPflog(String keyword) {
        return PFLOG.contains(keyword);
    }

    static String of(String keyword, LinkType lt) {
        if (SS7.contains(keyword)) return "'" + keyword + "' supported only on SS7";
        if (PFLOG.contains(keyword)) return "'" + keyword + "' supported only on PFLOG linktype";
        if (ATM.contains(keyword)) return "'" + keyword + "' supported only on SUNATM";
        if (keyword.equals("type") || keyword.equals("subtype")) return "'type/subtype' not supported on DLT_" + lt.name();
        if (keyword.equals("dir") || keyword.equals("direction")) return "'dir' not supported on DLT_" + lt.name();
        return "'" + keyword + "' is not supported by jdump's compiler yet";
    }
}
