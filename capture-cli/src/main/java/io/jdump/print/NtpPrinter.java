package io.jdump.print;

/**
 * NTP (RFC 5905): version and mode summary.
 *
 * <pre>
 * |LI|VN |Mode| stratum | poll | precision | ... |
 * </pre>
 */
final class NtpPrinter {
    private NtpPrinter() {}

    private static final String[] MODES = {"unspecified", "symmetric active", "symmetric passive", "Client", "Server",
        "Broadcast", "Control Message", "Reserved"};

    static void print(Ctx c, int off, int len) {
        c.proto = "ntp";
        int b = c.cur.u8(off);
        c.p("NTPv").p((b >> 3) & 7).p(", ").p(MODES[b & 7]).p(", length ").p(len);
    }
}
