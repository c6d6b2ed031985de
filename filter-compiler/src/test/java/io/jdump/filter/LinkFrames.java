package io.jdump.filter;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Ethernet corpus frames re-framed for link types with pseudo-headers, switch tags, radio headers or
 * one-byte addresses, so that filter-suite programs for them meet packets of the right shape. Each
 * packet varies the fields the compiled code branches on (radio header length and flags, frame type,
 * tag bits, protocol ids, station addresses) deterministically from its index.
 */
final class LinkFrames {
    private LinkFrames() {}

    private static final Set<String> TYPES = Set.of("IEEE802_11_RADIO", "IEEE802_11_RADIO_AVS", "PRISM_HEADER", "PPI",
            "ARCNET", "ARCNET_LINUX", "BACNET_MS_TP", "DSA_TAG_BRCM", "DSA_TAG_DSA", "NETANALYZER", "NETANALYZER_TRANSPARENT",
            "IPNET", "APPLE_IP_OVER_IEEE1394", "ENC");

    static boolean handles(String dlt) {
        return TYPES.contains(dlt);
    }

    static List<Packets.Pkt> reframe(List<Packets.Pkt> ether, String dlt) {
        List<Packets.Pkt> wlan = dlt.startsWith("IEEE802_11") || dlt.equals("PRISM_HEADER") || dlt.equals("PPI")
                ? Packets.reframe(ether, "IEEE802_11") : null;
        List<Packets.Pkt> out = new ArrayList<>();
        for (int i = 0; i < ether.size(); i++) {
            byte[] d = ether.get(i).data();
            if (d.length < 14) continue;
            int type = (d[12] & 0xff) << 8 | (d[13] & 0xff);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] payload;
            int cut = 14;
            switch (dlt) {
                case "IEEE802_11_RADIO", "IEEE802_11_RADIO_AVS", "PRISM_HEADER", "PPI" -> {
                    radio(b, dlt, i);
                    payload = wlan.get(Math.min(i, wlan.size() - 1)).data();
                    cut = 0;
                }
                case "ARCNET", "ARCNET_LINUX" -> {
                    b.write(i % 5 == 0 ? 0x0e : i);
                    b.write(i % 7 == 0 ? 0 : i % 3 == 0 ? 0x0e : 0xa4);
                    if (dlt.equals("ARCNET_LINUX")) b.writeBytes(new byte[] {0, 0});
                    b.write(arcType(type, i));
                    b.writeBytes(new byte[] {0, 0, 0});
                    payload = d;
                }
                case "BACNET_MS_TP" -> {
                    b.writeBytes(new byte[] {0x55, (byte) 0xff, (byte) (i % 8)});
                    b.write(i % 6 == 0 ? 0xff : i % 4);
                    b.write(i % 5 == 0 ? 0xa8 : i % 3);
                    b.writeBytes(new byte[] {0, 8, 0});
                    payload = d;
                }
                case "DSA_TAG_BRCM", "DSA_TAG_DSA" -> {
                    b.write(d, 0, 12);
                    b.writeBytes(new byte[] {(byte) (i * 0x20 + (i >> 3)), (byte) i, 0, 0});
                    b.write(d, 12, 2);
                    payload = d;
                }
                case "NETANALYZER", "NETANALYZER_TRANSPARENT" -> {
                    b.writeBytes(new byte[dlt.equals("NETANALYZER") ? 4 : 12]);
                    b.write(d, 0, 14);
                    payload = d;
                }
                case "IPNET" -> {
                    byte[] h = new byte[24];
                    h[0] = 1;
                    h[1] = (byte) (type == 0x0800 ? 2 : type == 0x86dd ? 26 : i);
                    h[3] = (byte) (i % 3);
                    b.writeBytes(h);
                    payload = d;
                }
                case "APPLE_IP_OVER_IEEE1394" -> {
                    b.write(d, 0, 6);
                    b.writeBytes(new byte[] {1, 2});
                    b.write(d, 6, 6);
                    b.writeBytes(new byte[] {3, 4});
                    b.write(d, 12, 2);
                    payload = d;
                }
                default -> {
                    int af = type == 0x0800 ? 2 : type == 0x86dd ? 10 : i % 30;
                    b.writeBytes(new byte[] {(byte) af, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, (byte) i});
                    payload = d;
                }
            }
            b.write(payload, cut, payload.length - cut);
            byte[] f = b.toByteArray();
            out.add(new Packets.Pkt(f, f.length + ether.get(i).wirelen() - d.length));
        }
        return out;
    }

    private static int arcType(int ethertype, int i) {
        return switch (ethertype) {
            case 0x0800 -> i % 9 == 0 ? 0xf0 : 0xd4;
            case 0x86dd -> 0xc4;
            case 0x0806 -> 0xd5;
            case 0x8035 -> 0xd6;
            default -> i % 2 == 0 ? 0xdd : i;
        };
    }

    /** A radio header of varying length and flags (radiotap flags and TSFT, PPI's DLT, Prism or AVS). */
    private static void radio(ByteArrayOutputStream b, String dlt, int i) {
        switch (dlt) {
            case "IEEE802_11_RADIO" -> {
                boolean tsft = i % 2 == 0, flags = i % 3 != 0, ext = i % 11 == 5;
                int present = (tsft ? 1 : 0) | (flags ? 2 : 0) | (ext ? 0x80000000 : 0);
                int len = 8 + (tsft ? 8 : 0) + (flags ? 1 : 0) + i % 4;
                byte[] h = new byte[len];
                h[2] = (byte) len;
                h[4] = (byte) present;
                h[7] = (byte) (present >>> 24);
                if (flags) h[tsft ? 16 : 8] = (byte) (i % 5 == 0 ? 0x20 : 0x10);
                b.writeBytes(h);
            }
            case "PPI" -> {
                int len = 8 + 4 * (i % 3);
                byte[] h = new byte[len];
                h[2] = (byte) len;
                h[4] = (byte) (i % 13 == 7 ? 1 : 105);
                b.writeBytes(h);
            }
            case "IEEE802_11_RADIO_AVS" -> b.writeBytes(avs(64 + 4 * (i % 3)));
            default -> {
                if (i % 4 == 1) {
                    b.writeBytes(avs(64));
                } else {
                    byte[] h = new byte[144];
                    h[0] = 0x44;
                    b.writeBytes(h);
                }
            }
        }
    }

    private static byte[] avs(int len) {
        byte[] h = new byte[len];
        h[0] = (byte) 0x80;
        h[1] = 0x21;
        h[2] = 0x10;
        h[3] = 0x01;
        h[7] = (byte) len;
        return h;
    }
}
