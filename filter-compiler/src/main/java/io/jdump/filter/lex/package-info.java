/** Lexical analysis: the expression text becomes {@link io.jdump.filter.lex.Token}s, classified as libpcap's scanner does (numbers, IPv4/IPv6/MAC addresses, keywords, named constants, names). */
package io.jdump.filter.lex;
