/**
 * The optimizer: {@link io.jdump.filter.opt.PassManager} runs passes over the CFG to a capped
 * fixed point, checking the CFG invariants ({@link io.jdump.filter.ir.CfgChecker}) after every
 * pass when {@code -Dcbpf.check=true}.
 *
 * <p>It receives the code generator's CFG (every block loads what it compares; {@code ret #0} and
 * {@code ret #snaplen} shared) and returns the same CFG rewritten in place. Passes, one class each:
 * {@code FoldConstants} (constant propagation and folding), {@code NumberValues} (value numbering:
 * a value already in its register is not recomputed), {@code ThreadJumps} (branch folding from
 * dominating comparisons and jump threading), {@code RemoveDeadStores}, {@code
 * MergeStraightBlocks}, {@code BuildSetLookups} (disjunctions of equality tests become binary
 * searches) and {@code MergeIdenticalBlocks}. Analyses ({@code Graph}, {@code States}, {@code
 * Dominators}, {@code Liveness}) are immutable results computed from the current CFG inside each
 * run; nothing is cached in blocks.
 *
 * <p>The invariant every pass keeps, beyond the CFG's shape: the verdict of every packet is
 * unchanged, including truncated packets, where a load past the captured length ends the program
 * with 0. Packet loads are therefore only removed or skipped where the same load already
 * succeeded on every path. (libpcap's optimizer drops and reorders loads, so on truncated packets
 * its optimized and unoptimized programs can disagree; ours never do.) Unreachable blocks need no
 * pass: the CFG is what is reachable from the entry.
 */
package io.jdump.filter.opt;
