package io.jdump.print;

import java.util.List;

/** Test helper: how many lines two outputs share in order (longest common subsequence of lines). */
final class LineMatch {
    private LineMatch() {}

    static List<String> lines(String text) {
        List<String> l = List.of(text.split("\n", -1));
        return l.size() > 0 && l.getLast().isEmpty() ? l.subList(0, l.size() - 1) : l;
    }

    /** Length of the longest common subsequence of the two line lists. */
    static int common(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = x.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    /** The first differing line pair, for failure messages. */
    static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<none>";
            String g = i < actual.size() ? actual.get(i) : "<none>";
            if (!e.equals(g)) return "line " + (i + 1) + "\n  expected: " + e + "\n  actual:   " + g;
        }
        return "identical";
    }
}
