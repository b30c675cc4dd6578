"""Writes NumPy reference data for jdpx's tensor differential tests.

Run from this folder:  python3 generate_arrays.py
Writes arrays/*.npy (inputs and NumPy's outputs) and arrays/cases.txt, one case per line:
    name|operation|arguments|input files|output file
The Java test (DifferentialTest) runs each operation on every device and compares.
"""
import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

cases = gs.CaseWriter(gs.beside(__file__, "arrays"), numbered=False, tol=None, seed=20261121)
rng, inputs, arr, case = cases.rng, cases.inputs, cases.arr, cases.case
np.seterr(all="ignore")


# inputs
arr("f32_a", rng.standard_normal((3, 1, 4)).astype(np.float32))
arr("f32_b", rng.standard_normal((5, 4)).astype(np.float32))
arr("f64_a", rng.standard_normal((3, 1, 4)))
arr("f64_b", rng.standard_normal((5, 4)))
arr("f64_b10", inputs["f64_b"] * 10)
arr("f64_pos", rng.uniform(0.1, 0.9, (4, 6)))
arr("f64_special", np.array([0.0, -0.0, 1.5, -2.5, 2.5, np.nan, np.inf, -np.inf, 1e-30, 3.0]))
arr("i32_a", rng.integers(-50, 50, (3, 1, 4)).astype(np.int32))
arr("i32_b", rng.integers(-7, 8, (5, 4)).astype(np.int32))
arr("i32_small", rng.integers(0, 5, (5, 4)).astype(np.int32))
arr("i8_a", rng.integers(-128, 127, (6,)).astype(np.int8))
arr("u8_a", rng.integers(0, 255, (6,)).astype(np.uint8))
arr("i64_a", rng.integers(-1000, 1000, (3, 4, 5)).astype(np.int64))
arr("i64_b", rng.integers(-1000, 1000, (5, 4)).astype(np.int64))
arr("f32_3d", rng.standard_normal((3, 4, 5)).astype(np.float32))
arr("f64_3d", rng.standard_normal((3, 4, 5)))
arr("b_a", rng.integers(0, 2, (3, 4, 5)).astype(bool))
arr("f32_m", rng.standard_normal((4, 3)).astype(np.float32))
arr("f32_n", rng.standard_normal((3, 5)).astype(np.float32))
arr("f64_m", rng.standard_normal((6, 7)))
arr("f64_n", rng.standard_normal((7, 2)))
arr("f64_v", rng.standard_normal((7,)))

binary = ["add", "subtract", "multiply", "divide", "minimum", "maximum", "arctan2", "hypot",
          "equal", "not_equal", "less", "less_equal", "greater", "greater_equal", "logical_and",
          "logical_or", "logical_xor", "floor_divide", "remainder", "fmin", "fmax"]
for op in binary:
    for a, b in [("f32_a", "f32_b"), ("f64_a", "f64_b"), ("f32_a", "f64_b")]:
        case(f"{op}_{a}_{b}", op, "", [a, b], getattr(np, op)(inputs[a], inputs[b]))
for op in ["add", "subtract", "multiply", "floor_divide", "remainder", "minimum", "maximum", "bitwise_and",
           "bitwise_or", "bitwise_xor", "equal", "less", "divide"]:
    case(f"{op}_i32", op, "", ["i32_a", "i32_b"], getattr(np, op)(inputs["i32_a"], inputs["i32_b"]))
case("power_i32", "power", "", ["i32_a", "i32_small"], np.power(inputs["i32_a"], inputs["i32_small"]))
case("power_f64", "power", "", ["f64_pos", "f64_pos"], np.power(inputs["f64_pos"], inputs["f64_pos"]))
case("left_shift_i32", "left_shift", "", ["i32_a", "i32_small"], np.left_shift(inputs["i32_a"], inputs["i32_small"]))
case("right_shift_i32", "right_shift", "", ["i32_a", "i32_small"], np.right_shift(inputs["i32_a"], inputs["i32_small"]))
case("add_i8_u8", "add", "", ["i8_a", "u8_a"], inputs["i8_a"] + inputs["u8_a"])
case("add_u8_u8", "add", "", ["u8_a", "u8_a"], inputs["u8_a"] + inputs["u8_a"])
case("multiply_i8_i8", "multiply", "", ["i8_a", "i8_a"], inputs["i8_a"] * inputs["i8_a"])
case("add_i32_f32", "add", "", ["i32_a", "f32_b"], inputs["i32_a"] + inputs["f32_b"])
case("add_i32_i64", "add", "", ["i32_b", "i64_b"], inputs["i32_b"] + inputs["i64_b"])

unary_float = ["negative", "positive", "abs", "sign", "square", "sqrt", "exp", "expm1", "log", "log1p", "log2",
               "log10", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "floor", "ceil",
               "trunc", "round", "isnan", "isinf", "isfinite", "logical_not", "reciprocal", "cbrt", "exp2",
               "deg2rad", "rad2deg"]
with np.errstate(all="ignore"):
    for op in unary_float:
        f = np.round if op == "round" else getattr(np, op)
        case(f"{op}_f64pos", op, "", ["f64_pos"], f(inputs["f64_pos"]))
        case(f"{op}_f32", op, "", ["f32_a"], f(inputs["f32_a"]))
        case(f"{op}_special", op, "", ["f64_special"], f(inputs["f64_special"]))
for op in ["negative", "abs", "sign", "square", "bitwise_invert", "logical_not", "sqrt", "exp"]:
    f = np.invert if op == "bitwise_invert" else getattr(np, op)
    with np.errstate(all="ignore"):
        case(f"{op}_i32", op, "", ["i32_a"], f(inputs["i32_a"]))
case("invert_u8", "bitwise_invert", "", ["u8_a"], np.invert(inputs["u8_a"]))

case("where", "where", "", ["b_a", "f32_3d", "f64_3d"], np.where(inputs["b_a"], inputs["f32_3d"], inputs["f64_3d"]))
case("clip", "clip", "-0.5,0.5", ["f64_3d"], np.clip(inputs["f64_3d"], -0.5, 0.5))

for red in ["sum", "prod", "min", "max", "mean", "var", "std", "any", "all"]:
    for src in ["f64_3d", "f32_3d", "i64_a", "b_a"]:
        if src == "b_a" and red in ("var", "std", "mean", "prod"):
            continue
        for axis, kd in [(None, False), ((0,), False), ((1,), True), ((0, 2), False), ((2,), False), ((0, 1, 2), True)]:
            r = getattr(np, red)(inputs[src], axis=axis, keepdims=kd)
            if red == "sum" and src == "f32_3d":
                r = np.asarray(r, dtype=np.float32)
            ax = "" if axis is None else ",".join(map(str, axis))
            case(f"{red}_{src}_{ax or 'all'}_{int(kd)}", red, f"axes={ax};keepdims={int(kd)}", [src], r)
for red in ["argmax", "argmin"]:
    for src in ["f64_3d", "i64_a", "f64_special"]:
        axes = [None] if src == "f64_special" else [None, 1, 2]
        for axis in axes:
            case(f"{red}_{src}_{axis}", red, "axis=" + ("" if axis is None else str(axis)), [src],
                 getattr(np, red)(inputs[src], axis=axis))
for src in ["f64_3d", "i64_a", "f32_3d"]:
    for axis in [None, 0, 2]:
        case(f"cumsum_{src}_{axis}", "cumsum", "axis=" + ("" if axis is None else str(axis)), [src],
             np.cumsum(inputs[src], axis=axis))

case("matmul_f32", "matmul", "", ["f32_m", "f32_n"], inputs["f32_m"] @ inputs["f32_n"])
case("matmul_f64", "matmul", "", ["f64_m", "f64_n"], inputs["f64_m"] @ inputs["f64_n"])
case("matmul_f64_mv", "matmul", "", ["f64_m", "f64_v"], inputs["f64_m"] @ inputs["f64_v"])
case("matmul_f64_vv", "matmul", "", ["f64_v", "f64_v"], inputs["f64_v"] @ inputs["f64_v"])
case("matmul_f64_T", "matmul_T", "", ["f64_m", "f64_m"], inputs["f64_m"] @ inputs["f64_m"].T)

for idx in ["1:, ::-2", "..., None, 1", "-1, 1::2", "::-1, 0, ::-1", "None, 1:3, ..., 2:4"]:
    safe = "".join(c if c.isalnum() else "_" for c in idx)
    case(f"index_{safe}", "index", idx, ["f64_3d"], eval(f"inputs['f64_3d'][{idx}]"))
case("astype_f64_i32", "astype", "int32", ["f64_b10"], inputs["f64_b10"].astype(np.int32))
case("astype_i32_bool", "astype", "bool", ["i32_b"], inputs["i32_b"].astype(bool))
case("astype_i32_f32", "astype", "float32", ["i32_b"], inputs["i32_b"].astype(np.float32))
case("astype_u8_i8", "astype", "int8", ["u8_a"], inputs["u8_a"].astype(np.int8))

cases.finish(gs.stamp("generate_arrays.py"))
