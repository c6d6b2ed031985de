package io.jdump.print;

import io.jdump.filter.LinkType;
import io.jdump.pcap.Frame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hermetic goldens: one frame per row of {@code golden.tsv} (built with scapy, expected text from
 * tcpdump 4.99.3 by {@code make-golden.py}), printed with {@code -t} so no time zone matters.
 * Covers every printer the shared corpora exercise, without needing ../shared or tcpdump.
 */
class PrinterGoldenTest {

    static Stream<Arguments> rows() throws IOException {
        try (InputStream in = PrinterGoldenTest.class.getResourceAsStream("golden.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
            return lines.stream().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                    .map(f -> Arguments.of(f[0] + " [" + f[2] + "]", Integer.parseInt(f[1]), f[2], f[3], unescape(f[4])));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void printsAsTcpdump(String name, int linkType, String options, String hex, String expected) {
        byte[] data = HexFormat.of().parseHex(hex);
        int wirelen = name.startsWith("truncated-tcp") ? 54 : data.length;
        Frame frame = new Frame(LinkType.fromLinkType(linkType), 0, 0, wirelen, data);
        StringBuilder out = new StringBuilder();
        new PacketPrinter(Render.UTC).print(out, 1, frame, PrintOptions.parse(options));
        assertEquals(expected + "\n", out.toString());
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 == s.length()) {
                sb.append(ch);
                continue;
            }
            char next = s.charAt(++i);
            sb.append(switch (next) {
                case 'n' -> '\n';
                case 't' -> '\t';
                default -> next;
            });
        }
        return sb.toString();
    }
}
