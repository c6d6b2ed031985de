package io.jdump.filter.opt;

/**
 * The shape of the search trees {@link BuildSetLookups} builds: the longest run of {@code jeq} at a
 * leaf, the most constants whose leaves share one nearby copy of each small return block, and
 * what {@link Split} makes as small as it can first. {@link #DEFAULT} gives the shortest paths;
 * {@link #small} trades path length for size (long leaves, few {@code jge}, few copies), which is
 * how a large set lookup is made to fit the kernel's limit on instructions.
 *
 * @param leaf        longest run of {@code jeq} at a leaf, at least 1
 * @param group       most constants of a subtree whose leaves share one copy of each small return, at least {@code leaf}
 * @param fewestNodes whether a tree has the fewest {@code jge} and {@code ja} first (then the shortest
 *                    path), instead of the shortest path first (then the fewest {@code jge})
 */
public record LookupShape(int leaf, int group, boolean fewestNodes) {
    /** Runs of at most four {@code jeq}, return copies per 64 constants, shortest paths: the default. */
    public static final LookupShape DEFAULT = new LookupShape(BuildSetLookups.LEAF, BuildSetLookups.GROUP, false);

    /** Checks the bounds. */
    public LookupShape {
        if (leaf < 1 || group < leaf) throw new IllegalArgumentException("leaf " + leaf + ", group " + group);
    }

    /** Trees with the fewest nodes whose leaves hold at most {@code leaf} constants, and {@code group} constants per copy of a return. */
    public static LookupShape small(int leaf, int group) {
        return new LookupShape(leaf, Math.max(leaf, group), true);
    }
}
