package io.jdump.print;

import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * Linux cooked captures, v1 (LINUX_SLL, 16-byte header) and v2 (LINUX_SLL2, 20-byte header).
 *
 * <pre>
 * v1: | pkttype 2 | hatype 2 | halen 2 | address 8 | protocol 2 |
 * v2: | protocol 2 | reserved 2 | ifindex 4 | hatype 2 | pkttype 1 | halen 1 | address 8 |
 * </pre>
 * The v2 interface name comes from the local host, as tcpdump's {@code if_indextoname}.
 */
final class SllPrinter {
    private SllPrinter() {}

    private static final String[] TYPES = {"In", "B", "M", "P", "Out"};

    static void printV1(Ctx c) {
        c.proto = "sll";
        c.linkHeader = Math.min(16, c.cur.end());
        c.cur.check(0, 16);
        int pkttype = c.cur.u16(0);
        int halen = c.cur.u16(4);
        int proto = c.cur.u16(14);
        if (c.opts.linkLevel()) {
            c.f("%3s ", typeName(pkttype));
            address(c, 6, halen);
            ethertype(c, proto);
        }
        payload(c, proto, 16, c.wirelen - 16, () -> {
            if (!c.opts.linkLevel()) {
                c.f("%3s ", typeName(pkttype));
                address(c, 6, halen);
                ethertype(c, proto);
            }
        });
    }

    static void printV2(Ctx c) {
        c.proto = "sll2";
        c.linkHeader = Math.min(20, c.cur.end());
        c.cur.check(0, 20);
        int proto = c.cur.u16(0);
        long ifindex = c.cur.u32(4);
        int pkttype = c.cur.u8(10);
        int halen = c.cur.u8(11);
        c.f("%-5s %-3s ", ifName(ifindex), typeName(pkttype));
        Runnable header = () -> {
            c.p("ifindex ").p(ifindex).p(" ");
            address(c, 12, halen);
            ethertype(c, proto);
        };
        if (c.opts.linkLevel()) header.run();
        payload(c, proto, 20, c.wirelen - 20, c.opts.linkLevel() ? () -> { } : header);
    }

    private static void payload(Ctx c, int proto, int off, int len, Runnable fallbackHeader) {
        if (proto <= 1500 && proto != 0x0600) {
            switch (proto) {
                case 4 -> LlcPrinter.print(c, -1, off, len);
                default -> {
                    fallbackHeader.run();
                    c.hexAscii(off, len);
                }
            }
            return;
        }
        if (Dispatch.ethertype(c, proto, off, len)) return;
        fallbackHeader.run();
        c.hexAscii(off, len);
    }

    private static void ethertype(Ctx c, int proto) {
        if (c.quiet()) return;
        c.f("ethertype %s (0x%04x), length %d: ", Dispatch.ethertypeName(proto), proto, c.wirelen);
    }

    private static void address(Ctx c, int off, int halen) {
        if (halen == 0) return;
        c.p(Addr.mac(c.cur.data(), off, Math.min(halen, 8))).p(" ");
    }

    private static String typeName(int t) {
        return t >= 0 && t < TYPES.length ? TYPES[t] : "pkttype " + t;
    }

    private static final java.util.Map<Long, String> SYS_NAMES = sysNames();

    /** Linux interface names by index from /sys/class/net (also finds interfaces without addresses). */
    private static java.util.Map<Long, String> sysNames() {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        java.nio.file.Path dir = java.nio.file.Path.of("/sys/class/net");
        try (var s = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path p : s.toList()) {
                try {
                    long idx = Long.parseLong(java.nio.file.Files.readString(p.resolve("ifindex")).trim());
                    names.put(idx, p.getFileName().toString());
                } catch (java.io.IOException | NumberFormatException e) {
                    // an interface without a readable index is skipped, as if_indextoname would not find it
                }
            }
        } catch (java.io.IOException | SecurityException e) {
            return java.util.Map.of();
        }
        return java.util.Map.copyOf(names);
    }

    private static String ifName(long index) {
        String sys = SYS_NAMES.get(index);
        if (sys != null) return sys;
        try {
            NetworkInterface nif = index > 0 && index <= Integer.MAX_VALUE ? NetworkInterface.getByIndex((int) index) : null;
            return nif == null ? "?" : nif.getName();
        } catch (SocketException e) {
            return "?";
        }
    }
}
