#!/bin/sh
# Program size against libpcap: jdump/libpcap instruction counts over
#   1. the libpcap filter suite's optimized accept cases (expected listings = libpcap's optimized -d), and
#   2. the random-expression differential set (random_exprs.py, EN10MB, against the installed tcpdump -d).
# The suite figure is over the link types with a corpus (as the differential tests); a second line
# covers every link type of the suite (802.11, PFLOG, ...). Prints, for each, the geometric mean of the ratios, how many are larger/smaller/equal, and the
# worst cases; with -o DIR also writes the full per-case tables (ratio, jdump, libpcap, [dlt,] expr).
#
#   bench/optimizer/size.sh [-o DIR] [worst=20] [random-seed=1] [random-count=300]
#
# Needs: JDK 25, tcpdump, python3, /work/shared (the suite); the classes built by
#   mvn -B -q -o test-compile -pl filter-compiler -am
set -eu
cd "$(dirname "$0")/../.."
OUT=
if [ "${1:-}" = "-o" ]; then OUT=$2; shift 2; mkdir -p "$OUT"; fi
WORST=${1:-20}
SEED=${2:-1}
COUNT=${3:-300}
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java -Djdump.shared=${SHARED:-../shared}"
CP=${BENCH_CP:-filter-compiler/target/classes:cbpf-vm/target/classes:filter-compiler/target/test-classes:cbpf-vm/target/test-classes}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

$JAVA -cp "$CP" io.jdump.filter.opt.OptBench suite 100000 >"$TMP/suite"
$JAVA -cp "$CP" io.jdump.filter.opt.OptBench suite-all 100000 >"$TMP/suite-all"
head -1 "$TMP/suite"
sed -n "2,$((WORST + 3))p" "$TMP/suite"
[ -n "$OUT" ] && tail -n +2 "$TMP/suite" >"$OUT/suite.tsv"
echo
head -2 "$TMP/suite-all"
echo "  (larger:)"
awk -F'\t' 'NR > 3 && $2 > $3' "$TMP/suite-all" | head -n "$WORST"
[ -n "$OUT" ] && tail -n +2 "$TMP/suite-all" >"$OUT/suite-all.tsv"

echo
echo "random expressions (seed $SEED, $COUNT expressions, EN10MB): size jdump/libpcap"
python3 bench/optimizer/random_exprs.py "$SEED" "$COUNT" >"$TMP/rand"
$JAVA -cp "$CP" io.jdump.filter.opt.OptBench lines "$TMP/rand" >"$TMP/ours"
python3 bench/optimizer/compare_random.py "$TMP/rand" "$TMP/ours" "$WORST" ${OUT:+"$OUT/random.tsv"}
