#!/usr/bin/env python3
"""NumPy baselines of jdpx's performance report (run by org.jdpx.perf.suite.NumpyPeer).

Reads a JSON list of jobs {"workload", "size", "warmups", "reps"} on stdin and prints one JSON
object per job: {"workload", "size", "median", "min", "max", "samples"} in seconds, or
{"workload", "size", "error"}. Each workload is written the way a NumPy user writes it.
"""
import json
import sys

import numpy as np

from peer_timing import serve


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


def matmul(n, dtype=np.float32):
    a = np.full((n, n), 0.5, dtype)
    b = np.full((n, n), 0.25, dtype)
    return lambda: a @ b


def dot(n, dtype=np.float32):
    a = np.full(n, 0.5, dtype)
    b = np.full(n, 0.25, dtype)
    return lambda: float(np.dot(a, b))  # the result reaches the host, as jdpx's dot rows' does


def gemv(n):
    m = np.full((n, n), 0.5, np.float32)
    v = np.full(n, 0.25, np.float32)
    return lambda: m @ v


# The tour samples (sample_<name>_<style>) on inputs of the tour's sizes and ranges; kernel
# samples compute in float32 as theirs do, the others in float64.
def solve(n):
    i, j = np.arange(n).reshape(n, 1), np.arange(n).reshape(1, n)
    a = ((7 * i + j) % 13) / (13.0 * n) + 2.0 * (i == j)
    b = a.sum(axis=1)
    return lambda: np.linalg.solve(a, b)


RNG = np.random.default_rng(1)


def uniform(n, lo, hi, dtype):
    return RNG.uniform(lo, hi, n).astype(dtype)


def sample_pi(n, dtype):
    def run():
        x = (np.arange(n, dtype=dtype) + dtype(0.5)) / dtype(n)
        return np.sum(dtype(4) / (dtype(1) + x * x)) / n
    return run


def sample_l2(n, dtype):
    a, b = uniform(n, 0, 1, dtype), uniform(n, 0, 1, dtype)
    return lambda: np.sum((a - b) ** 2)


def sample_logistic(points, dtype, features=16, iterations=20):
    x = uniform(points * features, -1, 1, dtype).reshape(points, features)
    y = np.where(x @ (np.arange(features) % 3 - 1 + 0.25 * np.arange(features)) >= 0, 1.0, -1.0)

    def run():
        w = np.zeros(features)
        for _ in range(iterations):
            w -= (1.0 / points) * (((1.0 / (1.0 + np.exp(-y * (x @ w)))) - 1.0) * y) @ x
        return w
    return run


def sample_softmax(n, dtype):
    a = uniform(n, -10, 10, dtype)

    def run():
        e = np.exp(a - a.max())
        return e / e.sum()
    return run


def sample_jacobi(n, dtype, iterations=50):
    grid = uniform(n * n, 0, 1, dtype).reshape(n, n)

    def run():
        a, b = grid.copy(), grid.copy()
        for _ in range(iterations):
            b[1:-1, 1:-1] = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:])
            a, b = b, a
        return a
    return run


def normal_cdf(d):
    k = 1 / (1 + 0.2316419 * np.abs(d))
    poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))))
    w = 1 - 0.3989422804014327 * np.exp(-0.5 * d * d) * poly
    return np.where(d < 0, 1 - w, w)


def sample_black_scholes(n, dtype, r=0.02, v=0.30):
    s, x, t = uniform(n, 10, 50, dtype), uniform(n, 10, 50, dtype), uniform(n, 1, 2, dtype)

    def run():
        sqrt_t = np.sqrt(t)
        d1 = (np.log(s / x) + (r + 0.5 * v * v) * t) / (v * sqrt_t)
        d2 = d1 - v * sqrt_t
        disc = x * np.exp(-r * t)
        c1, c2 = normal_cdf(d1), normal_cdf(d2)
        return s * c1 - disc * c2, disc * (1 - c2) - s * (1 - c1)
    return run


def sample_matmul(n, dtype):
    a, b = uniform(n * n, -1, 1, dtype).reshape(n, n), uniform(n * n, -1, 1, dtype).reshape(n, n)
    return lambda: a @ b


def sample_gemv(elements, dtype, cols=512):
    m, v = uniform(elements, -1, 1, dtype).reshape(-1, cols), uniform(cols, -1, 1, dtype)
    return lambda: m @ v


def samples():
    f64, f32 = np.float64, np.float32
    out = {}
    for name, make, styles in [("pi", sample_pi, ["array", "prange"]), ("l2_distance", sample_l2, ["array", "prange"]),
                               ("logistic_regression", sample_logistic, ["array"]),
                               ("softmax", sample_softmax, ["array"]), ("jacobi_stencil", sample_jacobi, ["array"]),
                               ("black_scholes", sample_black_scholes, ["array"]),
                               ("matmul", sample_matmul, ["array"]), ("gemv", sample_gemv, ["array"])]:
        for style in styles:
            out["sample_%s_%s" % (name, style)] = lambda n, make=make: make(n, f64)
        if name not in ("logistic_regression", "softmax"):
            out["sample_%s_kernel" % name] = lambda n, make=make: make(n, f32)
    return out


WORKLOADS = {
    "triad": triad,
    "fused_a_plus_b_5c": fused,
    "sum": total,
    "softmax": softmax,
    "pi_kernel_1e8": pi,
    "pi_prange_1e8": pi,
    "matmul_f32_1024": matmul,
    "solve_f64_1024": solve,
    "matmul_f64_1024": lambda n: matmul(n, np.float64),
    "matmul_f32_4096": matmul,
    "gemv_f32": gemv,
    "dot_f32": dot,
    "dot_f64": lambda n: dot(n, np.float64),
    **samples(),
}


def main():
    serve(json.load(sys.stdin), WORKLOADS, "NumPy")


if __name__ == "__main__":
    main()
