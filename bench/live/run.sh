#!/usr/bin/env bash
# Live-capture throughput: the highest rate each of jdump and tcpdump sustains with < 0.1% loss.
#
# A throw-away namespace jdump-b-<random> and a veth pair; trafgen (netsniff-ng) floods 60-byte
# frames from the namespace end, alternating ethertypes 0x88b5 and 0x88b6; the capture runs on
# the root end with the filter `ether proto 0x88b5` (half the traffic) and -w /dev/null.
#
# Fairness: both tools get the same schedule of nominal rates, in the same run; within each
# repeat the rates go up in turn and, at each rate, the two tools run back to back, in an order
# that alternates from one rate (and repeat) to the next, so slow drifts of the shared machine's
# load hit both alike. Each step is a fresh process (tcpdump, or the real `./jdump` command with
# its own compiler: the jar `./jdump` builds, copied at the start so that edits during a run change
# nothing, run with the launcher's JVM flags), traffic starts once it printed `listening on`.
#
# Per step: trafgen sends RATE*SECONDS frames (sent_match = half of them); the achieved rate is
# frames / elapsed time; arrived = matching frames that reached the capture interface (half the
# rx_packets delta of the root end: a frame the veth could not queue never reaches any tap, and is
# not the capture's loss). The tool's own three lines give captured / received / dropped.
# loss% = (received - captured) / received: the capture's own loss, i.e. frames its socket's
# filter accepted (the kernel's "received by filter", which includes those it dropped for want of
# ring space) but the tool never wrote: ring overflow (kdrop%) plus what it had not read when it
# was stopped. pretap% = (sent_mt - received) / sent_mt: matching frames lost before any packet
# socket saw them (the veth counts a frame as received, then the CPU's backlog queue may drop
# it when the softirq falls behind, as on an overloaded machine); not the tool's loss, shown so
# that sender count, kernel counts and captured add up. ns/pkt = CPU time
# (all its threads, from /proc/PID/task/*/schedstat, in ns) the capture process used from the start of the flood to
# 1.5 s after its end, per captured packet: less noisy than rates on a shared machine.
# Each row carries the 1-minute load average read just before the step.
#
# Usage (root): bench/live/run.sh [seconds-per-step] [rates in pps...]
#   REPEATS=3 (default 2)   TOOLS="tcpdump jdump" (default)
#   variants of jdump: any other tool name T, with T_ARGS (extra jdump options), T_JAVA (JVM
#   flags instead of the launcher's) and T_JAR (another jdump.jar, e.g. an older build), e.g.
#   TOOLS="tcpdump jdump jb8" jb8_ARGS="-B 8192"; tcpdump_ARGS: extra tcpdump options
#   CPU_BUDGET=QUOTA/PERIOD (microseconds, e.g. 1000/100000 = 1% of one CPU): 1 s after the
#   capture printed `listening on` (start-up and jdump's warm-up are not charged), it is moved into a
#   throw-away child cgroup with that CPU limit (v2 cpu.max, or v1 cpu.cfs_quota_us), the same
#   for every tool: the sender then outruns the capture and each tool's real limit shows as loss.
#   Give both tools the same ring then (tcpdump_ARGS="-B 8192", jdump's default).
#   (libpcap 1.10.3 with -B 8192: 32 blocks of 256 KiB, block retire timeout 1000 ms; jdump by default:
#   16 blocks of 512 KiB, 100 ms: the same 8 MiB, which TPACKET_V3 fills with the same frames.)
# Needs: tcpdump, trafgen, iproute2, JDK 25 (./jdump builds itself on first use).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-2}; shift || true
rates=${*:-"100000 200000 400000 800000 1600000"}
repeats=${REPEATS:-2}
tools=(${TOOLS:-tcpdump jdump})
"$root/jdump" --version >/dev/null   # builds now if needed, not during a step
java=${JAVA_HOME:-$(cat "$root/capture-cli/target/java-home")}/bin/java
launcher_flags=$(sed -n 's/^opts=(\(.*\))$/\1/p' "$root/jdump" | sed 's/-Xlog:[^ ]*//')

tag=$(printf '%06x' $((RANDOM * 32768 + RANDOM)))
ns=jdump-b-$tag a=jdb${tag}a b=jdb${tag}b
work=$(mktemp -d)
cg=
budget_cgroup() {  # makes the child cgroup for CPU_BUDGET; sets cg to its directory
  local quota=${CPU_BUDGET%/*} period=${CPU_BUDGET#*/}
  if [ -w /sys/fs/cgroup/cgroup.subtree_control ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
    cg=/sys/fs/cgroup/jdump-b-$tag; mkdir "$cg"; echo "$quota $period" > "$cg/cpu.max"
  elif [ -w /sys/fs/cgroup/cpu/cgroup.procs ]; then
    cg=/sys/fs/cgroup/cpu/jdump-b-$tag; mkdir "$cg"
    echo "$period" > "$cg/cpu.cfs_period_us"; echo "$quota" > "$cg/cpu.cfs_quota_us"
  else
    echo "CPU_BUDGET: no writable cgroup cpu controller" >&2; exit 1
  fi
}
cleanup() {
  ip link del "$a" 2>/dev/null || true; ip netns del "$ns" 2>/dev/null || true; rm -rf "$work"
  [ -z "$cg" ] || rmdir "$cg" 2>/dev/null || true
}
trap cleanup EXIT INT TERM
cp "$root/capture-cli/target/jdump.jar" "$work/jdump.jar"
for t in "${tools[@]}"; do
  j=${t}_JAR; [ -z "${!j:-}" ] || cp "${!j}" "$work/$t.jar"
done
[ -z "${CPU_BUDGET:-}" ] || budget_cgroup
ip netns add "$ns"
ip link add "$a" type veth peer name "$b" netns "$ns"
echo 1 > /proc/sys/net/ipv6/conf/$a/disable_ipv6
ip netns exec "$ns" sysctl -qw net.ipv6.conf.$b.disable_ipv6=1
ip link set "$a" up; ip -n "$ns" link set "$b" up

frame() {  # one 60-byte broadcast frame of ethertype $1
  printf '{ 0xff,0xff,0xff,0xff,0xff,0xff, 0x02,0x6a,0x64,0x75,0x6d,0x70, %s, fill(0x00, 46) }\n' "$1"
}
{ frame "0x88,0xb5"; frame "0x88,0xb6"; } > "$work/flood.cfg"

command_of() {  # the capture command of tool $1
  case $1 in
    tcpdump) echo "tcpdump ${tcpdump_ARGS:-}" ;;
    *) local j=${1}_JAVA a=${1}_ARGS jar=$work/jdump.jar
       [ -f "$work/$1.jar" ] && jar=$work/$1.jar
       echo "$java ${!j:-$launcher_flags} -jar $jar ${!a:-}" ;;
  esac
}

cpu_ns() {  # nanoseconds on a CPU the threads of process $1 used so far (schedstat: ns, not 10 ms ticks)
  cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%d\n", s }'
}

# run_one TOOL RATE -> prints "captured received dropped arrived_matching achieved_pps cpu_ms"
run_one() {
  local tool=$1 rate=$2 n=$(( $2 * secs )) log=$work/$1-$2-$RANDOM.log pid
  : > "$log"   # exists and is empty before the wait for `listening on` below reads it
  # shellcheck disable=SC2046
  $(command_of "$tool") -i "$a" -w /dev/null 'ether proto 0x88b5' >"$log" 2>&1 & pid=$!
  for _ in $(seq 200); do grep -qs 'listening on' "$log" && break; sleep 0.1; done
  if [ -n "$cg" ]; then sleep 1; echo "$pid" > "$cg/cgroup.procs"; fi   # every thread of it, after 1 s to settle
  sleep 0.2
  local rx0 rx1 t0 t1 cpu0 cpu1
  rx0=$(cat /sys/class/net/$a/statistics/rx_packets); t0=$(date +%s%N); cpu0=$(cpu_ns "$pid")
  ip netns exec "$ns" trafgen -q --dev "$b" --conf "$work/flood.cfg" --rate "${rate}pps" -n "$n" -P 1 >/dev/null 2>&1
  t1=$(date +%s%N)
  sleep 1.5
  rx1=$(cat /sys/class/net/$a/statistics/rx_packets); cpu1=$(cpu_ns "$pid")
  kill -TERM "$pid"; wait "$pid" || true   # background jobs of a script ignore SIGINT
  [ -z "${KEEP_LOGS:-}" ] || cp "$log" "$KEEP_LOGS/"
  local c r d
  c=$(sed -n 's/^\([0-9]*\) packets\{0,1\} captured$/\1/p' "$log")
  r=$(sed -n 's/^\([0-9]*\) packets\{0,1\} received by filter$/\1/p' "$log")
  d=$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel$/\1/p' "$log")
  echo "${c:-0} ${r:-0} ${d:-0} $(( (rx1 - rx0) / 2 )) $(( n * 1000000000 / (t1 - t0) )) $(( (cpu1 - cpu0) / 1000000 ))"
}

results=$work/results
echo "jdump: $(command_of jdump)"
[ -z "$cg" ] || echo "CPU budget of each capture (after 'listening on'): $CPU_BUDGET us ($cg)"
printf '%-3s %-8s %9s %9s %9s %9s %9s %9s %9s %8s %8s %7s %7s %6s\n' rep tool nominal achieved sent_mt arrived received captured dropped pretap% loss% kdrop% ns/pkt load1
for rep in $(seq "$repeats"); do
  i=$rep
  for rate in $rates; do
    order=("${tools[@]}")
    (( i++ % 2 )) && order=($(printf '%s\n' "${tools[@]}" | tac))
    for tool in "${order[@]}"; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      read -r c r d want pps cpu < <(run_one "$tool" "$rate")
      sent=$(( rate * secs / 2 ))
      loss=$(awk -v r="$r" -v c="$c" 'BEGIN { printf "%.3f", r ? (r - c) * 100.0 / r : 100 }')
      pre=$(awk -v s="$sent" -v r="$r" 'BEGIN { printf "%.3f", s ? (s - r) * 100.0 / s : 100 }')
      kd=$(awk -v r="$r" -v d="$d" 'BEGIN { printf "%.3f", r ? d * 100.0 / r : 0 }')
      printf '%-3d %-8s %9d %9d %9d %9d %9d %9d %9d %8s %8s %7s %7d %6s\n' "$rep" "$tool" "$rate" "$pps" "$sent" \
        "$want" "$r" "$c" "$d" "$pre" "$loss" "$kd" $(( c ? cpu * 1000000 / c : 0 )) "$load"
      echo "$rep $tool $rate $pps $loss" >> "$results"
    done
  done
done

echo
echo "highest achieved rate with < 0.1% loss (the capture's own; 60-byte frames, half matching), per repeat:"
for rep in $(seq "$repeats"); do
  line="rep $rep:"
  for tool in "${tools[@]}"; do
    best=$(awk -v r="$rep" -v t="$tool" '$1 == r && $2 == t && $5 < 0.1 && $4 > b { b = $4 } END { print b + 0 }' "$results")
    line="$line $tool $best"
  done
  first=$(awk -v r="$rep" -v t="${tools[0]}" '$1 == r && $2 == t && $5 < 0.1 && $4 > b { b = $4 } END { print b + 0 }' "$results")
  for tool in "${tools[@]:1}"; do
    b=$(awk -v r="$rep" -v t="$tool" '$1 == r && $2 == t && $5 < 0.1 && $4 > b { b = $4 } END { print b + 0 }' "$results")
    line="$line  $tool/${tools[0]}=$(awk -v a="$b" -v b="$first" 'BEGIN { printf "%.2f", b ? a / b : 0 }')"
  done
  echo "$line"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
