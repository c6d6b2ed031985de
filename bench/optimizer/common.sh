# Sourced by the optimizer benchmarks from the checkout's top: the JDK 25 java, the class path (BENCH_CP
# to measure other classes), libpcap's time cap in seconds (LIBPCAP_CAP), a scratch directory removed on exit.
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
CP=${BENCH_CP:-filter-compiler/target/classes:cbpf-vm/target/classes:filter-compiler/target/test-classes}
CAP=${LIBPCAP_CAP:-60}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
