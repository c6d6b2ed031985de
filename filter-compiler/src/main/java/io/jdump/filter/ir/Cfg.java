package io.jdump.filter.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A filter program as a DAG of {@link Block}s with a single entry. {@link #order()} is libpcap's
 * emission order: reverse post-order of a depth-first walk that visits the FALSE successor before
 * the TRUE one, which places a block's TRUE successor right after it when possible.
 */
public record Cfg(Block entry) {

    /** The reachable blocks in emission order (iterative, so deep chains do not overflow the stack). */
    public List<Block> order() {
        List<Block> post = new ArrayList<>();
        Set<Block> seen = new HashSet<>();
        record Frame(Block b, int state) {}
        ArrayList<Frame> stack = new ArrayList<>();
        stack.add(new Frame(entry, 0));
        seen.add(entry);
        while (!stack.isEmpty()) {
            Frame f = stack.removeLast();
            Block b = f.b();
            boolean one = b.branch() instanceof Branch.Goto;
            if (f.state() == 2 || !b.branch().hasSuccessors() || (one && f.state() == 1)) {
                post.add(b);
                continue;
            }
            stack.add(new Frame(b, f.state() + 1));
            Block next = b.successor(f.state() == 0 && !one ? Sense.FALSE : Sense.TRUE);
            if (next == null) throw new IllegalStateException("unpatched edge out of " + b);
            if (seen.add(next)) stack.add(new Frame(next, 0));
        }
        return post.reversed();
    }
}
