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
 * shortest, the tree with the fewest {@code jge}, whose leaves are whole runs of {@link
 * BuildSetLookups#LEAF} where the path allows.
 */
final class Split {
    private Split() {}

    /** The farthest forward a conditional jump reaches (255), less a margin for the estimate of sizes. */
    private static final int REACH = 255 - 32;   // less a margin: the size is an estimate

    private static final Map<Integer, Long> COST = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<Integer, Integer> NEAR = new java.util.concurrent.ConcurrentHashMap<>();

    /** About how many instructions a tree of {@code n} constants takes (its jeq, jge and copied returns). */
    static int size(int n) {
        return n + n / BuildSetLookups.LEAF + 2 * ((n + BuildSetLookups.GROUP - 1) / BuildSetLookups.GROUP);
    }

    /** The near part's size for a tree of {@code n} > LEAF constants. */
    static int near(int n) {
        cost(n);
        return NEAR.get(n);
    }

    /** The longest path through a tree of {@code n} constants. */
    static int depth(int n) {
        return (int) (cost(n) >> 32);
    }

    /**
     * The longest path (high half) and the number of {@code jge} (low half) of the best tree of
     * {@code n} constants: shortest first, then fewest nodes. Candidates: the halving, the halves
     * rounded to whole leaves, and, where a part is beyond a jump's reach, larger near parts.
     */
    private static long cost(int n) {
        if (n <= BuildSetLookups.LEAF) return (long) n << 32;
        Long memo = COST.get(n);
        if (memo != null) return memo;
        int leaf = BuildSetLookups.LEAF;
        int half = n - n / 2;   // the halving of the original tree: the near part takes the odd one
        int down = n / 2 / leaf * leaf, up = (n / 2 + leaf - 1) / leaf * leaf;
        int[] candidates = size(half) <= REACH ? new int[] {half, down, up, n - down, n - up}
                : new int[] {half, down, up, n * 3 / 5 / leaf * leaf, n * 2 / 3 / leaf * leaf, n * 3 / 4 / leaf * leaf, fits(n) / leaf * leaf};
        long best = Long.MAX_VALUE;
        int bestNear = half;
        for (int near : candidates) {
            if (near <= 0 || near >= n) continue;
            long a = cost(near), b = cost(n - near);
            long d = 1 + Math.max(a >> 32, (b >> 32) + (size(near) > REACH ? 1 : 0));
            long c = d << 32 | (1 + (a & 0xffffffffL) + (b & 0xffffffffL));
            if (c < best) {
                best = c;
                bestNear = near;
            }
        }
        COST.put(n, best);
        NEAR.put(n, bestNear);
        return best;
    }

    /** The most constants whose tree fits in a direct jump. */
    private static int fits(int n) {
        int k = Math.min(n - 1, REACH);
        while (k > 0 && size(k) > REACH) k--;
        return k;
    }
}
