/** Name resolution behind an injectable {@link io.jdump.filter.sema.Resolver}: the system's, or a map-backed one for hermetic tests. */
package io.jdump.filter.sema;
