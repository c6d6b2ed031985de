package io.jdump.filter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test packets: the records of a classic pcap file, plus seeded mutations of them (bit flips, truncations, splices). */
final class Packets {
    private Packets() {}

    /** A captured packet: the bytes kept and the length on the wire. */
    record Pkt(byte[] data, int wirelen) {}

    /** The snapshot length in a classic pcap file header, or -1 if the file is not classic pcap. */
    static int snaplen(Path file) throws IOException {
        if (PcapNg.is(Files.readAllBytes(file))) return PcapNg.snaplen(Files.readAllBytes(file));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) b.order(ByteOrder.BIG_ENDIAN);
        int m = b.getInt(0);
        if (m != 0xa1b2c3d4 && m != 0xa1b23c4d) return -1;
        return b.getInt(16);
    }

    static List<Pkt> read(Path file) throws IOException {
        if (PcapNg.is(Files.readAllBytes(file))) return PcapNg.read(Files.readAllBytes(file));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) b.order(ByteOrder.BIG_ENDIAN);
        b.position(24);
        List<Pkt> out = new ArrayList<>();
        while (b.remaining() >= 16) {
            b.getInt();
            b.getInt();
            int incl = b.getInt();
            int orig = b.getInt();
            if (incl < 0 || incl > b.remaining()) break;
            byte[] d = new byte[incl];
            b.get(d);
            out.add(new Pkt(d, orig));
        }
        return out;
    }

    /**
     * Ethernet frames re-framed for a link type without a corpus of its own: FDDI and Token Ring (the MAC
     * addresses, then LLC/SNAP with the Ethertype), PPP (address, control, PPP protocol).
     */
    static List<Pkt> reframe(List<Pkt> ether, String dlt) {
        if (LinkFrames.handles(dlt)) return LinkFrames.reframe(ether, dlt);
        List<Pkt> out = new ArrayList<>();
        for (Pkt p : ether) {
            byte[] d = p.data();
            if (d.length < 14) continue;
            int type = (d[12] & 0xff) << 8 | (d[13] & 0xff);
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            switch (dlt) {
                case "IEEE802_11" -> {
                    boolean qos = out.size() % 3 == 0;
                    b.write(qos ? 0x88 : out.size() % 7 == 1 ? 0x80 : 0x08);
                    b.write(out.size() % 4);
                    b.writeBytes(new byte[] {0, 0});
                    b.write(d, 0, 6);
                    b.write(d, 6, 6);
                    b.write(d, 6, 6);
                    b.writeBytes(new byte[] {0x10, 0});
                    if (qos) b.writeBytes(new byte[] {0, 0});
                    b.writeBytes(new byte[] {(byte) 0xaa, (byte) 0xaa, 3, 0, 0, 0, d[12], d[13]});
                }
                case "PFLOG" -> {
                    byte[] h = new byte[64];
                    h[0] = 61;
                    h[1] = (byte) (type == 0x86dd ? 10 : type == 0x0800 ? 2 : 0);
                    h[2] = (byte) (out.size() % 11);
                    h[3] = (byte) (out.size() % 15);
                    System.arraycopy("eth0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, h, 4, 4);
                    h[39] = (byte) (out.size() % 3);
                    h[60] = (byte) (1 + out.size() % 2);
                    b.writeBytes(h);
                }
                case "IP_OVER_FC" -> {
                    b.writeBytes(new byte[] {0, 0});
                    b.write(d, 0, 6);
                    b.writeBytes(new byte[] {0, 0});
                    b.write(d, 6, 6);
                    b.writeBytes(new byte[] {(byte) 0xaa, (byte) 0xaa, 3, 0, 0, 0, d[12], d[13]});
                }
                case "C_HDLC" -> b.writeBytes(new byte[] {0x0f, 0, d[12], d[13]});
                case "FDDI", "IEEE802" -> {
                    if (dlt.equals("IEEE802")) b.write(0x10);
                    b.write(0x50);
                    b.write(d, 0, 12);
                    b.writeBytes(new byte[] {(byte) 0xaa, (byte) 0xaa, 3, 0, 0, 0, d[12], d[13]});
                }
                default -> {
                    int proto = type == 0x0800 ? 0x21 : type == 0x86dd ? 0x57 : type;
                    b.writeBytes(new byte[] {(byte) 0xff, 3, (byte) (proto >> 8), (byte) proto});
                }
            }
            int header = b.size();
            b.write(d, 14, d.length - 14);
            out.add(new Pkt(b.toByteArray(), p.wirelen() - 14 + header));
        }
        return out;
    }

    /** {@code n} random packets of 0..maxLen bytes, for link types without a corpus (802.11 frame-control tests). */
    static List<Pkt> random(int n, int maxLen, long seed) {
        Random r = new Random(seed);
        List<Pkt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] d = new byte[r.nextInt(maxLen + 1)];
            r.nextBytes(d);
            out.add(new Pkt(d, d.length + r.nextInt(4) * r.nextInt(100)));
        }
        return out;
    }

    /** {@code n} mutants of {@code base}, deterministic for {@code seed}. */
    static List<Pkt> mutate(List<Pkt> base, int n, long seed) {
        Random r = new Random(seed);
        List<Pkt> out = new ArrayList<>();
        if (base.isEmpty()) return out;
        for (int i = 0; i < n; i++) {
            Pkt p = base.get(r.nextInt(base.size()));
            byte[] d = p.data().clone();
            int flips = 1 + r.nextInt(4);
            for (int f = 0; f < flips && d.length > 0; f++) {
                int at = r.nextInt(Math.min(d.length, 80));
                d[at] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : (byte) (d[at] ^ (1 << r.nextInt(8)));
            }
            if (r.nextInt(5) == 0 && d.length > 0) d = java.util.Arrays.copyOf(d, r.nextInt(d.length));
            out.add(new Pkt(d, r.nextInt(4) == 0 ? r.nextInt(2000) : Math.max(d.length, p.wirelen())));
        }
        return out;
    }
}
