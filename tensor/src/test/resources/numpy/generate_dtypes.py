#!/usr/bin/env python3
"""Writes NumPy reference data for jdpx's float16 and complex dtypes (DTypeDifferentialTest).

Run from this folder:  python3 generate_dtypes.py
Writes dtypes/*.npy (inputs and NumPy's outputs) and dtypes/cases.txt, one case per line:
    name|operation|arguments|input files|output file
Complex results are compared in both parts, float16 ones to half precision.
"""
import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

cases = gs.CaseWriter(gs.beside(__file__, "dtypes"), numbered=False, tol=None, seed=20261205)
rng, inputs, arr, case = cases.rng, cases.inputs, cases.arr, cases.case
np.seterr(all="ignore")


def cplx(shape, dtype, scale=1.0):
    return (scale * (rng.standard_normal(shape) + 1j * rng.standard_normal(shape))).astype(dtype)


arr("c128_a", cplx((3, 1, 4), np.complex128))
arr("c128_b", cplx((5, 4), np.complex128))
arr("c64_a", cplx((3, 1, 4), np.complex64))
arr("c64_b", cplx((5, 4), np.complex64))
arr("c128_3d", cplx((3, 4, 5), np.complex128))
arr("c64_3d", cplx((3, 4, 5), np.complex64))
arr("c128_special", np.array([0, 1j, -1j, -1, -4 - 0j, 2, 1e-3 + 2j, -3 + 0.5j, 0.25 - 7j, 1e3 + 1e-3j]))
arr("f64_b", rng.standard_normal((5, 4)))
arr("f32_b", rng.standard_normal((5, 4)).astype(np.float32))
arr("i32_b", rng.integers(-7, 8, (5, 4)).astype(np.int32))
arr("i16_b", rng.integers(-300, 300, (5, 4)).astype(np.int16))
arr("i8_a", rng.integers(1, 100, (6,)).astype(np.int8))
arr("u8_a", rng.integers(0, 255, (6,)).astype(np.uint8))
arr("b_a", rng.integers(0, 2, (3, 4, 5)).astype(bool))
arr("f16_a", (3 * rng.standard_normal((3, 1, 4))).astype(np.float16))
arr("f16_b", (3 * rng.standard_normal((5, 4))).astype(np.float16))
arr("f16_pos", rng.uniform(0.1, 4, (4, 6)).astype(np.float16))
arr("f16_3d", rng.standard_normal((3, 4, 5)).astype(np.float16))
arr("f16_special", np.array([0.0, -0.0, 65504, -65504, 6e-8, -6e-5, 1e-4, np.nan, np.inf, -np.inf, 0.1, 1 / 3],
                            dtype=np.float16))
# float64 values around float16's rounding points: ties to even, the overflow threshold, subnormals.
e = 2.0 ** -11
arr("f64_halfround", np.array([1 + e, 1 + 3 * e, 1 + e + 2 ** -40, 65519.99, 65520, 65536, 1e6, 2.0 ** -25,
                               3 * 2.0 ** -25, 2.0 ** -24 * 1.5, 2.0 ** -14 * (1 - 2 ** -11), 1e-9, -1 - e,
                               0.1, np.nan, -np.inf, 2049, 4097, -0.0]))

# ---- complex elementwise ----
binary = ["add", "subtract", "multiply", "divide", "equal", "not_equal"]
pairs = [("c128_a", "c128_b"), ("c64_a", "c64_b"), ("c64_a", "f64_b"), ("c64_a", "f32_b"), ("c64_a", "i32_b"),
         ("c128_a", "i16_b"), ("c64_b", "i16_b"), ("f16_a", "c64_b"), ("c64_b", "b_a")]
for op in binary:
    for a, b in pairs:
        if a == "c64_b" and b == "b_a":
            continue
        case("%s_%s_%s" % (op, a, b), op, "", [a, b], getattr(np, op)(inputs[a], inputs[b]))
case("power_c128", "power", "", ["c128_a", "c128_b"], np.power(inputs["c128_a"], inputs["c128_b"]))
case("power_c64", "power", "", ["c64_a", "c64_b"], np.power(inputs["c64_a"], inputs["c64_b"]))
case("power_c64_f32", "power", "", ["c64_a", "f32_b"], np.power(inputs["c64_a"], inputs["f32_b"]))
case("divide_special", "divide", "", ["c128_special", "c128_special"],
     np.divide(inputs["c128_special"], inputs["c128_special"]))
unary = ["negative", "positive", "absolute", "conjugate", "real", "imag", "square", "reciprocal", "sqrt", "exp",
         "exp2", "log", "log2", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh", "sign", "isnan", "isinf",
         "isfinite", "logical_not"]
for op in unary:
    for a in ["c128_a", "c64_b", "c128_special"]:
        if a == "c128_special" and op in ("reciprocal", "log", "log2", "log10"):
            continue  # 0 gives inf/nan parts whose signs are C99 Annex G detail
        case("%s_%s" % (op, a), op, "", [a], getattr(np, op)(inputs[a]))
case("where_c", "where", "", ["b_a", "c128_3d", "c64_3d"], np.where(inputs["b_a"], inputs["c128_3d"], inputs["c64_3d"]))

# ---- complex reductions ----
for a in ["c128_3d", "c64_3d"]:
    for axes, kd in [("", 0), ("1", 0), ("0,2", 1)]:
        ax = None if axes == "" else tuple(int(x) for x in axes.split(","))
        for op in ["sum", "prod", "mean", "any", "all"]:
            case("%s_%s_%s_%d" % (op, a, axes.replace(",", ""), kd), op, "axes=%s;keepdims=%d" % (axes, kd), [a],
                 getattr(np, op)(inputs[a], axis=ax, keepdims=bool(kd)))
    case("var_" + a, "var", "axes=", [a], np.var(inputs[a]))
    case("cumsum_" + a, "cumsum", "axis=1", [a], np.cumsum(inputs[a], axis=1))

# ---- float16 ----
for op in ["add", "subtract", "multiply", "divide", "power", "maximum", "equal", "less", "arctan2", "hypot"]:
    case("%s_f16" % op, op, "", ["f16_a", "f16_b"], getattr(np, op)(inputs["f16_a"], inputs["f16_b"]))
arr("f16_col", inputs["f16_b"][:, :1].copy())
case("add_f16_i8", "add", "", ["f16_col", "i8_a"], np.add(inputs["f16_col"], inputs["i8_a"]))
case("add_f16_i16", "add", "", ["f16_b", "i16_b"], np.add(inputs["f16_b"], inputs["i16_b"]))
case("add_f16_f32", "add", "", ["f16_b", "f32_b"], np.add(inputs["f16_b"], inputs["f32_b"]))
for op in ["negative", "absolute", "sqrt", "exp", "log", "sin", "cos", "tanh", "square", "reciprocal", "floor",
           "isnan", "isinf", "sign"]:
    src = "f16_pos" if op in ("sqrt", "log") else "f16_special" if op in ("isnan", "isinf", "negative", "absolute") else "f16_b"
    case("%s_f16" % op, op, "", [src], getattr(np, op)(inputs[src]))
for op in ["sqrt", "exp", "sin"]:
    for src in ["i8_a", "u8_a", "b_a"]:
        case("%s_%s" % (op, src), op, "", [src], getattr(np, op)(inputs[src]))
for op in ["sum", "mean", "max", "min", "prod"]:
    for axes in ["", "1"]:
        ax = None if axes == "" else int(axes)
        src = "f16_pos" if op == "prod" else "f16_3d"
        case("%s_f16_%s" % (op, axes), op, "axes=%s;keepdims=0" % axes, [src], getattr(np, op)(inputs[src], axis=ax))
case("cumsum_f16", "cumsum", "axis=1", ["f16_3d"], np.cumsum(inputs["f16_3d"], axis=1))

# ---- matmul ----
arr("c128_m", cplx((4, 3), np.complex128))
arr("c128_n", cplx((3, 5), np.complex128))
arr("c64_m", cplx((4, 3), np.complex64))
arr("f32_n", rng.standard_normal((3, 5)).astype(np.float32))
arr("f16_m", rng.standard_normal((4, 3)).astype(np.float16))
arr("f16_n", rng.standard_normal((3, 5)).astype(np.float16))
case("matmul_c128", "matmul", "", ["c128_m", "c128_n"], inputs["c128_m"] @ inputs["c128_n"])
case("matmul_c64_f32", "matmul", "", ["c64_m", "f32_n"], inputs["c64_m"] @ inputs["f32_n"])
case("matmul_c64_c128", "matmul", "", ["c64_m", "c128_n"], inputs["c64_m"] @ inputs["c128_n"])
case("matmul_f16", "matmul", "", ["f16_m", "f16_n"], inputs["f16_m"] @ inputs["f16_n"])

# ---- astype ----
for src, dst in [("f64_halfround", "float16"), ("f16_special", "float32"), ("f16_special", "float64"),
                 ("f16_b", "int32"), ("f16_b", "bool"), ("i16_b", "float16"), ("f32_b", "float16"),
                 ("c128_a", "float64"), ("c128_a", "complex64"), ("c64_b", "complex128"), ("c128_special", "bool"),
                 ("f32_b", "complex64"), ("i32_b", "complex128"), ("b_a", "complex64"), ("f16_b", "complex64"),
                 ("c64_b", "float16"), ("c128_a", "int32")]:
    with np.errstate(all="ignore"):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            case("astype_%s_%s" % (src, dst), "astype", dst, [src], inputs[src].astype(dst))

# ---- complex order (lexicographic, NaN as NumPy) ----
nan = np.nan
ordv = rng.integers(-2, 3, (2, 4, 6)).astype(float)
ordc = ordv[0] + 1j * ordv[1]
ordc[0, 1] = complex(nan, 1)
ordc[1, 3] = complex(1, nan)
ordc[2, 2] = complex(nan, nan)
arr("c128_ord", ordc)
arr("c64_ord", ordc.astype(np.complex64))
arr("c128_ordrow", (rng.integers(-2, 3, 6) + 1j * rng.integers(-2, 3, 6)).astype(np.complex128))
arr("f64_ordrow", rng.integers(-2, 3, 6).astype(float))
for op in ["less", "less_equal", "greater", "greater_equal", "maximum", "minimum", "fmax", "fmin"]:
    for a, b in [("c128_ord", "c128_ordrow"), ("c64_ord", "c128_ordrow"), ("c64_ord", "f64_ordrow"),
                 ("c128_ord", "c128_ord")]:
        case("%s_%s_%s" % (op, a, b), op, "", [a, b], getattr(np, op)(inputs[a], inputs[b]))
arr("c128_ordnan", np.array([[3 + 1j, 1 + 2j, complex(nan, 0), 1 + 2j, complex(0, nan), 4 - 1j, 4 - 1j],
                             [0j, -1j, -1 + 5j, -1 + 5j, 2 + 0j, 2 + 0j, -1 + 4j],
                             [1 + 1j, 1 + 1j, 1 + 1j, 1 + 1j, 1 + 1j, 1 + 1j, 1 + 1j]]))
for src in ["c128_ord", "c64_ord", "c128_ordnan"]:
    for op in ["max", "min"]:
        for axes, kd in [("", 0), ("1", 0), ("0", 1)]:
            ax = None if axes == "" else int(axes)
            case("%s_%s_%s" % (op, src, axes), op, "axes=%s;keepdims=%d" % (axes, kd), [src],
                 getattr(np, op)(inputs[src], axis=ax, keepdims=bool(kd)))
    for op in ["argmax", "argmin"]:
        for axis in ["", "0", "1"]:
            case("%s_%s_%s" % (op, src, axis), op, "axis=%s" % axis, [src],
                 getattr(np, op)(inputs[src], axis=None if axis == "" else int(axis)))

# ---- complex cumprod, inverse trigonometry, expm1, log1p ----
for a in ["c128_3d", "c64_3d"]:
    for axis in ["", "0", "2"]:
        case("cumprod_%s_%s" % (a, axis), "cumprod", "axis=%s" % axis, [a],
             np.cumprod(inputs[a], axis=None if axis == "" else int(axis)))
arr("c128_cuts", np.array([complex(2, 0.0), complex(2, -0.0), complex(-2, 0.0), complex(-2, -0.0), complex(0.0, 2),
                           complex(-0.0, 2), complex(0.0, -2), complex(-0.0, -2), complex(0.5, 0.0),
                           complex(-0.5, -0.0), complex(1e-10, 1e-10), complex(3, 4), complex(-3, -4),
                           complex(0.9, 0.1), complex(-1e-8, 0.0), complex(0.0, 0.0), complex(-0.0, -0.0)]))
for op in ["arcsin", "arccos", "arctan", "expm1", "log1p"]:
    for a in ["c128_a", "c64_b", "c128_special", "c128_cuts"]:
        case("%s_%s" % (op, a), op, "", [a], getattr(np, op)(inputs[a]))

cases.finish(gs.stamp("generate_dtypes.py"))
