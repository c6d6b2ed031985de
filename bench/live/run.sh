#!/usr/bin/env bash
# Live-capture throughput: the highest rate each of jdump and tcpdump sustains with < 0.1% loss.
#
# A throw-away namespace jdump-b-<random> and a veth pair; trafgen (netsniff-ng) floods 60-byte
# frames from the namespace end, alternating ethertypes 0x88b5 and 0x88b6; the capture runs on
# the root end with the filter `ether proto 0x88b5` (half the traffic) and -w /dev/null.
# For each nominal rate, trafgen sends RATE*SECONDS frames; the achieved rate is measured
# (frames / elapsed time), and so is what reached the capture interface (rx_packets of the root
# end: frames the veth could not queue never reach any tap and are not the capture's loss).
# loss = (arrived 0x88b5 frames - packets captured) / arrived 0x88b5 frames. Traffic never
# leaves the veth pair.
#
# Usage (root): bench/live/run.sh [seconds-per-step] [rates in pps...]
# Needs: tcpdump, trafgen, iproute2, JDK 25, and `mvn -o -q test-compile -pl capture-cli -am` done.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-2}; shift || true
rates=${*:-"25000 50000 100000 200000 400000 800000"}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
m2=${M2_REPO:-$HOME/.m2/repository}
cp=$root/capture-cli/target/classes:$root/capture-cli/target/test-classes:$root/filter-compiler/target/classes
cp=$cp:$root/cbpf-vm/target/classes:$root/cbpf-vm/target/test-classes
cp=$cp:$m2/info/picocli/picocli/4.7.7/picocli-4.7.7.jar:$m2/net/java/dev/jna/jna/5.17.0/jna-5.17.0.jar
[ -f "$root/capture-cli/target/test-classes/io/jdump/capture/LiveMain.class" ] || {
  echo "build first: mvn -B -q -o test-compile -pl capture-cli -am" >&2; exit 1; }

tag=$(printf '%06x' $((RANDOM * 32768 + RANDOM)))
ns=jdump-b-$tag a=jdb${tag}a b=jdb${tag}b
work=$(mktemp -d)
cleanup() { ip link del "$a" 2>/dev/null || true; ip netns del "$ns" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
ip netns add "$ns"
ip link add "$a" type veth peer name "$b" netns "$ns"
echo 1 > /proc/sys/net/ipv6/conf/$a/disable_ipv6
ip netns exec "$ns" sysctl -qw net.ipv6.conf.$b.disable_ipv6=1
ip link set "$a" up; ip -n "$ns" link set "$b" up

frame() {  # one 60-byte broadcast frame of ethertype $1
  printf '{ 0xff,0xff,0xff,0xff,0xff,0xff, 0x02,0x6a,0x64,0x75,0x6d,0x70, %s, fill(0x00, 46) }\n' "$1"
}
{ frame "0x88,0xb5"; frame "0x88,0xb6"; } > "$work/flood.cfg"

# run_one TOOL RATE -> prints "captured received dropped arrived_matching achieved_pps"
run_one() {
  local tool=$1 rate=$2 n=$(( $2 * secs )) log=$work/$1.log pid
  case $tool in
    tcpdump) tcpdump -i "$a" -w /dev/null 'ether proto 0x88b5' >"$log" 2>&1 & pid=$! ;;
    jdump) "$java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -cp "$cp" io.jdump.capture.LiveMain \
             -i "$a" -w /dev/null ether proto 0x88b5 >"$log" 2>&1 & pid=$! ;;
  esac
  for _ in $(seq 100); do grep -q 'listening on' "$log" && break; sleep 0.1; done
  local rx0 rx1 t0 t1
  rx0=$(cat /sys/class/net/$a/statistics/rx_packets); t0=$(date +%s%N)
  ip netns exec "$ns" trafgen -q --dev "$b" --conf "$work/flood.cfg" --rate "${rate}pps" -n "$n" -P 1 >/dev/null 2>&1
  t1=$(date +%s%N)
  sleep 1.5
  rx1=$(cat /sys/class/net/$a/statistics/rx_packets)
  kill -TERM "$pid"; wait "$pid" || true   # background jobs of a script ignore SIGINT
  local c r d
  c=$(sed -n 's/^\([0-9]*\) packets\{0,1\} captured$/\1/p' "$log")
  r=$(sed -n 's/^\([0-9]*\) packets\{0,1\} received by filter$/\1/p' "$log")
  d=$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel$/\1/p' "$log")
  echo "${c:-0} ${r:-0} ${d:-0} $(( (rx1 - rx0) / 2 )) $(( n * 1000000000 / (t1 - t0) ))"
}

printf '%-8s %10s %12s %10s %10s %10s %10s %8s\n' tool nominal achieved_pps arrived captured received dropped loss%
for tool in ${TOOLS:-tcpdump jdump}; do
  best=0
  for rate in $rates; do
    read -r c r d want pps < <(run_one "$tool" "$rate")
    loss=$(awk -v w="$want" -v c="$c" 'BEGIN { printf "%.3f", w ? (w - c) * 100.0 / w : 100 }')
    printf '%-8s %10d %12d %10d %10d %10d %10d %8s\n' "$tool" "$rate" "$pps" "$want" "$c" "$r" "$d" "$loss"
    if awk -v l="$loss" 'BEGIN { exit !(l < 0.1) }' && [ "$pps" -gt "$best" ]; then best=$pps; fi
  done
  echo "$tool: highest achieved rate with < 0.1% loss: $best pps (60-byte frames, half matching)"
done
