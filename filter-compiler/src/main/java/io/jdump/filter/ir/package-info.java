/**
 * The filter program as a control-flow graph: {@link io.jdump.filter.ir.Block}s of straight-line
 * statements ending in a sealed {@link io.jdump.filter.ir.Branch} (conditional jump with TRUE and
 * FALSE successors, or a return). Edges only go forward, so the graph is a DAG and forward
 * dataflow is one pass in {@link io.jdump.filter.ir.Cfg#order()}. The code generator builds it; the
 * optimizer (a later stage) rewrites it; the linearizer emits it.
 */
package io.jdump.filter.ir;
