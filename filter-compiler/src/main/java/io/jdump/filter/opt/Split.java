package io.jdump.filter.opt;

import java.util.HashMap;
import java.util.Map;

/**
 * Where {@link BuildSetLookups} splits a search tree: the number of constants of the half placed
 * right after the {@code jge} (its TRUE side), chosen to make the longest executed path short
 * once the tree is laid out. The other half is as far away as the near half is long; past 255
 * instructions the linearizer reaches it through a {@code ja}, one more instruction on those
 * paths. So a big tree is split unevenly where that pays: the near half larger, the far half
 * smaller by enough to make up for its {@code ja}. Small trees are halved as before.
 *
 * <p>{@link #depth} is the longest path of a tree of n constants (comparisons and {@code ja}s),
 * over a few candidate splits, memoized (a few distinct sizes per level of a tree); among the
 * shortest, the tree with the fewest {@code jge}, whose leaves are whole runs of the shape's
 * {@link LookupShape#leaf} where the path allows. One instance per shape ({@link #of}), shared.
 */
final class Split {
    /** The farthest forward a conditional jump reaches (255), less a margin for the estimate of sizes. */
    private static final int REACH = 255 - 32;   // less a margin: the size is an estimate

    private static final Map<LookupShape, Split> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

    private final int leaf, group;
    private final boolean fewestNodes;
    private final Map<Integer, Long> cost = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, Integer> nearPart = new java.util.concurrent.ConcurrentHashMap<>();

    private Split(LookupShape shape) {
        leaf = shape.leaf();
        group = shape.group();
        fewestNodes = shape.fewestNodes();
    }

    /** The splits for trees of {@code shape} (memoized per shape: a few shapes per process). */
    static Split of(LookupShape shape) {
        return SHAPES.computeIfAbsent(shape, Split::new);
    }

    /** About how many instructions a tree of {@code n} constants takes (its jeq, jge and copied returns). */
    int size(int n) {
        return n + n / leaf + 2 * (int) ((n + (long) group - 1) / group);
    }

    /** The near part's size for a tree of {@code n} > LEAF constants. */
    int near(int n) {
        cost(n);
        return nearPart.get(n);
    }

    /** The longest path through a tree of {@code n} constants. */
    int depth(int n) {
        return (int) (cost(n) >> 32);
    }

    /**
     * The longest path (high half) and the number of nodes (low half) of the best tree of
     * {@code n} constants. For the shortest paths ({@link LookupShape#fewestNodes} false): the
     * shortest first, then the fewest {@code jge}; candidates the halving, the halves rounded to
     * whole leaves, and, where a part is beyond a jump's reach, larger near parts. For the fewest
     * nodes: the fewest {@code jge} and {@code ja} first, then the shortest; every leaf but one
     * whole, so a tree of n constants has about n / leaf leaves whatever its path.
     */
    private long cost(int n) {
        if (n <= leaf) return (long) n << 32;
        Long memo = cost.get(n);
        if (memo != null) return memo;
        int[] candidates = fewestNodes ? fewestCandidates(n) : shortestCandidates(n);
        long best = -1;
        int bestNear = candidates[0];
        for (int near : candidates) {
            if (near <= 0 || near >= n) continue;
            long a = cost(near), b = cost(n - near);
            int far = size(near) > REACH ? 1 : 0;
            long d = 1 + Math.max(a >> 32, (b >> 32) + far);
            long nodes = 1 + (a & 0xffffffffL) + (b & 0xffffffffL) + (fewestNodes ? far : 0);
            long c = d << 32 | nodes;
            if (best < 0 || better(c, best)) {
                best = c;
                bestNear = near;
            }
        }
        cost.put(n, best);
        nearPart.put(n, bestNear);
        return best;
    }

    private boolean better(long c, long best) {
        if (!fewestNodes) return c < best;
        long nc = c & 0xffffffffL, nb = best & 0xffffffffL;
        return nc != nb ? nc < nb : c < best;
    }

    private int[] shortestCandidates(int n) {
        int half = n - n / 2;   // the halving of the original tree: the near part takes the odd one
        int down = n / 2 / leaf * leaf, up = (n / 2 + leaf - 1) / leaf * leaf;
        return size(half) <= REACH ? new int[] {half, down, up, n - down, n - up}
                : new int[] {half, down, up, n * 3 / 5 / leaf * leaf, n * 2 / 3 / leaf * leaf, n * 3 / 4 / leaf * leaf, fits(n) / leaf * leaf};
    }

    /** Near parts of whole leaves: half of them (either way), or as many as a direct jump passes over. */
    private int[] fewestCandidates(int n) {
        int leaves = (n + leaf - 1) / leaf;
        return new int[] {(leaves + 1) / 2 * leaf, leaves / 2 * leaf, fits(n) / leaf * leaf};
    }

    /** The most constants whose tree fits in a direct jump. */
    private int fits(int n) {
        int k = Math.min(n - 1, REACH);
        while (k > 0 && size(k) > REACH) k--;
        return k;
    }
}
