/**
 * The optimizer: {@link io.jdump.filter.opt.PassManager} runs passes over the CFG to a capped
 * fixed point, checking the CFG invariants ({@link io.jdump.filter.ir.CfgChecker}) after every
 * pass when {@code -Dcbpf.check=true}.
 *
 * <p>It receives the code generator's CFG (every block loads what it compares; {@code ret #0} and
 * {@code ret #snaplen} shared; {@code Goto} blocks in run-time link-header prologues) and returns
 * the same CFG rewritten in place. Passes, one class each: {@code FoldConstants} (constant
 * propagation and folding), {@code FoldIndex} (a constant index joins an indexed load's offset),
 * {@code NumberValues} (value numbering: a value already in its register is not recomputed),
 * {@code RemoveRecomputedRuns} (nor by a run of statements),
 * {@code ThreadJumps} (branch folding from dominating comparisons and from facts that hold on every
 * incoming path, {@code PathFacts}; jump threading), {@code ThreadVerdicts} (an edge whose packets
 * all end in one verdict goes to it), {@code FoldVerdicts} (a block with one possible verdict
 * becomes that {@code ret}), {@code ReloadFromPacket} (a scratch slot holding a loaded
 * packet word is read by loading the word again), {@code RemoveDeadStores}, {@code UseJset}, {@code NarrowMaskedLoads}
 * (a masked test of whole bytes loads only those bytes), {@code
 * MergeStraightBlocks} (equal-edge jumps become {@code Goto}s or are absorbed), {@code
 * BuildRangeLookups} (disjunctions of range tests, single values among them, become binary
 * searches over the ranges), {@code
 * BuildSetLookups} (disjunctions of equality tests become binary searches), {@code
 * MergeIdenticalBlocks} and {@code MergeIndexedTails} (a tail of absolute loads becomes {@code ldx
 * #d} and a jump into the equal tail of indexed loads). Analyses ({@code Graph}, {@code States}, {@code Dominators}, {@code
 * Liveness}, {@code PathFacts}, {@code Lengths}) are immutable results computed from the current
 * CFG inside each run; nothing is cached in blocks.
 *
 * <p>The invariant every pass keeps, beyond the CFG's shape: the verdict of every packet is
 * unchanged, including truncated packets, where a load past the captured length ends the program
 * with 0. The rule for packet loads, which is all a pass needs to know about faults: a load may be
 * removed, skipped or considered not to fault only where it can not fault, that is where the same
 * load already succeeded on every path ({@code Facts}, {@code States}) or where every path has
 * already loaded bytes at or beyond its end ({@code Lengths}); or where its outcome can not matter,
 * that is where every way on from it, fault or not, ends in {@code ret #0} ({@code FoldVerdicts},
 * {@code ThreadVerdicts}). A load is never moved before a test that would have rejected the packet.
 * libpcap's optimizer drops and reorders loads freely (it treats them as pure), so on truncated
 * packets its optimized and unoptimized programs can disagree (bench/optimizer/size.sh and {@code
 * OptBench faults} show where that makes its programs smaller); ours never do. Unreachable blocks
 * need no pass: the CFG is what is reachable from the entry.
 */
package io.jdump.filter.opt;
