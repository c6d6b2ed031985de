#!/usr/bin/env bash
# Offline read+filter speed, jdump against tcpdump: builds a ~1 GB capture by repeating the
# records of a corpus file, times `-r BIG -w /dev/null` with the same filter (tcpdump compiles
# the expression; jdump runs tcpdump's -ddd program with --bpf), then deletes the capture.
# Usage: bench/offline-filter.sh [expression]   (needs tcpdump and ../shared/corpus)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
expr=${1:-host 10.0.0.1}
src=${JDUMP_SHARED:-$root/../shared}/corpus/en10mb.pcap
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$src" "$work/big.pcap" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
with open(sys.argv[2], 'wb') as f:
    f.write(d[:24])
    for _ in range((1 << 30) // (len(d) - 24)):
        f.write(d[24:])
PY
tcpdump -r "$work/big.pcap" -ddd "$expr" > "$work/prog.bpf" 2>/dev/null
"$root/jdump" --version > /dev/null                      # build once, outside the timing
cat "$work/big.pcap" > /dev/null                         # warm the page cache
for i in 1 2 3; do
  /usr/bin/time -f "tcpdump %e s elapsed, %U s user, %S s sys" tcpdump -r "$work/big.pcap" -w /dev/null "$expr" 2>&1 | grep -v '^reading'
  /usr/bin/time -f "jdump   %e s elapsed, %U s user, %S s sys" "$root/jdump" -r "$work/big.pcap" -w /dev/null --bpf "$work/prog.bpf" 2>&1 | grep -v '^reading'
done
