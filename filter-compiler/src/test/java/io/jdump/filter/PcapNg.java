package io.jdump.filter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the packets of a pcapng file for the suite's apply cases: section header (byte order from its magic),
 * the first interface description's snapshot length, enhanced and simple packet blocks; other blocks are skipped.
 */
final class PcapNg {
    private PcapNg() {}

    static final int SHB = 0x0a0d0d0a;
    private static final int IDB = 1, SPB = 3, EPB = 6, BYTE_ORDER_MAGIC = 0x1a2b3c4d;

    static boolean is(byte[] file) {
        return file.length >= 12 && ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == SHB;
    }

    /** The snapshot length of the first interface, or -1 when there is none or the file is malformed. */
    static int snaplen(byte[] file) {
        int[] snap = {-1};
        walk(file, (type, b, body) -> {
            if (type == IDB && snap[0] < 0) snap[0] = b.getInt(body + 4);
        });
        return snap[0];
    }

    static List<Packets.Pkt> read(byte[] file) {
        List<Packets.Pkt> out = new ArrayList<>();
        walk(file, (type, b, body) -> {
            if (type == EPB) {
                int cap = b.getInt(body + 12);
                out.add(new Packets.Pkt(slice(b, body + 20, cap), b.getInt(body + 16)));
            } else if (type == SPB) {
                int orig = b.getInt(body);
                int len = b.getInt(body - 4) - 16;
                out.add(new Packets.Pkt(slice(b, body + 4, Math.min(orig, len)), orig));
            }
        });
        return out;
    }

    private interface Visitor {
        void block(int type, ByteBuffer b, int body);
    }

    private static void walk(byte[] file, Visitor v) {
        ByteBuffer b = ByteBuffer.wrap(file);
        int pos = 0;
        while (pos + 12 <= file.length) {
            if (b.order(ByteOrder.LITTLE_ENDIAN).getInt(pos) == SHB) {
                b.order(b.getInt(pos + 8) == BYTE_ORDER_MAGIC ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            }
            int type = b.getInt(pos);
            int len = b.getInt(pos + 4);
            if (len < 12 || pos + len > file.length) return;
            v.block(type, b, pos + 8);
            pos += len;
        }
    }

    private static byte[] slice(ByteBuffer b, int at, int n) {
        byte[] d = new byte[n];
        b.get(at, d);
        return d;
    }
}
