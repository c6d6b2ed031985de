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

    static List<Packets.Pkt> reframe(List<Packets.Pkt> corpus, String dlt) {
        List<Packets.Pkt> ether = new ArrayList<>(corpus);
        ether.addAll(variants(corpus));
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
                    b.write(STATIONS[i % STATIONS.length]);
                    b.write(STATIONS[i / 3 % STATIONS.length]);
                    if (dlt.equals("ARCNET_LINUX")) b.writeBytes(new byte[] {0, 0});
                    b.write(arcType(type, i));
                    b.writeBytes(new byte[] {0, 0, 0});
                    payload = d;
                }
                case "BACNET_MS_TP" -> {
                    b.writeBytes(new byte[] {0x55, (byte) 0xff, (byte) (i % 8)});
                    b.write(STATIONS[i / 3 % STATIONS.length]);
                    b.write(STATIONS[i % STATIONS.length]);
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

    /** Station ids the suite's ARCnet / MS-TP cases name, broadcast ids and others. */
    private static final int[] STATIONS = {0x0e, 0x8c, 0xa4, 0xa7, 0xa8, 0xa9, 0xb3, 0x00, 0xff, 0x21, 0x7e, 0x01};

    /**
     * Corpus frames changed to carry what the suite's expressions look for: the MAC addresses a1:b2:c3:d4:e5:f6
     * and aa:00:04:00:14:0e, payload bytes 0xcd (for {@code proto[0xab] == 0xcd}), VLAN tags 500 and 2061+2014
     * (with an IPv4 multicast destination), MPLS labels 12345 and 12345+6789.
     */
    /** The MAC address the test fixtures give the {@code eth-*.host123.libpcap.test} names ({@code gateway}). */
    private static final byte[] FIXTURE_MAC = {(byte) 0xaa, 0, 4, 0, 0x14, 0x0e};

    static List<Packets.Pkt> variants(List<Packets.Pkt> corpus) {
        byte[] mac = {(byte) 0xa1, (byte) 0xb2, (byte) 0xc3, (byte) 0xd4, (byte) 0xe5, (byte) 0xf6};
        List<Packets.Pkt> out = new ArrayList<>();
        int n = 0;
        for (Packets.Pkt p : corpus) {
            byte[] d = p.data();
            if (d.length < 54 || n++ >= 48) continue;
            int k = n % 6;
            byte[] v = d.clone();
            switch (k) {
                case 0 -> {
                    System.arraycopy(mac, 0, v, 6, 6);
                    if (n % 4 == 0) System.arraycopy(mac, 0, v, 0, 6);
                }
                case 1 -> {
                    v = java.util.Arrays.copyOf(v, Math.max(v.length, 320));
                    java.util.Arrays.fill(v, 54, v.length, (byte) 0xcd);
                }
                case 2 -> v = insert(v, 12, tag(0x8100, 500));
                case 3 -> {
                    v = insert(insert(v, 12, tag(0x8100, 2014)), 12, tag(0x8100, 2061));
                    if (v[20] == 0x08 && v[21] == 0) v[22 + 16] = (byte) 0xe0;
                }
                case 4 -> v = mpls(v, n % 8 == 4 ? new int[] {12345, 6789} : new int[] {12345});
                default -> System.arraycopy(n % 12 == 5 ? mac : FIXTURE_MAC, 0, v, n % 24 == 11 ? 0 : 6, 6);
            }
            out.add(new Packets.Pkt(v, v.length + p.wirelen() - d.length));
        }
        out.addAll(retyped(corpus));
        return out;
    }

    private static final int[] ETHERTYPES = {0x8035, 0x6001, 0x6002, 0x6003, 0x6004, 0x6007, 0x809b, 0x0806};
    private static final int[] IP_PROTOS = {2, 9, 103, 112, 132, 17, 6, 1};

    /**
     * Payload bytes set to 0xcd, under each Ethertype and IP protocol the suite indexes ({@code rarp[0xab]},
     * {@code pim[0xab]}, ...), and IPv6 frames carrying ICMPv6.
     */
    private static List<Packets.Pkt> retyped(List<Packets.Pkt> corpus) {
        List<Packets.Pkt> out = new ArrayList<>();
        int n = 0;
        for (Packets.Pkt p : corpus) {
            byte[] d = p.data();
            int type = d.length < 54 ? -1 : (d[12] & 0xff) << 8 | (d[13] & 0xff);
            if (type != 0x0800 && type != 0x86dd) continue;
            byte[] v = java.util.Arrays.copyOf(d, Math.max(d.length, 320));
            int from = type == 0x0800 ? 14 + 4 * (d[14] & 0xf) : 54;
            java.util.Arrays.fill(v, from, v.length, (byte) 0xcd);
            if (type == 0x86dd) {
                v[20] = 58;
            } else if (n % 2 == 0) {
                v[23] = (byte) IP_PROTOS[n / 2 % IP_PROTOS.length];
                v[20] = 0;
                v[21] = 0;
            } else {
                int t = ETHERTYPES[n / 2 % ETHERTYPES.length];
                v[12] = (byte) (t >> 8);
                v[13] = (byte) t;
            }
            out.add(new Packets.Pkt(v, v.length));
            if (++n >= 40) break;
        }
        return out;
    }

    private static byte[] tag(int tpid, int vid) {
        return new byte[] {(byte) (tpid >> 8), (byte) tpid, (byte) (vid >> 8), (byte) vid};
    }

    private static byte[] insert(byte[] d, int at, byte[] x) {
        byte[] r = new byte[d.length + x.length];
        System.arraycopy(d, 0, r, 0, at);
        System.arraycopy(x, 0, r, at, x.length);
        System.arraycopy(d, at, r, at + x.length, d.length - at);
        return r;
    }

    /** The frame with its Ethertype replaced by MPLS and the given label stack in front of the payload. */
    private static byte[] mpls(byte[] d, int[] labels) {
        byte[] stack = new byte[4 * labels.length];
        for (int i = 0; i < labels.length; i++) {
            int e = labels[i] << 12 | (i == labels.length - 1 ? 0x100 : 0) | 64;
            for (int j = 0; j < 4; j++) stack[4 * i + j] = (byte) (e >>> (24 - 8 * j));
        }
        byte[] r = insert(d, 14, stack);
        r[12] = (byte) 0x88;
        r[13] = 0x47;
        return r;
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
