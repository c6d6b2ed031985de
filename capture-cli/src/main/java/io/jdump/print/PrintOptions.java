package io.jdump.print;

/**
 * How frames are printed: tcpdump's {@code -n -e -q -v -x -X -A -t -# -S --nano} options.
 *
 * @param numeric      {@code -n}: no name resolution (jdump never resolves names; kept for the CLI)
 * @param linkLevel    {@code -e}: print the link-level header
 * @param verbosity    number of {@code -v} options, 0..3
 * @param quiet        {@code -q}: shorter protocol lines
 * @param hex          the hex/ASCII dump mode
 * @param time         the time stamp format
 * @param packetNumbers {@code -#}: prefix each frame with its number
 * @param nano         {@code --nano}: nanosecond time stamps
 * @param absoluteSeq  {@code -S}: absolute TCP sequence numbers
 */
public record PrintOptions(boolean numeric, boolean linkLevel, int verbosity, boolean quiet, HexMode hex,
                           TimeFormat time, boolean packetNumbers, boolean nano, boolean absoluteSeq) {

    /** The compact constructor clamps verbosity into 0..3 and rejects nulls. */
    public PrintOptions {
        verbosity = Math.clamp(verbosity, 0, 3);
        if (hex == null || time == null) throw new IllegalArgumentException("hex and time are required");
    }

    /** tcpdump's defaults with {@code -n}. */
    public static PrintOptions defaults() {
        return new PrintOptions(true, false, 0, false, HexMode.NONE, TimeFormat.DEFAULT, false, false, false);
    }

    /**
     * Parses tcpdump option words ({@code -# -n -tttt -v -e -q -x ... -S --nano}); used by tests and
     * usable by the CLI. Unknown words throw IllegalArgumentException.
     */
    public static PrintOptions parse(String words) {
        boolean e = false, q = false, num = false, nano = false, abs = false, n = false;
        int v = 0, t = 0, x = 0, bigX = 0, a = 0;
        for (String w : words.trim().split("\\s+")) {
            if (w.isEmpty()) continue;
            if (w.equals("--nano")) { nano = true; continue; }
            if (!w.startsWith("-") || w.startsWith("--")) throw new IllegalArgumentException("option " + w);
            for (char ch : w.substring(1).toCharArray()) {
                switch (ch) {
                    case 'e' -> e = true;
                    case 'q' -> q = true;
                    case 'n' -> n = true;
                    case '#' -> num = true;
                    case 'S' -> abs = true;
                    case 'v' -> v++;
                    case 't' -> t++;
                    case 'x' -> x++;
                    case 'X' -> bigX++;
                    case 'A' -> a++;
                    default -> throw new IllegalArgumentException("option -" + ch);
                }
            }
        }
        return new PrintOptions(n, e, v, q, HexMode.of(x, bigX, a), TimeFormat.of(t), num, nano, abs);
    }

    /** The hex/ASCII dump after each frame's line. */
    public enum HexMode {
        NONE, HEX, HEX_LINK, HEX_ASCII, HEX_ASCII_LINK, ASCII, ASCII_LINK;

        /** From the counts of {@code -x}, {@code -X} and {@code -A} as tcpdump combines them. */
        public static HexMode of(int x, int bigX, int a) {
            if (a > 0) return a > 1 ? ASCII_LINK : ASCII;
            if (bigX > 0) return bigX > 1 || x > 1 ? HEX_ASCII_LINK : HEX_ASCII;
            if (x > 0) return x > 1 ? HEX_LINK : HEX;
            return NONE;
        }

        boolean withLink() { return this == HEX_LINK || this == HEX_ASCII_LINK || this == ASCII_LINK; }
    }

    /** The time stamp at the start of each line: none, {@code -t}, {@code -tt} ... {@code -ttttt}. */
    public enum TimeFormat {
        DEFAULT, NONE, EPOCH, DELTA_PREVIOUS, DATE, DELTA_FIRST;

        /** From the count of {@code -t} options (0..5). */
        public static TimeFormat of(int count) {
            return values()[Math.clamp(count, 0, 5)];
        }
    }
}
