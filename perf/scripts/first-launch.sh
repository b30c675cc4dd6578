#!/usr/bin/env bash
# First call of a new kernel in a fresh process: cold (empty jdpx cache, PoCL's own kernel cache
# off) and warm (jdpx's disk cache filled by an earlier process). Medians of N runs each.
# Usage: perf/scripts/first-launch.sh [device] [runs]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
device=${1:-opencl:cpu:0}
runs=${2:-5}
cd "$root"
./jdpx devices >/dev/null 2>&1   # builds if needed
. scripts/jdk.sh
jdpx_find_java
run() { "$JDPX_JAVA" --enable-native-access=ALL-UNNAMED -cp "cli/target/jdpx-cli-0.1.0-SNAPSHOT.jar:cli/target/lib/*" \
          "$@" org.jdpx.perf.FirstLaunch "$device" 2>/dev/null | tail -n1; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cold=(); warm=()
for i in $(seq "$runs"); do
  cold+=("$(POCL_KERNEL_CACHE=0 run -Djdpx.cacheDir="$tmp/cold$i")")
done
POCL_KERNEL_CACHE=0 run -Djdpx.cacheDir="$tmp/warm" >/dev/null
for i in $(seq "$runs"); do
  warm+=("$(POCL_KERNEL_CACHE=0 run -Djdpx.cacheDir="$tmp/warm")")
done
# As a user's machine has it: PoCL's own cache on (its default) besides jdpx's.
pocl="$tmp/pocl"; mkdir -p "$pocl"
POCL_CACHE_DIR="$pocl" run -Djdpx.cacheDir="$tmp/warm2" >/dev/null
warm2=()
for i in $(seq "$runs"); do
  warm2+=("$(POCL_CACHE_DIR="$pocl" run -Djdpx.cacheDir="$tmp/warm2")")
done
c=$(printf '%s\n' "${cold[@]}" | median); w=$(printf '%s\n' "${warm[@]}" | median)
w2=$(printf '%s\n' "${warm2[@]}" | median)
echo "first launch on $device, cold (empty caches): median ${c} ms  [${cold[*]}]"
echo "first launch on $device, warm jdpx disk cache: median ${w} ms  [${warm[*]}]"
echo "first launch on $device, warm jdpx and PoCL caches: median ${w2} ms  [${warm2[*]}]"
awk -v c="$c" -v w="$w" -v w2="$w2" 'BEGIN {printf "warm / cold = %.3f (PoCL cache off), %.3f (PoCL cache on)\n", w / c, w2 / c}'
