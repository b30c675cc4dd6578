#!/usr/bin/env bash
# Spark resource discovery script for GPUs, as jdpx numbers them: prints
#   {"name":"gpu","addresses":["0","1"]}
# where each address N is a device jdpx sees as opencl:gpu:N, so a task given address N runs its
# blocks on opencl:gpu:N (org.jdpx.distributed.Placement). Point Spark at it with
#   --conf spark.executor.resource.gpu.discoveryScript=/path/to/jdpx-gpu-discovery.sh
# It asks `jdpx devices --json` ($JDPX if set, else jdpx on PATH, else the checkout's ./jdpx
# three folders up); `--from FILE` reads that JSON from a file instead (for tests).
set -euo pipefail
if [ "${1:-}" = --from ]; then
  json=$(cat "$2")
else
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  cmd=${JDPX:-}
  if [ -z "$cmd" ]; then
    if command -v jdpx >/dev/null 2>&1; then cmd=jdpx; else cmd="$here/../../../../jdpx"; fi
  fi
  json=$("$cmd" devices --json)
fi
addresses=$(printf '%s\n' "$json" | { grep -o '"filter" *: *"opencl:gpu:[0-9]*"' || true; } | sed 's/.*opencl:gpu:\([0-9]*\)"/"\1"/' \
  | sort -u -t '"' -k2,2n | paste -sd, -)
printf '{"name":"gpu","addresses":[%s]}\n' "$addresses"
