#!/usr/bin/env bash
# Benchmark of `./jdpx devices` end to end (process start to exit), cold and warm.
#   cold: the first run after the page cache was dropped (when this shell may drop it; otherwise
#         the first run after the build, and the script says so)
#   warm: median, min and max of the following runs
# Usage: perf/scripts/devices-startup.sh [runs]     (default 15 warm runs)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=${1:-15}
cd "$root"
./jdpx devices >/dev/null 2>&1   # builds if needed, outside the timing

ms() { local s e; s=$(date +%s%N); ./jdpx devices "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

cold_kind="first run after the build (page cache not dropped: no permission)"
if sync && { echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then
  cold_kind="first run after dropping the page cache"
fi
cold=$(ms)
warm=()
for _ in $(seq "$runs"); do warm+=("$(ms)"); done
sorted=$(printf '%s\n' "${warm[@]}" | sort -n)
median=$(echo "$sorted" | awk -v n="$runs" 'NR == int((n + 1) / 2)')
echo "jdpx devices, cold ($cold_kind): ${cold} ms"
echo "jdpx devices, warm: median ${median} ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms over $runs runs"
echo "devices listed: $(./jdpx devices --json | grep -c '"filter"') (RUSTICL_ENABLE=${RUSTICL_ENABLE:-unset})"
