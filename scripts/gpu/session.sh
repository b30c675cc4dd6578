#!/usr/bin/env bash
# One prepared GPU session (on the GPU machine, from the project root, with .gpu/ from
# scripts/gpu/bundle.sh carried there): the quick bench with the cupy baseline, every test class
# of the GPU-facing modules in parallel JVMs, then a GEMM shape sweep. Writes at most eight files
# to $OUT (the device tool returns no more): steps.txt, b.json, b.md, bench.txt, summary.txt,
# tests.tgz, tests.txt, sweep.txt. Each step has its own time limit (seconds):
#   TB (bench, 110), TT (tests, 110; TO per class, 100; P parallel JVMs, 12), TS (sweep, 35; 0 skips)
# DEVICE (opencl:gpu:0), MODULES (tensor dpnp-api kernels samples usm), SIZES (4096 4096d), SHAPES.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export OUT=${OUT:-/tmp/jdpx-gpu-out}; mkdir -p "$OUT"
s() { echo "$(date +%T) $*" >> "$OUT/steps.txt"; }
s start; [ -d .gpu/lib ] || tar -xJf .gpu/payload.tar.xz -C .gpu; s unpacked
if [ "${TB:-110}" != 0 ]; then
  timeout "${TB:-110}" bash .gpu/run.sh jdpx bench --quick --device "${DEVICE:-opencl:gpu:0}" ${ONLY:+--only $ONLY} \
      --json "$OUT/b.json" --md "$OUT/b.md" > "$OUT/bench.txt" 2>&1; s "bench rc $?"
fi
if [ "${TT:-110}" != 0 ]; then
  # the GPU and the java device (the reference); a CPU OpenCL driver there would only slow the tests
  JDPX_DEVICE_SELECTOR=${SELECTOR:-'opencl:gpu;java:*'} timeout "${TT:-110}" bash .gpu/tests-parallel.sh "${TO:-100}" "${P:-12}" \
      ${MODULES:-tensor dpnp-api kernels samples usm} > "$OUT/tests.txt" 2>&1; s "tests rc $?"
  cp "$OUT/t/summary.txt" "$OUT/summary.txt" 2>/dev/null
  tar -C "$OUT" -czf "$OUT/tests.tgz" t && rm -rf "$OUT/t"
fi
if [ "${TS:-35}" != 0 ]; then
  timeout "${TS:-35}" bash .gpu/gemm-sweep.sh ${SIZES:-4096 4096d} > "$OUT/sweep.txt" 2>&1; s "sweep rc $?"
fi
s done
