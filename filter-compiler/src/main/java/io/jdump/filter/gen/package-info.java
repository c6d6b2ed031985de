/**
 * Code generation: an {@link io.jdump.filter.ast.Expr} becomes a {@link io.jdump.filter.ir.Cfg},
 * one generator per protocol family, reproducing the block structure of libpcap's unoptimized
 * output so that listings can be compared line by line. Link-layer offsets live in one
 * per-compilation object and are shifted by encapsulation primitives.
 */
package io.jdump.filter.gen;
