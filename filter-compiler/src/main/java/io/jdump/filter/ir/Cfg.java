package io.jdump.filter.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A filter program as a DAG of {@link Block}s with a single entry. {@link #order()} is libpcap's
 * emission order: reverse post-order of a depth-first walk that visits the FALSE successor before
 * the TRUE one, which places a block's TRUE successor right after it when possible.
 */
public record Cfg(Block entry) {

    /**
     * The reachable blocks in emission order (iterative, so deep chains do not overflow the stack;
     * blocks are marked as seen in a field of their own, so the walk hashes nothing).
     */
    public List<Block> order() {
        Object seen = new Object();
        List<Block> post = new ArrayList<>();
        Block[] stack = new Block[64];
        byte[] state = new byte[64];
        int sp = 0;
        stack[sp] = entry;
        state[sp++] = 0;
        entry.seenBy = seen;
        while (sp > 0) {
            Block b = stack[--sp];
            int st = state[sp];
            boolean one = b.branch() instanceof Branch.Goto;
            if (st == 2 || !b.branch().hasSuccessors() || (one && st == 1)) {
                post.add(b);
                continue;
            }
            state[sp++] = (byte) (st + 1);   // b stays in its slot, one step further
            Block next = b.successor(st == 0 && !one ? Sense.FALSE : Sense.TRUE);
            if (next == null) throw new IllegalStateException("unpatched edge out of " + b);
            if (next.seenBy != seen) {
                next.seenBy = seen;
                if (sp == stack.length) {
                    stack = Arrays.copyOf(stack, 2 * sp);
                    state = Arrays.copyOf(state, 2 * sp);
                }
                stack[sp] = next;
                state[sp++] = 0;
            }
        }
        return post.reversed();
    }
}
