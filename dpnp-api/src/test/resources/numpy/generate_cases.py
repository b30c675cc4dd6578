"""Writes NumPy reference data for jdpx's dpnp-api differential tests.

Run from this folder:  python3 generate_cases.py
Writes cases/*.npy (inputs and NumPy's outputs) and cases/cases.txt, one case per line:
    name|function|arguments|input files|output files|tolerance class
The Java test (NumpyDifferentialTest) calls the Dpnp function of that NumPy name on every
device and compares each output with NumPy's. Tolerance classes: exact (integers, bools and
exactly rounded float results), ulp (one correctly rounded function), composed (several float
operations or a reduction).
"""
import warnings
import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

W = gs.CaseWriter(gs.beside(__file__, "cases"), tol="ulp")
rng = np.random.default_rng(20261122)
np.seterr(all="ignore")
X, arr = W.inputs, W.arr


def case(name, fn, args, ins, result, tol="ulp"):
    W.case(name.replace(",", "-"), fn, args, ins, result, tol)


arr("f64_a", rng.standard_normal((3, 4)))
arr("f64_b", rng.standard_normal((3, 4)))
arr("f32_a", rng.standard_normal((3, 4)).astype(np.float32))
arr("f64_pos", rng.uniform(0.1, 0.9, (3, 4)))
arr("f64_gt1", rng.uniform(1.1, 3.0, (3, 4)))
arr("f64_3d", rng.standard_normal((2, 3, 4)))
arr("i64_a", rng.integers(-20, 20, (3, 4)))
arr("i64_b", rng.integers(1, 6, (3, 4)))
arr("i32_a", rng.integers(-100, 100, (3, 4)).astype(np.int32))
arr("u8_a", rng.integers(0, 255, (3, 4)).astype(np.uint8))
arr("b_a", rng.integers(0, 2, (3, 4)).astype(bool))
arr("b_b", rng.integers(0, 2, (3, 4)).astype(bool))
nan = rng.standard_normal((3, 4)); nan[0, 1] = np.nan; nan[2, 0] = np.nan; nan[2, 3] = np.nan
arr("f64_nan", nan)
arr("f64_special", np.array([0.0, -0.0, 1.5, -2.5, 2.5, np.nan, np.inf, -np.inf, 3.0, -1.0]))
arr("f32_special", X["f64_special"].astype(np.float32))
arr("f64_v", rng.standard_normal(5))
arr("f64_u", rng.standard_normal(5))
arr("f64_w4", rng.uniform(0.5, 2.0, 4))
arr("f64_m", rng.standard_normal((4, 3)))
arr("f64_n", rng.standard_normal((3, 5)))
arr("f64_sq", rng.standard_normal((4, 4)))
arr("f64_batch", rng.standard_normal((2, 3, 4)))
arr("f64_batch2", rng.standard_normal((2, 4, 2)))
arr("f64_sorted", np.sort(rng.uniform(-3, 3, 9)))
arr("f64_needles", np.concatenate([rng.uniform(-4, 4, 7), X["f64_sorted"][[2, 5]]]))
arr("f64_dup", np.array([3.0, -1.0, np.nan, 2.0, 3.0, -0.0, 0.0, -1.0, np.inf, 2.0, 2.0, np.nan]))
arr("i64_dup", rng.integers(-3, 4, 15))
arr("i32_dup", rng.integers(-3, 4, (3, 5)).astype(np.int32))
arr("i64_bins", rng.integers(0, 7, 20))
arr("f64_weights", rng.uniform(0, 1, 20))
arr("f64_hist", rng.standard_normal(50))
arr("i64_idx", np.array([2, 0, -1, 3, 1]))
arr("i64_idx_axis", rng.integers(0, 3, (2, 4)))
arr("f64_xp", np.array([0.0, 1.0, 2.5, 4.0]))
arr("f64_fp", np.array([1.0, -2.0, 0.5, 3.0]))
arr("f64_xq", np.array([-1.0, 0.0, 0.3, 1.0, 2.0, 3.9, 4.0, 5.0]))
arr("b_mask", X["f64_a"] > 0)
arr("f64_sparse", np.where(rng.uniform(0, 1, (3, 4)) < 0.4, 0.0, rng.standard_normal((3, 4))))
arr("f32_sort", rng.standard_normal((4, 6)).astype(np.float32))
arr("u64_a", np.array([0, 2**63 + 5, 7, 2**64 - 1, 2**63 - 1, 3], dtype=np.uint64))

a, b = X["f64_a"], X["f64_b"]

# ---- creation
case("arange_int", "arange", "start=2;stop=17;step=3", [], np.arange(2, 17, 3), "exact")
case("arange_float", "arange", "start=-1;stop=2;step=0.25", [], np.arange(-1, 2, 0.25), "exact")
case("linspace", "linspace", "start=-1;stop=3;num=7;endpoint=1", [], np.linspace(-1, 3, 7))
case("linspace_open", "linspace", "start=0;stop=1;num=5;endpoint=0", [], np.linspace(0, 1, 5, endpoint=False))
case("logspace", "logspace", "start=0;stop=2;num=5;endpoint=1;base=10", [], np.logspace(0, 2, 5), "composed")
case("eye", "eye", "n=3;m=4;k=1", [], np.eye(3, 4, 1), "exact")
case("identity", "identity", "n=3", [], np.identity(3), "exact")
case("tri", "tri", "n=3;m=4;k=0", [], np.tri(3, 4, 0), "exact")
case("tril", "tril", "k=0", ["f64_a"], np.tril(a), "exact")
case("triu", "triu", "k=1", ["f64_a"], np.triu(a, 1), "exact")
case("tril_3d", "tril", "k=-1", ["f64_3d"], np.tril(X["f64_3d"], -1), "exact")
case("zeros", "zeros", "shape=2,3", [], np.zeros((2, 3)), "exact")
case("ones", "ones", "shape=2,3", [], np.ones((2, 3)), "exact")
case("full", "full", "shape=2,2;value=7", [], np.full((2, 2), 7), "exact")
case("zeros_like", "zeros_like", "", ["i32_a"], np.zeros_like(X["i32_a"]), "exact")
case("ones_like", "ones_like", "", ["f64_a"], np.ones_like(a), "exact")
case("full_like", "full_like", "value=2.5", ["f64_a"], np.full_like(a, 2.5), "exact")
case("empty_shape", "empty", "shape=2,5", [], np.zeros((2, 5)), "shape")
case("empty_like", "empty_like", "", ["i64_a"], X["i64_a"], "shape")
case("array", "array", "", ["f64_a"], a, "exact")
case("asarray", "asarray", "", ["i32_a"], X["i32_a"], "exact")
case("copy", "copy", "", ["f64_3d"], X["f64_3d"], "exact")
case("astype", "astype", "dtype=int32", ["f64_a"], a.astype(np.int32), "exact")
case("meshgrid_xy", "meshgrid", "indexing=xy", ["f64_v", "f64_w4"], np.meshgrid(X["f64_v"], X["f64_w4"]), "exact")
case("meshgrid_ij", "meshgrid", "indexing=ij", ["f64_v", "f64_w4"], np.meshgrid(X["f64_v"], X["f64_w4"], indexing="ij"), "exact")
case("indices", "indices", "shape=2,3", [], np.indices((2, 3)), "exact")
case("diag_1d", "diag", "k=1", ["f64_v"], np.diag(X["f64_v"], 1), "exact")
case("diag_2d", "diag", "k=-1", ["f64_a"], np.diag(a, -1), "exact")
case("diagflat", "diagflat", "k=0", ["f64_w4"], np.diagflat(X["f64_w4"]), "exact")
case("diagonal", "diagonal", "offset=1;axis1=1;axis2=2", ["f64_3d"], np.diagonal(X["f64_3d"], 1, 1, 2), "exact")

# ---- elementwise
binary = ["add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "remainder", "mod", "fmod",
          "power", "pow", "maximum", "minimum", "fmax", "fmin", "arctan2", "atan2", "hypot", "logaddexp",
          "logaddexp2", "copysign", "equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
          "logical_and", "logical_or", "logical_xor", "float_power"]
for fn in binary:
    x, y = ("f64_pos", "f64_gt1") if fn in ("power", "pow", "float_power") else ("f64_a", "f64_b")
    tol = "composed" if fn in ("logaddexp", "logaddexp2", "fmod", "remainder", "mod", "floor_divide") else "ulp"
    case(f"{fn}_f64", fn, "", [x, y], getattr(np, fn)(X[x], X[y]), tol)
for fn in ["add", "multiply", "floor_divide", "remainder", "fmod", "maximum", "bitwise_and", "bitwise_or",
           "bitwise_xor", "left_shift", "right_shift", "bitwise_left_shift", "bitwise_right_shift", "power"]:
    case(f"{fn}_i64", fn, "", ["i64_a", "i64_b"], getattr(np, fn)(X["i64_a"], X["i64_b"]), "exact")
case("divmod", "divmod", "", ["i64_a", "i64_b"], np.divmod(X["i64_a"], X["i64_b"]), "exact")
case("divmod_f64", "divmod", "", ["f64_a", "f64_b"], np.divmod(a, b), "composed")
unary = ["negative", "positive", "abs", "absolute", "fabs", "sign", "square", "sqrt", "cbrt", "reciprocal", "exp",
         "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos", "arctan",
         "asin", "acos", "atan", "sinh", "cosh", "tanh", "arcsinh", "asinh", "arctanh", "atanh", "deg2rad",
         "rad2deg", "radians", "degrees", "floor", "ceil", "trunc", "fix", "rint", "isnan", "isinf",
         "isfinite", "isposinf", "isneginf", "signbit", "logical_not", "real", "imag", "conj", "conjugate"]
for fn in unary:
    src = "f64_pos" if fn in ("arcsin", "arccos", "asin", "acos", "arctanh", "atanh", "log", "log2", "log10", "sqrt") else "f64_a"
    tol = "composed" if fn in ("arcsinh", "asinh", "arctanh", "atanh") else "ulp"
    case(f"{fn}_f64", fn, "", [src], getattr(np, fn)(X[src]), tol)
    if fn in ("abs", "sign", "floor", "rint", "isnan", "isinf", "isfinite", "signbit", "isposinf", "isneginf",
              "trunc", "ceil", "sqrt", "exp", "log1p", "reciprocal", "cbrt", "square", "expm1"):
        case(f"{fn}_special", fn, "", ["f64_special"], getattr(np, fn)(X["f64_special"]), "ulp")
for fn in ["arccosh", "acosh"]:
    case(f"{fn}_f64", fn, "", ["f64_gt1"], getattr(np, fn)(X["f64_gt1"]), "composed")
for fn in ["sin", "exp", "tanh", "sqrt", "negative", "square"]:
    case(f"{fn}_f32", fn, "", ["f32_a" if fn != "sqrt" else "f64_pos"], getattr(np, fn)(X["f32_a"] if fn != "sqrt" else X["f64_pos"]))
for fn in ["invert", "bitwise_not", "bitwise_invert", "negative", "abs", "sign", "square"]:
    case(f"{fn}_i32", fn, "", ["i32_a"], getattr(np, fn)(X["i32_a"]), "exact")
case("invert_u8", "invert", "", ["u8_a"], np.invert(X["u8_a"]), "exact")
case("invert_bool", "invert", "", ["b_a"], np.invert(X["b_a"]), "exact")
case("round_2", "round", "decimals=2", ["f64_a"], np.round(a, 2), "composed")
case("around_0", "around", "decimals=0", ["f64_special"], np.around(X["f64_special"]), "ulp")
case("round_i64", "round", "decimals=-1", ["i64_a"], np.round(X["i64_a"], -1), "exact")
case("nan_to_num", "nan_to_num", "nan=0", ["f32_special"], np.nan_to_num(X["f32_special"]), "exact")
case("clip", "clip", "lo=-0.5;hi=0.7", ["f64_a"], np.clip(a, -0.5, 0.7), "exact")
case("heaviside", "heaviside", "h0=0.5", ["f64_special"], np.heaviside(X["f64_special"], 0.5), "exact")
case("ldexp", "ldexp", "", ["f64_a", "i64_b"], np.ldexp(a, X["i64_b"]), "exact")
case("where", "where", "", ["b_mask", "f64_a", "i64_a"], np.where(X["b_mask"], a, X["i64_a"]), "exact")
case("select", "select", "", ["b_mask", "b_a", "f64_a", "f64_b"],
     np.select([X["b_mask"], X["b_a"]], [a, b], 0.0), "exact")
case("diff", "diff", "n=1;axis=1", ["f64_a"], np.diff(a, 1, 1), "ulp")
case("diff_2", "diff", "n=2;axis=0", ["i64_a"], np.diff(X["i64_a"], 2, 0), "exact")
case("ediff1d", "ediff1d", "", ["f64_a"], np.ediff1d(a), "ulp")
case("interp", "interp", "", ["f64_xq", "f64_xp", "f64_fp"], np.interp(X["f64_xq"], X["f64_xp"], X["f64_fp"]), "composed")

# ---- reductions
for fn in ["sum", "prod", "min", "max", "amin", "amax", "ptp", "mean", "var", "std", "any", "all", "count_nonzero"]:
    for src in ["f64_3d", "i64_a"] + (["b_a"] if fn in ("any", "all", "count_nonzero", "sum") else []):
        for axes, kd in [(None, False), ((0,), False), ((1,), True)] + ([((0, 2), False)] if src == "f64_3d" else []):
            ax = "" if axes is None else ",".join(map(str, axes))
            r = getattr(np, fn)(X[src], axis=axes, keepdims=kd)
            case(f"{fn}_{src}_{ax or 'all'}_{int(kd)}", fn, f"axes={ax};keepdims={int(kd)}", [src], r,
                 "exact" if fn in ("min", "max", "amin", "amax", "any", "all", "count_nonzero") or src != "f64_3d" and fn in ("sum", "prod", "ptp") else "composed")
case("var_ddof", "var", "axes=1;keepdims=0;ddof=1", ["f64_a"], np.var(a, axis=1, ddof=1), "composed")
case("std_ddof", "std", "axes=;keepdims=0;ddof=1", ["f64_a"], np.std(a, ddof=1), "composed")
for fn in ["nansum", "nanprod", "nanmin", "nanmax", "nanmean", "nanvar", "nanstd"]:
    for axes, kd in [(None, False), ((0,), False), ((1,), True)]:
        ax = "" if axes is None else ",".join(map(str, axes))
        case(f"{fn}_{ax or 'all'}_{int(kd)}", fn, f"axes={ax};keepdims={int(kd)}", ["f64_nan"],
             getattr(np, fn)(X["f64_nan"], axis=axes, keepdims=kd), "exact" if fn in ("nanmin", "nanmax") else "composed")
for fn in ["argmin", "argmax", "nanargmin", "nanargmax"]:
    for axis in [None, 0, 1]:
        src = "f64_nan" if fn.startswith("nan") else "f64_a"
        case(f"{fn}_{axis}", fn, "axis=" + ("" if axis is None else str(axis)), [src], getattr(np, fn)(X[src], axis=axis), "exact")
for fn in ["cumsum", "cumprod", "nancumsum", "nancumprod"]:
    for axis in [None, 1]:
        src = "f64_nan" if fn.startswith("nan") else "f64_a"
        case(f"{fn}_{axis}", fn, "axis=" + ("" if axis is None else str(axis)), [src], getattr(np, fn)(X[src], axis=axis), "composed")
case("cumsum_i64", "cumsum", "axis=0", ["i64_a"], np.cumsum(X["i64_a"], axis=0), "exact")

# ---- statistics
for axis, kd in [(None, False), (0, False), (1, True)]:
    ax = "" if axis is None else str(axis)
    case(f"median_{ax or 'all'}_{int(kd)}", "median", f"axis={ax};keepdims={int(kd)}", ["f64_3d"], np.median(X["f64_3d"], axis=axis, keepdims=kd), "composed")
case("median_nan", "median", "axis=1;keepdims=0", ["f64_nan"], np.median(X["f64_nan"], axis=1), "composed")
case("median_i64", "median", "axis=;keepdims=0", ["i64_a"], np.median(X["i64_a"]), "composed")
case("percentile", "percentile", "q=0,25,50,90,100;axis=1;keepdims=0", ["f64_a"], np.percentile(a, [0, 25, 50, 90, 100], axis=1), "composed")
case("percentile_flat", "percentile", "q=33;axis=;keepdims=0", ["f64_3d"], np.percentile(X["f64_3d"], [33]), "composed")
case("quantile", "quantile", "q=0.1,0.5;axis=0;keepdims=1", ["f64_a"], np.quantile(a, [0.1, 0.5], axis=0, keepdims=True), "composed")
case("average", "average", "axis=", ["f64_a"], np.average(a), "composed")
case("average_w", "average", "axis=1", ["f64_a", "f64_w4"], np.average(a, axis=1, weights=X["f64_w4"]), "composed")
case("cov", "cov", "rowvar=1;ddof=1", ["f64_a"], np.cov(a), "composed")
case("cov_cols", "cov", "rowvar=0;ddof=0", ["f64_a"], np.cov(a, rowvar=False, ddof=0), "composed")
case("corrcoef", "corrcoef", "rowvar=1", ["f64_a"], np.corrcoef(a), "composed")
case("histogram", "histogram", "bins=7", ["f64_hist"], np.histogram(X["f64_hist"], bins=7), "composed")
case("histogram_range", "histogram", "bins=5;lo=-1;hi=1", ["f64_hist"], np.histogram(X["f64_hist"], bins=5, range=(-1, 1)), "composed")
case("histogram_bin_edges", "histogram_bin_edges", "bins=4", ["f64_hist"], np.histogram_bin_edges(X["f64_hist"], bins=4), "composed")
case("bincount", "bincount", "minlength=0", ["i64_bins"], np.bincount(X["i64_bins"]), "exact")
case("bincount_min", "bincount", "minlength=10", ["i64_bins"], np.bincount(X["i64_bins"], minlength=10), "exact")
case("bincount_w", "bincount", "minlength=0", ["i64_bins", "f64_weights"], np.bincount(X["i64_bins"], X["f64_weights"]), "composed")
case("digitize", "digitize", "right=0", ["f64_needles", "f64_sorted"], np.digitize(X["f64_needles"], X["f64_sorted"]), "exact")
case("digitize_r", "digitize", "right=1", ["f64_needles", "f64_sorted"], np.digitize(X["f64_needles"], X["f64_sorted"], right=True), "exact")

# ---- linear algebra
case("matmul", "matmul", "", ["f64_m", "f64_n"], X["f64_m"] @ X["f64_n"], "composed")
case("matmul_batch", "matmul", "", ["f64_batch", "f64_batch2"], X["f64_batch"] @ X["f64_batch2"], "composed")
case("dot_vv", "dot", "", ["f64_v", "f64_u"], np.dot(X["f64_v"], X["f64_u"]), "composed")
case("dot_mm", "dot", "", ["f64_m", "f64_n"], np.dot(X["f64_m"], X["f64_n"]), "composed")
case("vdot", "vdot", "", ["f64_a", "f64_b"], np.vdot(a, b), "composed")
case("inner", "inner", "", ["f64_a", "f64_b"], np.inner(a, b), "composed")
case("inner_v", "inner", "", ["f64_v", "f64_u"], np.inner(X["f64_v"], X["f64_u"]), "composed")
case("outer", "outer", "", ["f64_v", "f64_w4"], np.outer(X["f64_v"], X["f64_w4"]), "ulp")
for k in (0, 1, 2):
    y = "f64_a" if k == 2 else ("f64_n" if k == 1 else "f64_u")
    x = "f64_a" if k == 2 else ("f64_m" if k == 1 else "f64_v")
    case(f"tensordot_{k}", "tensordot", f"axes={k}", [x, y], np.tensordot(X[x], X[y], axes=k), "composed")
case("trace", "trace", "offset=0", ["f64_sq"], np.trace(X["f64_sq"]), "composed")
case("trace_off", "trace", "offset=1", ["f64_a"], np.trace(a, 1), "composed")
for ordname, o in [("none", None), ("1", 1), ("inf", np.inf), ("ninf", -np.inf), ("0", 0), ("3", 3)]:
    case(f"norm_vec_{ordname}", "norm", f"ord={ordname};axes=", ["f64_v"], np.linalg.norm(X["f64_v"], o), "composed")
for ordname, o in [("fro", "fro"), ("1", 1), ("inf", np.inf), ("n1", -1)]:
    case(f"norm_mat_{ordname}", "norm", f"ord={ordname};axes=", ["f64_a"], np.linalg.norm(a, o), "composed")
case("norm_axis", "norm", "ord=none;axes=1", ["f64_a"], np.linalg.norm(a, axis=1), "composed")

# ---- manipulation
d3 = X["f64_3d"]
case("reshape", "reshape", "shape=4,-1", ["f64_3d"], d3.reshape(4, -1), "exact")
case("ravel", "ravel", "", ["f64_3d"], d3.ravel(), "exact")
case("transpose", "transpose", "", ["f64_3d"], d3.transpose(), "exact")
case("transpose_axes", "transpose", "axes=1,2,0", ["f64_3d"], d3.transpose(1, 2, 0), "exact")
case("permute_dims", "permute_dims", "axes=2,0,1", ["f64_3d"], np.permute_dims(d3, (2, 0, 1)), "exact")
case("swapaxes", "swapaxes", "a=0;b=2", ["f64_3d"], np.swapaxes(d3, 0, 2), "exact")
case("moveaxis", "moveaxis", "source=0;destination=-1", ["f64_3d"], np.moveaxis(d3, 0, -1), "exact")
case("squeeze", "squeeze", "", ["f64_v"], np.squeeze(X["f64_v"].reshape(1, 5, 1)), "exact_reshaped")
case("expand_dims", "expand_dims", "axis=1", ["f64_a"], np.expand_dims(a, 1), "exact")
case("broadcast_to", "broadcast_to", "shape=2,3,4", ["f64_w4"], np.broadcast_to(X["f64_w4"], (2, 3, 4)), "exact")
case("broadcast_arrays", "broadcast_arrays", "", ["f64_w4", "f64_a"], np.broadcast_arrays(X["f64_w4"], a), "exact")
case("atleast_1d", "atleast_1d", "", ["f64_v"], np.atleast_1d(X["f64_v"]), "exact")
case("atleast_2d", "atleast_2d", "", ["f64_v"], np.atleast_2d(X["f64_v"]), "exact")
case("atleast_3d", "atleast_3d", "", ["f64_a"], np.atleast_3d(a), "exact")
case("flip", "flip", "axis=1", ["f64_3d"], np.flip(d3, 1), "exact")
case("flip_all", "flip", "axis=", ["f64_3d"], np.flip(d3), "exact")
case("fliplr", "fliplr", "", ["f64_a"], np.fliplr(a), "exact")
case("flipud", "flipud", "", ["f64_a"], np.flipud(a), "exact")
case("concatenate", "concatenate", "axis=0", ["f64_a", "i64_a"], np.concatenate([a, X["i64_a"]], 0), "exact")
case("concatenate_1", "concatenate", "axis=1", ["f64_a", "f64_b"], np.concatenate([a, b], 1), "exact")
case("concatenate_none", "concatenate", "axis=", ["f64_a", "f64_v"], np.concatenate([a, X["f64_v"]], axis=None), "exact")
case("concat", "concat", "axis=0", ["f64_a", "f64_b"], np.concat([a, b]), "exact")
case("stack", "stack", "axis=1", ["f64_a", "f64_b"], np.stack([a, b], 1), "exact")
case("vstack", "vstack", "", ["f64_a", "f64_b"], np.vstack([a, b]), "exact")
case("row_stack", "vstack", "", ["f64_w4", "f64_a"], np.vstack([X["f64_w4"], a]), "exact")
case("hstack", "hstack", "", ["f64_a", "f64_b"], np.hstack([a, b]), "exact")
case("dstack", "dstack", "", ["f64_a", "f64_b"], np.dstack([a, b]), "exact")
case("column_stack", "column_stack", "", ["f64_v", "f64_u"], np.column_stack([X["f64_v"], X["f64_u"]]), "exact")
case("split", "split", "sections=2;axis=1", ["f64_a"], np.split(a, 2, 1), "exact")
case("split_idx", "split", "indices=1,3;axis=1", ["f64_a"], np.split(a, [1, 3], 1), "exact")
case("array_split", "array_split", "sections=3;axis=1", ["f64_a"], np.array_split(a, 3, 1), "exact")
case("hsplit", "hsplit", "sections=2", ["f64_a"], np.hsplit(a, 2), "exact")
case("vsplit", "vsplit", "sections=3", ["f64_a"], np.vsplit(a, 3), "exact")
case("dsplit", "dsplit", "sections=2", ["f64_3d"], np.dsplit(d3, 2), "exact")
case("roll", "roll", "shift=2;axis=1", ["f64_a"], np.roll(a, 2, 1), "exact")
case("roll_neg", "roll", "shift=-5;axis=", ["f64_a"], np.roll(a, -5), "exact")
case("repeat", "repeat", "repeats=2;axis=0", ["f64_a"], np.repeat(a, 2, 0), "exact")
case("repeat_flat", "repeat", "repeats=3;axis=", ["i64_b"], np.repeat(X["i64_b"], 3), "exact")
case("tile", "tile", "reps=2,3", ["f64_v"], np.tile(X["f64_v"], (2, 3)), "exact")
case("tile_2d", "tile", "reps=2", ["f64_a"], np.tile(a, 2), "exact")
case("pad", "pad", "widths=1,2;value=0", ["f64_a"], np.pad(a, (1, 2)), "exact")
case("pad_axes", "pad", "widths=0,1,2,0;value=-3", ["i64_a"], np.pad(X["i64_a"], ((0, 1), (2, 0)), constant_values=-3), "exact")

# ---- sorting, searching, counting
case("sort", "sort", "axis=-1", ["f64_a"], np.sort(a), "exact")
case("sort_0", "sort", "axis=0", ["f64_3d"], np.sort(d3, axis=0), "exact")
case("sort_none", "sort", "axis=", ["f64_dup"], np.sort(X["f64_dup"], axis=None), "exact")
case("sort_f32", "sort", "axis=1", ["f32_sort"], np.sort(X["f32_sort"], axis=1), "exact")
case("sort_i32", "sort", "axis=1", ["i32_dup"], np.sort(X["i32_dup"], axis=1), "exact")
case("sort_u64", "sort", "axis=0", ["u64_a"], np.sort(X["u64_a"]), "exact")
case("sort_bool", "sort", "axis=1", ["b_a"], np.sort(X["b_a"], axis=1), "exact")
case("argsort", "argsort", "axis=-1", ["f64_a"], np.argsort(a, kind="stable"), "exact")
case("argsort_dup", "argsort", "axis=", ["i64_dup"], np.argsort(X["i64_dup"], kind="stable"), "exact")
case("argsort_0", "argsort", "axis=0", ["i32_dup"], np.argsort(X["i32_dup"], axis=0, kind="stable"), "exact")
case("searchsorted_l", "searchsorted", "side=left", ["f64_sorted", "f64_needles"], np.searchsorted(X["f64_sorted"], X["f64_needles"]), "exact")
case("searchsorted_r", "searchsorted", "side=right", ["f64_sorted", "f64_needles"], np.searchsorted(X["f64_sorted"], X["f64_needles"], "right"), "exact")
case("unique", "unique", "", ["f64_dup"], np.unique(X["f64_dup"]), "exact")
case("unique_i64", "unique", "", ["i64_dup"], np.unique(X["i64_dup"]), "exact")
case("unique_values", "unique_values", "", ["i32_dup"], np.unique(X["i32_dup"]), "exact")
case("unique_counts", "unique_counts", "", ["i64_dup"], list(np.unique(X["i64_dup"], return_counts=True)), "exact")
case("take", "take", "axis=1", ["f64_a", "i64_idx"], np.take(a, X["i64_idx"], axis=1), "exact")
case("take_flat", "take", "axis=", ["f64_a", "i64_idx"], np.take(a, X["i64_idx"]), "exact")
case("take_2d_idx", "take", "axis=0", ["f64_a", "i64_idx_axis"], np.take(a, X["i64_idx_axis"], axis=0), "exact")
arr("i64_along", rng.integers(-4, 4, (3, 6)))
case("take_along_axis", "take_along_axis", "axis=1", ["f64_a", "i64_along"], np.take_along_axis(a, X["i64_along"], axis=1), "exact")
case("nonzero", "nonzero", "", ["f64_sparse"], np.nonzero(X["f64_sparse"]), "exact")
case("nonzero_3d", "nonzero", "", ["b_a"], np.nonzero(X["b_a"]), "exact")
case("where_1", "where", "", ["b_mask"], np.where(X["b_mask"]), "exact")
case("flatnonzero", "flatnonzero", "", ["f64_sparse"], np.flatnonzero(X["f64_sparse"]), "exact")
case("argwhere", "argwhere", "", ["f64_sparse"], np.argwhere(X["f64_sparse"]), "exact")
case("extract", "extract", "", ["b_mask", "f64_b"], np.extract(X["b_mask"], b), "exact")

# ---- logic
close = a + np.where(X["b_a"], 1e-9, 1e-3)
arr("f64_close", close)
case("isclose", "isclose", "", ["f64_a", "f64_close"], np.isclose(a, close), "exact")
case("isclose_nan", "isclose", "rtol=1e-5;atol=1e-8;equal_nan=1", ["f64_special", "f64_special"],
     np.isclose(X["f64_special"], X["f64_special"], equal_nan=True), "exact")
case("allclose_f", "allclose", "", ["f64_a", "f64_close"], np.allclose(a, close), "exact")
case("allclose_t", "allclose", "", ["f64_a", "f64_a"], np.allclose(a, a), "exact")
case("array_equal", "array_equal", "", ["f64_a", "f64_a"], np.array_equal(a, a), "exact")
case("array_equal_f", "array_equal", "", ["f64_a", "f64_b"], np.array_equal(a, b), "exact")
case("array_equal_shape", "array_equal", "", ["f64_a", "f64_v"], np.array_equal(a, X["f64_v"]), "exact")
case("array_equal_nan", "array_equal", "equal_nan=1", ["f64_special", "f64_special"], np.array_equal(X["f64_special"], X["f64_special"], equal_nan=True), "exact")
case("array_equiv", "array_equiv", "", ["f64_w4", "f64_a"], np.array_equiv(X["f64_w4"], a), "exact")
for fn in ["logical_and", "logical_or", "logical_xor"]:
    case(f"{fn}_b", fn, "", ["b_a", "b_b"], getattr(np, fn)(X["b_a"], X["b_b"]), "exact")
case("logical_not_i", "logical_not", "", ["i64_a"], np.logical_not(X["i64_a"]), "exact")

# ---- fmod exactly as C's (its own generator, so the arrays above keep their values): dividends and
# divisors of every sign, zeros, infinities, NaN, tiny and huge values, all exact in float32 so
# the result is the same on a device without fp64; fmod's result is exact, so the class is exact.
frng = np.random.default_rng(20261204)
grid_x = [-1e-30, 1e-30, 0.0, -0.0, np.inf, -np.inf, np.nan, 5.5, -5.5, 2.0**100, -3 * 2.0**90, 1e-45, -2.0**-126, 3.0, -3.0]
grid_y = [1.0, -1.0, 0.0, -0.0, np.inf, -np.inf, np.nan, 0.75, -0.375, 2.5, 2.0**-100, -7.0]
for t, tag in [(np.float32, "f32"), (np.float64, "f64")]:
    arr(f"{tag}_fmod_x", np.array(grid_x, dtype=np.float32).astype(t).reshape(-1, 1))
    arr(f"{tag}_fmod_y", np.array(grid_y, dtype=np.float32).astype(t))
    case(f"fmod_grid_{tag}", "fmod", "", [f"{tag}_fmod_x", f"{tag}_fmod_y"], np.fmod(X[f"{tag}_fmod_x"], X[f"{tag}_fmod_y"]), "exact")
    arr(f"{tag}_fmod_a", frng.uniform(-3, 3, 256).astype(np.float32).astype(t))
    arr(f"{tag}_fmod_b", frng.uniform(-3, 3, 256).astype(np.float32).astype(t))
    case(f"fmod_random_{tag}", "fmod", "", [f"{tag}_fmod_a", f"{tag}_fmod_b"], np.fmod(X[f"{tag}_fmod_a"], X[f"{tag}_fmod_b"]), "exact")
for t, tag in [(np.int8, "i8"), (np.int32, "i32"), (np.int64, "i64")]:
    info = np.iinfo(t)
    arr(f"{tag}_fmod_x", np.array([7, -7, 0, info.min, info.max, -1, 5], dtype=t).reshape(-1, 1))
    arr(f"{tag}_fmod_y", np.array([3, -3, 0, -1, 1, info.min, 2], dtype=t))
    case(f"fmod_grid_{tag}", "fmod", "", [f"{tag}_fmod_x", f"{tag}_fmod_y"], np.fmod(X[f"{tag}_fmod_x"], X[f"{tag}_fmod_y"]), "exact")

# ---- percentile and quantile: a scalar q gives no q axis (shape () for a full reduction), an
# array q a leading one; every axis form with and without keepdims; cov/corrcoef of a 0-d array.
arr("f64_0d", np.array(1.75))
for fn, qs, qa in [("percentile", 37.5, [10, 50, 95]), ("quantile", 0.375, [0.1, 0.5, 0.95])]:
    for src in ["f64_3d", "f64_v", "f64_0d", "i64_a"]:
        nd = X[src].ndim
        axes = [None] + ([0, -1] if nd >= 1 else []) + ([1] if nd >= 2 else [])
        for axis in axes:
            for kd in (False, True):
                ax = "" if axis is None else str(axis)
                tag = f"{fn}_{src}_{ax.replace('-', 'm') or 'all'}_{int(kd)}"
                case(tag + "_scalar", fn, f"qs={qs};axis={ax};keepdims={int(kd)}", [src],
                     getattr(np, fn)(X[src], qs, axis=axis, keepdims=kd), "composed")
                case(tag + "_array", fn, f"q={','.join(map(str, qa))};axis={ax};keepdims={int(kd)}", [src],
                     getattr(np, fn)(X[src], qa, axis=axis, keepdims=kd), "composed")
with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    case("cov_0d", "cov", "rowvar=1;ddof=1", ["f64_0d"], np.cov(X["f64_0d"]), "composed")
    case("corrcoef_0d", "corrcoef", "rowvar=1", ["f64_0d"], np.corrcoef(X["f64_0d"]), "composed")

# ---- NumPy's default arguments: "default:NAME" calls the Dpnp overload that leaves them out
# (DefaultCalls); creation functions there run on the default device and are moved to the one tested.
def dcase(name, fn, args, ins, result, tol="exact"):
    case("default_" + name, "default:" + fn, args, ins, result, tol)


dcase("eye", "eye", "n=3", [], np.eye(3))
dcase("eye_nm", "eye", "n=3;m=4", [], np.eye(3, 4))
dcase("identity", "identity", "n=3", [], np.identity(3))
dcase("tri", "tri", "n=3", [], np.tri(3))
dcase("linspace", "linspace", "start=-1;stop=3;num=7", [], np.linspace(-1, 3, 7), "ulp")
dcase("linspace_50", "linspace", "start=0;stop=1", [], np.linspace(0, 1), "ulp")
dcase("logspace", "logspace", "start=0;stop=2;num=5", [], np.logspace(0, 2, 5), "composed")
dcase("arange_stop", "arange", "stop=5", [], np.arange(5))
dcase("arange_start", "arange", "start=2;stop=7", [], np.arange(2, 7))
dcase("arange_step", "arange", "start=0;stop=1;step=0.25", [], np.arange(0, 1, 0.25))
dcase("zeros", "zeros", "shape=2,3", [], np.zeros((2, 3)))
dcase("ones", "ones", "shape=2,3", [], np.ones((2, 3)))
dcase("full", "full", "shape=2,2;value=7", [], np.full((2, 2), 7))
dcase("empty", "empty", "shape=2,5", [], np.empty((2, 5)), "shape")
dcase("indices", "indices", "shape=2,3", [], np.indices((2, 3)))
dcase("tril", "tril", "", ["f64_a"], np.tril(a))
dcase("triu", "triu", "", ["f64_a"], np.triu(a))
dcase("meshgrid", "meshgrid", "", ["f64_v", "f64_w4"], np.meshgrid(X["f64_v"], X["f64_w4"]))
dcase("diag_1d", "diag", "", ["f64_v"], np.diag(X["f64_v"]))
dcase("diag_2d", "diag", "", ["f64_a"], np.diag(a))
dcase("diagflat", "diagflat", "", ["f64_w4"], np.diagflat(X["f64_w4"]))
dcase("diagonal", "diagonal", "", ["f64_3d"], np.diagonal(X["f64_3d"]))
dcase("round", "round", "", ["f64_special"], np.round(X["f64_special"]), "ulp")
dcase("round_a", "round", "", ["f64_a"], np.round(a), "ulp")
dcase("around", "around", "", ["f64_a"], np.around(a), "ulp")
dcase("copysign_neg", "copysign", "sign=-1", ["f64_a"], np.copysign(a, -1.0))
dcase("copysign_negzero", "copysign", "sign=-0.0", ["f64_special"], np.copysign(X["f64_special"], -0.0))
dcase("copysign_pos_i64", "copysign", "sign=2", ["i64_a"], np.copysign(X["i64_a"], 2))
dcase("nan_to_num", "nan_to_num", "", ["f32_special"], np.nan_to_num(X["f32_special"]))
dcase("diff", "diff", "", ["f64_3d"], np.diff(X["f64_3d"]), "ulp")
dcase("diff_n", "diff", "n=2", ["i64_a"], np.diff(X["i64_a"], 2))
for fn in ["sum", "prod", "min", "max", "amin", "amax", "ptp", "mean", "var", "std", "any", "all", "count_nonzero"]:
    ex = "exact" if fn in ("min", "max", "amin", "amax", "any", "all", "count_nonzero") else "composed"
    dcase(f"{fn}", fn, "", ["f64_3d"], getattr(np, fn)(X["f64_3d"]), ex)
    dcase(f"{fn}_axis", fn, "axis=1", ["f64_3d"], getattr(np, fn)(X["f64_3d"], axis=1), ex)
    dcase(f"{fn}_axis_neg", fn, "axis=-1", ["i64_a"], getattr(np, fn)(X["i64_a"], axis=-1), "composed" if fn in ("mean", "var", "std") else "exact")
for fn in ["nansum", "nanprod", "nanmin", "nanmax", "nanmean", "nanvar", "nanstd"]:
    ex = "exact" if fn in ("nanmin", "nanmax") else "composed"
    dcase(f"{fn}", fn, "", ["f64_nan"], getattr(np, fn)(X["f64_nan"]), ex)
    dcase(f"{fn}_axis", fn, "axis=0", ["f64_nan"], getattr(np, fn)(X["f64_nan"], axis=0), ex)
for fn in ["argmin", "argmax", "nanargmin", "nanargmax"]:
    src = "f64_nan" if fn.startswith("nan") else "f64_3d"
    dcase(fn, fn, "", [src], getattr(np, fn)(X[src]))
for fn in ["cumsum", "cumprod", "nancumsum", "nancumprod"]:
    src = "f64_nan" if fn.startswith("nan") else "f64_a"
    dcase(fn, fn, "", [src], getattr(np, fn)(X[src]), "composed")
dcase("median", "median", "", ["f64_3d"], np.median(X["f64_3d"]), "composed")
dcase("percentile_scalar", "percentile", "q=30", ["f64_a"], np.percentile(a, 30), "composed")
dcase("percentile_seq", "percentile", "qs=10,90", ["f64_3d"], np.percentile(X["f64_3d"], [10, 90]), "composed")
dcase("quantile_scalar", "quantile", "q=0.25", ["f64_3d"], np.quantile(X["f64_3d"], 0.25), "composed")
dcase("quantile_seq", "quantile", "qs=0.5,0.75", ["f64_a"], np.quantile(a, [0.5, 0.75]), "composed")
dcase("average", "average", "", ["f64_3d"], np.average(X["f64_3d"]), "composed")
dcase("cov", "cov", "", ["f64_a"], np.cov(a), "composed")
dcase("cov_1d", "cov", "", ["f64_v"], np.cov(X["f64_v"]), "composed")
dcase("corrcoef", "corrcoef", "", ["f64_n"], np.corrcoef(X["f64_n"]), "composed")
dcase("histogram", "histogram", "", ["f64_hist"], np.histogram(X["f64_hist"]), "composed")
dcase("histogram_bins", "histogram", "bins=6", ["f64_hist"], np.histogram(X["f64_hist"], 6), "composed")
dcase("histogram_bin_edges", "histogram_bin_edges", "", ["f64_hist"], np.histogram_bin_edges(X["f64_hist"]), "composed")
dcase("histogram_bin_edges_bins", "histogram_bin_edges", "bins=3", ["f64_hist"], np.histogram_bin_edges(X["f64_hist"], 3), "composed")
dcase("bincount", "bincount", "", ["i64_bins"], np.bincount(X["i64_bins"]))
dcase("digitize", "digitize", "", ["f64_needles", "f64_sorted"], np.digitize(X["f64_needles"], X["f64_sorted"]))
dcase("trace", "trace", "", ["f64_a"], np.trace(a), "composed")
dcase("trace_3d", "trace", "", ["f64_3d"], np.trace(X["f64_3d"]), "composed")
dcase("norm", "norm", "", ["f64_a"], np.linalg.norm(a), "composed")
dcase("tensordot", "tensordot", "", ["f64_a", "f64_b"], np.tensordot(a, b), "composed")
dcase("flip", "flip", "", ["f64_3d"], np.flip(X["f64_3d"]))
dcase("concatenate", "concatenate", "", ["f64_a", "i64_a"], np.concatenate((a, X["i64_a"])))
dcase("concat", "concat", "", ["f64_a", "f64_b"], np.concat((a, b)))
dcase("stack", "stack", "", ["f64_a", "f64_b"], np.stack((a, b)))
dcase("split", "split", "sections=3", ["f64_a"], np.split(a, 3))
dcase("split_idx", "split", "indices=1,2", ["f64_a"], np.split(a, [1, 2]))
dcase("array_split", "array_split", "sections=2", ["f64_v"], np.array_split(X["f64_v"], 2))
dcase("roll", "roll", "shift=3", ["f64_a"], np.roll(a, 3))
dcase("repeat", "repeat", "repeats=2", ["f64_a"], np.repeat(a, 2))
dcase("pad", "pad", "widths=1,2", ["i64_a"], np.pad(X["i64_a"], (1, 2)))
dcase("sort", "sort", "", ["f64_3d"], np.sort(X["f64_3d"]))
dcase("sort_f32", "sort", "", ["f32_sort"], np.sort(X["f32_sort"]))
dcase("sort_1d_nan", "sort", "", ["f64_dup"], np.sort(X["f64_dup"]))
dcase("argsort", "argsort", "", ["i32_dup"], np.argsort(X["i32_dup"], kind="stable"))
dcase("searchsorted", "searchsorted", "", ["f64_sorted", "f64_needles"], np.searchsorted(X["f64_sorted"], X["f64_needles"]))
dcase("take", "take", "", ["f64_a", "i64_idx"], np.take(a, X["i64_idx"]))
dcase("array_equal_t", "array_equal", "", ["f64_a", "f64_a"], np.array_equal(a, a))
dcase("array_equal_f", "array_equal", "", ["f64_special", "f64_special"], np.array_equal(X["f64_special"], X["f64_special"]))

W.finish(gs.stamp("generate_cases.py"))
