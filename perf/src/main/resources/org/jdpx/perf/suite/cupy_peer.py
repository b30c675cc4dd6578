#!/usr/bin/env python3
"""CuPy baselines of jdpx's performance report (run by org.jdpx.perf.suite.CupyPeer).

Reads a JSON list of jobs {"workload", "size", "warmups", "reps", "budget"} on stdin. Prints
{"unavailable": reason} alone when CuPy or a CUDA device is missing; otherwise an {"info": ...}
line, then one JSON object per job: {"workload", "size", "median", "min", "max", "samples"} in
seconds, or {"workload", "size", "error"}. Each workload is written as a CuPy user writes it;
every run is timed by the host clock from its call until the device has finished (a stream
synchronize), which is what jdpx's rows measure, so launch costs count on both sides.
"""
import json
import os
import sys

from peer_timing import serve

JOBS = json.load(sys.stdin)  # read first: the caller's write must not meet a closed pipe


def unavailable(reason):
    print(json.dumps({"unavailable": reason}), flush=True)
    sys.exit(0)


try:
    import cupy as cp
except Exception as e:  # ImportError, or a CuPy that finds no CUDA library at import
    unavailable("CuPy is not installed here (pip install cupy-cuda12x): %s: %s" % (type(e).__name__, e))

try:
    DEVICES = cp.cuda.runtime.getDeviceCount()
except Exception as e:  # no driver, or the driver finds no GPU
    unavailable("no CUDA device (%s: %s)" % (type(e).__name__, str(e).splitlines()[0] if str(e) else ""))
if DEVICES == 0:
    unavailable("no CUDA device (the CUDA runtime reports none)")


def sync():
    cp.cuda.get_current_stream().synchronize()


def triad(n):
    b, c, s = cp.full(n, 1, cp.float32), cp.full(n, 2, cp.float32), cp.float32(3)
    return lambda: b + s * c


def fused(n):
    a, b, c = cp.zeros(n), cp.full(n, 1.0), cp.full(n, 2.0)

    def run():
        nonlocal a
        a += b + 5 * c  # as written: a temporary per operator, three kernels
    return run


def total(n):
    x = cp.ones(n, cp.float32)
    return lambda: float(x.sum())  # the sum reaches the host, as jdpx's sum row's does


def softmax(n):
    x = (cp.arange(n) % 1000 / 1000).astype(cp.float32)

    def run():
        e = cp.exp(x - x.max())
        return e / e.sum()
    return run


def matmul(n, dtype=None):
    # CuPy multiplies float32 in full FP32 unless CUPY_TF32=1 is set; the info line says which.
    t = dtype or cp.float32
    a, b = cp.full((n, n), 0.5, t), cp.full((n, n), 0.25, t)
    return lambda: a @ b


def dot(n, dtype=cp.float32):
    a = cp.full(n, 0.5, dtype)
    b = cp.full(n, 0.25, dtype)
    return lambda: float(cp.dot(a, b))  # the result reaches the host, as jdpx's dot rows' does


def gemv(n):
    a, x = cp.full((n, n), 0.5, cp.float32), cp.full((n,), 0.25, cp.float32)
    return lambda: a @ x


def launch_empty(n):
    kernel = cp.RawKernel(r'extern "C" __global__ void empty(int* a) { }', "empty")
    a = cp.zeros(64, cp.int32)
    return lambda: kernel((1,), (int(n),), (a,))


def copy_d2d(n):
    src, dst = cp.ones(n, cp.uint8), cp.empty(n, cp.uint8)
    return lambda: cp.copyto(dst, src)


WORKLOADS = {
    "triad": triad,
    "fused_a_plus_b_5c": fused,
    "sum": total,
    "softmax": softmax,
    "matmul_f32_1024": matmul,
    "matmul_f64_1024": lambda n: matmul(n, cp.float64),
    "matmul_f32_4096": matmul,
    "gemv_f32": gemv,
    "dot_f32": dot,
    "dot_f64": lambda n: dot(n, cp.float64),
    "launch_empty": launch_empty,
    "copy_d2d": copy_d2d,
}


def main():
    name = cp.cuda.runtime.getDeviceProperties(0)["name"]
    name = name.decode() if isinstance(name, bytes) else name
    tf32 = "TF32" if os.environ.get("CUPY_TF32", "0") != "0" else "FP32"
    print(json.dumps({"info": "CuPy %s on %s: %d workloads, float32 matmul in %s" % (cp.__version__, name, len(JOBS), tf32)}),
          flush=True)
    serve(JOBS, WORKLOADS, "CuPy", sync)


if __name__ == "__main__":
    main()
