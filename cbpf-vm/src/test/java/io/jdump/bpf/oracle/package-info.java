/**
 * Oracles for the cBPF machine: libpcap's own {@code bpf_filter}/{@code bpf_validate}
 * ({@link io.jdump.bpf.oracle.LibpcapBpf}) and the Linux kernel's socket filter
 * ({@link io.jdump.bpf.oracle.KernelSocketFilter}), both reached through JNA. Tests using them are
 * tagged {@code oracle} or {@code kernel} and call {@code Requirements.require(X.available(), ...)},
 * so they skip where the oracle is missing and fail under {@code CI=true}.
 */
package io.jdump.bpf.oracle;
