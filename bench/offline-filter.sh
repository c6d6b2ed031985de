#!/usr/bin/env bash
# Offline speed, jdump against tcpdump (issue "jdump offline", speed acceptance):
#  1. filter: `-r BIG -w OUT EXPR` on a ~1 GB capture built by repeating the records of a corpus
#     file (both tools compile EXPR themselves);
#  2. print: `-n -r P1M` on a capture of 1,000,000 packets, output to a file.
# Each run is repeated RUNS times (default 3); the table gives the median wall time, user time and
# peak RSS (/usr/bin/time -f %M) of each tool and the ratio jdump/tcpdump. The big files are deleted.
# Usage: bench/offline-filter.sh [expression]   (needs tcpdump, /usr/bin/time and ../shared/corpus)
# Environment: RUNS=n, JDUMP_SHARED=dir (default ../shared), BENCH_DIR=dir for the big files (default a temp dir).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
expr=${1:-host 10.0.0.1 and (tcp port 80 or tcp port 443 or udp port 53)}
runs=${RUNS:-3}
src=${JDUMP_SHARED:-$root/../shared}/corpus/en10mb.pcap
work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/jdump-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# big.pcap: ~1 GiB of whole copies of the corpus records; p1m.pcap: exactly 1,000,000 records.
python3 - "$src" "$work/big.pcap" "$work/p1m.pcap" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read()
body = d[24:]
with open(sys.argv[2], 'wb') as f:
    f.write(d[:24])
    for _ in range((1 << 30) // len(body)):
        f.write(body)
le = d[:4] in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1')
recs, p = [], 0
while p + 16 <= len(body):
    cap = struct.unpack_from('<I' if le else '>I', body, p + 8)[0]
    recs.append(body[p:p + 16 + cap]); p += 16 + cap
n = 1_000_000
with open(sys.argv[3], 'wb') as f:
    f.write(d[:24])
    whole = b''.join(recs)
    for _ in range(n // len(recs)):
        f.write(whole)
    f.write(b''.join(recs[:n % len(recs)]))
PY

"$root/jdump" --version > /dev/null                      # build once, outside the timing
cat "$work/big.pcap" "$work/p1m.pcap" > /dev/null       # warm the page cache

# measure NAME CMD...: runs CMD once (stdout to a file), appends "wall user rss" to $work/NAME.t
measure() {
  local name=$1; shift
  /usr/bin/time -o "$work/t" -f "%e %U %M" "$@" > "$work/out.txt" 2> /dev/null
  cat "$work/t" >> "$work/$name.t"
}
median() {   # median of column $2 of file $1
  sort -g -k"$2","$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {print v[int((NR + 1) / 2)]}'
}

for ((r = 0; r < runs; r++)); do   # interleave the tools so load changes hit both
  measure tcpdump-filter tcpdump -r "$work/big.pcap" -w "$work/out-t.pcap" "$expr"
  measure jdump-filter "$root/jdump" -r "$work/big.pcap" -w "$work/out-j.pcap" "$expr"
  measure tcpdump-print tcpdump -n -r "$work/p1m.pcap"
  measure jdump-print "$root/jdump" -n -r "$work/p1m.pcap"
done
cmp -s "$work/out-t.pcap" "$work/out-j.pcap" || echo "warning: the filtered files differ" >&2

printf 'big.pcap %s bytes; p1m.pcap 1000000 packets; expression: %s; median of %s runs\n' \
  "$(stat -c %s "$work/big.pcap")" "$expr" "$runs"
printf '%-7s %-8s %8s %8s %9s %7s\n' task tool wall_s user_s rss_kb ratio
for task in filter print; do
  tw=$(median "$work/tcpdump-$task.t" 1)
  for tool in tcpdump jdump; do
    f=$work/$tool-$task.t
    w=$(median "$f" 1)
    printf '%-7s %-8s %8s %8s %9s %7s\n' "$task" "$tool" "$w" "$(median "$f" 2)" "$(median "$f" 3)" \
      "$(awk -v a="$w" -v b="$tw" 'BEGIN {printf "%.2f", a / b}')"
  done
done
