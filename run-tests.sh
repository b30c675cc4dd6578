#!/usr/bin/env bash
# Runs every test of jdpx on every device this machine has. On a bare Debian machine, as root,
# it first installs the OpenCL runtimes, the Level Zero loader and spirv-tools the tests use;
# otherwise it runs with what exists and says which device families went untested.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
. scripts/jdk.sh

# ocl-icd-opencl-dev adds the unversioned libOpenCL.so name JOCL dlopens (without it the opencl
# backend loads a renamed copy of libOpenCL.so.1 itself; see LoaderShim).
packages=(ocl-icd-libopencl1 ocl-icd-opencl-dev pocl-opencl-icd mesa-opencl-icd libze1 spirv-tools clinfo)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v mvn >/dev/null 2>&1 || missing+=(maven)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-tests: installing ${missing[*]} (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "run-tests: not installing ${missing[*]} (needs root and apt-get); testing with what exists"
  fi
fi

jdpx_find_java || exit 1
# rusticl's llvmpipe is the fp64-less device the tests need; Mesa hides it unless asked.
export RUSTICL_ENABLE=${RUSTICL_ENABLE:-llvmpipe}

mvn -B -ntp verify "$@"
# The GPU execution plan (work-group trees, block scans) checked without a GPU: the tensor and
# dpnp-api differential tests, the reduction and scan tests, the ufunc and softmax tests, the GEMV tests and the LU/solve tests once more with JDPX_SCHEDULE=gpu
# on PoCL's opencl:cpu (llvmpipe hidden by leaving RUSTICL_ENABLE unset; the java device keeps
# its own plan, so it is left out). Kernels the first run compiled come from the program cache.
if [ "${JDPX_GPU_PLAN_PASS:-1}" != 0 ]; then
  echo "run-tests: the GPU plan forced on opencl:cpu (JDPX_SCHEDULE=gpu)"
  env -u RUSTICL_ENABLE JDPX_SCHEDULE=gpu JDPX_DEVICE_SELECTOR='opencl:cpu' mvn -B -ntp -q verify -pl tensor,dpnp-api -am \
    -Dtest='DifferentialTest,NumpyDifferentialTest,ReductionPlanTest,ScanPlanTest,GpuPlanTest,UfuncTest,SoftmaxTest,MatVecTest,GemvTest,LinalgLuLargeTest,LinalgResidualTest,LinalgSolveSizesTest' \
    -Dsurefire.failIfNoSpecifiedTests=false
fi
# jdpx as a user's dependency: README's install command into a temporary repository, then
# examples/consumer's `mvn test` and examples/modular on the module path.
scripts/consumer-test.sh

echo
echo "Device families on this machine (tests ran on each listed device):"
./jdpx devices
tested=$(./jdpx devices --json | grep -o '"filter" : "[^"]*"' | sed 's/.*: "\(.*\):[0-9]*"/\1/' | sort -u | tr '\n' ' ')
untested=()
for fam in opencl:gpu level_zero:gpu opencl:cpu java:cpu opencl:accelerator; do
  case " $tested " in *" $fam "*) ;; *) untested+=("$fam") ;; esac
done
echo "Tested device families: ${tested:-none}"
echo "Untested device families (none present here): ${untested[*]:-none}"
