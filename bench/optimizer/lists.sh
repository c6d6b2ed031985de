#!/bin/sh
# List families (bench/optimizer/lists.py): jdump's program beside libpcap's for each, the same files.
#
#   bench/optimizer/lists.sh [N=100] [SEED=7]
#
# Prints per family: jdump instructions, ja, longest executed path; libpcap's the same (tcpdump -d,
# capped at LIBPCAP_CAP seconds, default 60). Needs JDK 25, tcpdump, python3 and the classes built by
#   mvn -B -q -o test-compile -pl filter-compiler -am
set -eu
cd "$(dirname "$0")/../.."
. bench/optimizer/common.sh
echo "0 0" >"$TMP/notime"
python3 bench/optimizer/lists.py "$TMP/lists" "${1:-100}" "${2:-7}"
"$JAVA" -cp "$CP" io.jdump.filter.opt.OptBench files "$TMP"/lists/* >"$TMP/ours"
printf 'family\tjdump: insns ja longest\tlibpcap: insns ja longest\n'
while read -r name insns ja longest; do
    if timeout "$CAP" tcpdump -y EN10MB -d -F "$TMP/lists/$name" >"$TMP/lp" 2>/dev/null; then
        lib=$(python3 bench/optimizer/listing_stats.py "$TMP/lp" "$TMP/notime" | awk '{print $1, $2, $3}')
    else
        lib="timeout(>${CAP}s)"
    fi
    printf '%s\t%s %s %s\t%s\n' "$name" "$insns" "$ja" "$longest" "$lib"
done <"$TMP/ours"
