#!/bin/sh
# Optimizer benchmark: jdump's compiler against libpcap's (tcpdump -d) on the same expressions.
# Prints, per expression family and size: instructions, ja count, longest executed path, compile
# time and peak memory for both. jdump's figures come from OptBench (cold = first compile in a fresh
# JVM, best of the runs, CPU ms of the compiling thread, heap after) and from the real command a user
# runs, ./jdump -y EN10MB -d -F file (wall seconds and peak RSS, AOT cache included), beside
# tcpdump -y EN10MB -d -F file under the same /usr/bin/time. libpcap is capped at $LIBPCAP_CAP seconds
# (default 60); a capped run prints "timeout". Then the size ratio over random expressions.
#
#   bench/optimizer/run.sh [hosts-sizes...]      e.g.  bench/optimizer/run.sh 100 400 1000
#
# Needs: JDK 25, tcpdump, python3; the classes built by
#   mvn -B -q -o test-compile -pl filter-compiler -am
set -eu
cd "$(dirname "$0")/../.."
. bench/optimizer/common.sh
# libpcap takes about 20 minutes for 2,000 hosts on our machines: raise LIBPCAP_CAP (seconds) to see it finish.
SIZES=${*:-100 400 1000 2000 10000 100000}
FAMILIES=${FAMILIES:-hosts and-chain not-host-port vlan mpls}

libpcap() { # file -> "insns ja longest seconds maxrss_mib" or "timeout"
    if /usr/bin/time -f '%e %M' -o "$TMP/time" timeout "$CAP" tcpdump -y EN10MB -d -F "$1" >"$TMP/lp" 2>/dev/null; then
        python3 bench/optimizer/listing_stats.py "$TMP/lp" "$TMP/time"
    else
        echo "timeout(>${CAP}s)"
    fi
}

jdumpcmd() { # file -> "s(./jdump -d) MiB(rss)"
    if /usr/bin/time -f '%e %M' -o "$TMP/jtime" ./jdump -y EN10MB -d -F "$1" >/dev/null 2>&1; then
        awk '{printf "%ss %d(rss)", $1, $2 / 1024}' "$TMP/jtime"
    else
        echo "error"
    fi
}
./jdump -y EN10MB -d ip >/dev/null 2>&1 || true   # builds the jar and its AOT cache when stale, outside the timings
echo "load: $(uptime)"
printf 'family\tn\tjdump: insns ja longest ms(cold) ms(best) ms(cpu,best) MiB(heap-after) MiB(jvm-rss)\t./jdump -d: s MiB(rss)\tlibpcap: insns ja longest s MiB(rss)\n'
for fam in $FAMILIES; do
    case $fam in
        hosts) ns=$SIZES ;;
        vlan|mpls) ns="2 4 8" ;;
        *) ns="100 1000 4000" ;;
    esac
    for n in $ns; do
        "$JAVA" -cp "$CP" io.jdump.filter.opt.OptBench gen "$fam" "$n" >"$TMP/expr"
        runs=5; [ "$n" -ge 10000 ] && runs=2; [ "$n" -ge 100000 ] && runs=1
        if /usr/bin/time -f '%M' -o "$TMP/ourtime" "$JAVA" -Xmx6g -cp "$CP" io.jdump.filter.opt.OptBench file "$fam" "$TMP/expr" $runs >"$TMP/ours" 2>&1; then
            ours="$(cut -f2- "$TMP/ours" | tr '\t' ' ') $(( $(tail -1 "$TMP/ourtime") / 1024 ))(rss)"
        else
            ours="error: $(grep -m1 -o 'Exception: .*' "$TMP/ours")"
        fi
        cmd=$(jdumpcmd "$TMP/expr")
        theirs=$(libpcap "$TMP/expr")
        printf '%s\t%s\t%s\t%s\t%s\n' "$fam" "$n" "$ours" "$cmd" "$theirs"
    done
done

echo
echo "random expressions (seed 1, 300 expressions): size jdump/libpcap"
python3 bench/optimizer/random_exprs.py 1 300 >"$TMP/rand"
"$JAVA" -cp "$CP" io.jdump.filter.opt.OptBench lines "$TMP/rand" >"$TMP/ours"
python3 bench/optimizer/compare_random.py "$TMP/rand" "$TMP/ours"
