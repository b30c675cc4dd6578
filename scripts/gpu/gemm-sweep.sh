#!/usr/bin/env bash
# On the GPU machine, from the project root: GEMM tile shapes (JDPX_GEMM_CONFIG), one fresh
# process each, through org.jdpx.perf.GemmShapes.
#   bash .gpu/gemm-sweep.sh SIZE...          e.g. 4096 4096d (d: float64)
# SHAPES='default 16,16,8,8,8,true ...' chooses the shapes (cols,rows,itemRows,itemCols,depth,staged);
# DEVICE (default opencl:gpu:0) the device.
G=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd); . "$G/env.sh"; export JDPX_CACHE_DIR=/tmp/jdpx-gpu/cache
for cfg in ${SHAPES:-default 16,16,4,4,32,true 16,16,8,8,8,true 16,16,8,8,16,true 16,16,4,8,8,true 16,8,8,8,8,true 32,8,4,8,8,true}; do
  [ "$cfg" = default ] && cfg=
  JDPX_GEMM_CONFIG=$cfg timeout 60 "$J" --enable-native-access=ALL-UNNAMED -cp "$G/lib/*" org.jdpx.perf.GemmShapes \
      "${DEVICE:-opencl:gpu:0}" "$@" 2>&1 | grep -v "^WARNING\|^INFO" | tail -2
done
