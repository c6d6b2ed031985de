/** Parsing: tokens become an {@link io.jdump.filter.ast.Expr} by recursive descent, with libpcap's precedence (and/or equal, left-associative; not tightest) and qualifier inheritance made explicit. */
package io.jdump.filter.parse;
