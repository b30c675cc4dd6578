#!/usr/bin/env bash
# One prepared GPU session (on the GPU machine, from the project root, with .gpu/ from
# scripts/gpu/bundle.sh carried there): the quick bench with the cupy baseline, every test class
# of the GPU-facing modules in parallel JVMs, a per-kernel profile of a few rows, then a GEMM shape
# sweep and a GEMV shape sweep. Writes at most eight files to $OUT (the device tool returns no more): steps.txt, b.json,
# b.md, bench.txt, summary.txt, tests.tgz, profile.txt, sweep.txt. Each step has its own time
# limit in seconds, 0 skipping it:
#   TB (bench, 110), TT (tests, 110; TO per class, 100; P parallel JVMs, 12), TP (profile, 60),
#   TS (GEMM sweep, 35), TG (GEMV sweep, appended to sweep.txt, 60)
# DEVICE (opencl:gpu:0), MODULES (tensor dpnp-api kernels samples usm), PROFILE (the rows the
# profile runs with JDPX_QUEUE_PROFILING=1 under JFR, summed per kernel by
# org.jdpx.perf.KernelTimes), SIZES (4096 4096d), SHAPES.
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
  mkdir -p "$OUT/t"
  # the GPU and the java device (the reference); a CPU OpenCL driver there would only slow the tests
  JDPX_DEVICE_SELECTOR=${SELECTOR:-'opencl:gpu;java:*'} timeout "${TT:-110}" bash .gpu/tests-parallel.sh "${TO:-100}" "${P:-12}" \
      ${MODULES:-tensor dpnp-api kernels samples usm} > "$OUT/t/tests.txt" 2>&1; s "tests rc $?"
  cp "$OUT/t/summary.txt" "$OUT/summary.txt" 2>/dev/null
  tar -C "$OUT" -czf "$OUT/tests.tgz" t && rm -rf "$OUT/t"
fi
if [ "${TP:-60}" != 0 ]; then
  . .gpu/env.sh
  JDPX_QUEUE_PROFILING=1 timeout "${TP:-60}" "$J" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
      -XX:StartFlightRecording=filename=/tmp/jdpx-gpu/profile.jfr -cp ".gpu/lib/*" org.jdpx.cli.Main bench --quick \
      --device "${DEVICE:-opencl:gpu:0}" --only "${PROFILE:-solve_f64_1024,sample_l2_distance_kernel,sample_l2_distance_prange,sample_pi_prange,pi_prange_1e8}" \
      > /tmp/jdpx-gpu/profile-bench.txt 2>&1; s "profile rc $?"
  { grep "jdpx opencl\|jdpx level" /tmp/jdpx-gpu/profile-bench.txt; echo
    "$J" -cp ".gpu/lib/*" org.jdpx.perf.KernelTimes /tmp/jdpx-gpu/profile.jfr 40; } > "$OUT/profile.txt" 2>&1
fi
if [ "${TS:-35}" != 0 ]; then
  timeout "${TS:-35}" bash .gpu/gemm-sweep.sh ${SIZES:-4096 4096d} > "$OUT/sweep.txt" 2>&1; s "sweep rc $?"
fi
if [ "${TG:-60}" != 0 ]; then
  timeout "${TG:-60}" bash .gpu/gemv-sweep.sh >> "$OUT/sweep.txt" 2>&1; s "gemv sweep rc $?"
fi
s done
