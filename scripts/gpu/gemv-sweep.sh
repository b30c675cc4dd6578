#!/usr/bin/env bash
# On the GPU machine, from the project root: GEMV row shapes of the GPU plan (JDPX_GEMV_CONFIG,
# width,unroll; see org.jdpx.kernels.plan.GemvConfig), one fresh process each, each timing the
# bench rows gemv_f32 (4096^2 float32) and copy_d2d, whose ratio is the share of the copy
# bandwidth the GEMV reaches.
#   bash .gpu/gemv-sweep.sh
# CONFIGS='default 32,4 ...' chooses the shapes; DEVICE (default opencl:gpu:0) the device.
G=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd); . "$G/env.sh"; export JDPX_CACHE_DIR=/tmp/jdpx-gpu/cache
for cfg in ${CONFIGS:-default 32,4 32,8 64,4 128,2 256,4 8,8}; do
  echo "JDPX_GEMV_CONFIG=$cfg"
  [ "$cfg" = default ] && cfg=
  JDPX_GEMV_CONFIG=$cfg timeout 60 "$J" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
      -cp "$G/lib/*" org.jdpx.cli.Main bench --quick --only gemv_f32,copy_d2d --device "${DEVICE:-opencl:gpu:0}" 2>&1 \
      | grep '^| \(gemv_f32\|copy_d2d\) '
done
