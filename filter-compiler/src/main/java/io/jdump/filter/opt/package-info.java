/** The optimizer's pass hook: a {@link io.jdump.filter.opt.PassManager} running {@link io.jdump.filter.opt.Pass}es to a capped fixed point. */
package io.jdump.filter.opt;
