package io.jdump.filter.ir;

import io.jdump.bpf.Listing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stable text form of a {@link Cfg}, one block a line in emission order, blocks renumbered
 * {@code b0, b1, ...} in that order: {@code b0: ldh [12]; jeq #0x800 -> b1, b3}. Statements print as
 * in libpcap's listing; a {@code ret} block prints its return. Used in tests and diagnostics.
 */
public final class CfgPrinter {
    private CfgPrinter() {}

    /** The text form of {@code cfg}. */
    public static String print(Cfg cfg) {
        List<Block> order = cfg.order();
        Map<Block, String> names = new HashMap<>();
        for (int i = 0; i < order.size(); i++) names.put(order.get(i), "b" + i);
        StringBuilder sb = new StringBuilder();
        for (Block b : order) {
            sb.append(names.get(b)).append(':');
            for (var s : b.stmts()) sb.append(' ').append(text(s)).append(';');
            sb.append(' ').append(switch (b.branch()) {
                case Branch.CondK(var op, var k) -> op.mnemonic() + " #0x" + Integer.toHexString(k) + " -> "
                        + names.get(b.successor(Sense.TRUE)) + ", " + names.get(b.successor(Sense.FALSE));
                case Branch.CondX(var op) -> op.mnemonic() + " x -> " + names.get(b.successor(Sense.TRUE)) + ", "
                        + names.get(b.successor(Sense.FALSE));
                case Branch.Goto() -> "ja -> " + names.get(b.successor(Sense.TRUE));
                case Branch.Return(var k) -> "ret #" + Integer.toUnsignedString(k);
                case Branch.ReturnA() -> "ret a";
            }).append('\n');
        }
        return sb.toString();
    }

    private static String text(io.jdump.bpf.Insn s) {
        String line = Listing.line(0, s);
        return line.substring(line.indexOf(')') + 2).replaceAll("\\s+", " ").strip();
    }
}
