/** The syntax tree: boolean structure ({@code And}, {@code Or}, {@code Not}) over primitives, each id carrying its qualifiers as written or inherited. */
package io.jdump.filter.ast;
