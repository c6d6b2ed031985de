package io.jdump.pcap;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A record written from a (direct) buffer, as live capture writes from its ring, is the record written from an array. */
class InPlaceWriteTest {
    private static final int EN10MB = 1;

    @Test
    void pcapAndPcapngFromBufferEqualFromArray() throws IOException {
        for (boolean ng : new boolean[] {false, true}) {
            for (Precision p : Precision.values()) {
                for (int caplen : new int[] {0, 1, 60, 61, 1514, 3 << 20}) {   // 3 MiB: longer than the write buffer
                    byte[] data = new byte[caplen];
                    for (int i = 0; i < caplen; i++) data[i] = (byte) (i * 31 + 7);
                    ByteBuffer ring = ByteBuffer.allocateDirect(caplen + 100).order(ByteOrder.nativeOrder());
                    ring.put(37, data);
                    ByteArrayOutputStream a = new ByteArrayOutputStream(), b = new ByteArrayOutputStream();
                    try (CaptureWriter wa = open(ng, a, p); CaptureWriter wb = open(ng, b, p)) {
                        for (int r = 0; r < 3; r++) {
                            wa.write(EN10MB, 262144, 1_700_000_000L + r, 123_456_789, caplen + 4, data, 0, caplen);
                            wb.write(EN10MB, 262144, 1_700_000_000L + r, 123_456_789, caplen + 4, ring, 37, caplen);
                        }
                    }
                    assertArrayEquals(a.toByteArray(), b.toByteArray(), (ng ? "pcapng " : "pcap ") + p + " caplen " + caplen);
                }
            }
        }
    }

    private static CaptureWriter open(boolean ng, ByteArrayOutputStream out, Precision p) throws IOException {
        return ng ? new PcapNgWriter(out, p) : new PcapWriter(out, EN10MB, 262144, p);
    }
}
