#!/usr/bin/env python3
"""NumPy baselines of jdpx's performance report (run by org.jdpx.perf.suite.NumpyPeer).

Reads a JSON list of jobs {"workload", "size", "warmups", "reps"} on stdin and prints one JSON
object per job: {"workload", "size", "median", "min", "max", "samples"} in seconds, or
{"workload", "size", "error"}. Each workload is written the way a NumPy user writes it.
"""
import json
import sys
import time

import numpy as np


def triad(n):
    b = np.full(n, 1, np.float32)
    c = np.full(n, 2, np.float32)
    s = np.float32(3)
    return lambda: b + s * c


def fused(n):
    a = np.zeros(n)
    b = np.full(n, 1.0)
    c = np.full(n, 2.0)

    def run():
        nonlocal a
        a += b + 5 * c
    return run


def total(n):
    x = np.ones(n, np.float32)
    return lambda: x.sum()


def softmax(n):
    x = (np.arange(n) % 1000 / 1000).astype(np.float32)

    def run():
        e = np.exp(x - x.max())
        return e / e.sum()
    return run


def pi(n):
    chunk = 10_000_000
    h = 1.0 / n

    def run():
        s = 0.0
        for lo in range(0, n, chunk):
            x = (np.arange(lo, min(n, lo + chunk), dtype=np.float64) + 0.5) * h
            s += np.sum(4.0 / (1.0 + x * x))
        return s * h
    return run


def matmul(n):
    a = np.full((n, n), 0.5, np.float32)
    b = np.full((n, n), 0.25, np.float32)
    return lambda: a @ b


WORKLOADS = {
    "triad": triad,
    "fused_a_plus_b_5c": fused,
    "sum": total,
    "softmax": softmax,
    "pi_kernel_1e8": pi,
    "pi_prange_1e8": pi,
    "matmul_f32_1024": matmul,
}


def measure(job):
    make = WORKLOADS.get(job["workload"])
    if make is None:
        return {"error": "no NumPy version of this workload"}
    run = make(int(job["size"]))
    for _ in range(job.get("warmups", 1)):
        run()
    times = []
    budget = job.get("budget", 5.0)
    start = time.perf_counter()
    while len(times) < job.get("reps", 5):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
        if len(times) >= 3 and time.perf_counter() - start > budget:
            break
    times.sort()
    k = len(times)
    med = times[k // 2] if k % 2 else 0.5 * (times[k // 2 - 1] + times[k // 2])
    return {"median": med, "min": times[0], "max": times[-1], "samples": k}


def main():
    for job in json.load(sys.stdin):
        try:
            out = measure(job)
        except Exception as e:  # a failing workload must not hide the others
            out = {"error": "%s: %s" % (type(e).__name__, e)}
        out.update(workload=job["workload"], size=job["size"])
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
