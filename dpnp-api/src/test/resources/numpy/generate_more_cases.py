"""Writes NumPy reference data for the set, editing, index-helper and array-information functions
of jdpx's dpnp-api (SetFunctions, EditFunctions, IndexFunctions, InfoFunctions).

Run from this folder:  python3 generate_more_cases.py
Writes more/*.npy (inputs and NumPy's outputs) and more/cases.txt, one case per line:
    name|function|arguments|input files|output files|tolerance class
as generate_cases.py does; MoreNumpyTest calls the Dpnp function of that NumPy name on every
device. Extra tolerance classes: partition (output 0 must satisfy NumPy's partition property for
the kth in the arguments, the golden being the sorted array), text (the output field is the
expected string itself).
"""
import warnings

import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

W = gs.CaseWriter(gs.beside(__file__, "more"))
rng = np.random.default_rng(20261205)
np.seterr(all="ignore")
warnings.simplefilter("ignore")
X = W.inputs
arr, case, text = W.arr, W.case, W.text


arr("f64_dup", np.array([3.0, -1.0, np.nan, 2.0, 3.0, -0.0, 0.0, -1.0, np.inf, 2.0, 2.0, np.nan]))
arr("f64_set", np.array([2.0, 5.0, -1.0, 7.5, 0.0, 2.0, 11.0]))
arr("f32_dup", X["f64_dup"].astype(np.float32))
arr("f32_set", X["f64_set"].astype(np.float32))
arr("i64_a", rng.integers(-5, 6, 17))
arr("i64_b", rng.integers(-3, 9, 11))
arr("i32_2d", rng.integers(-4, 5, (3, 5)).astype(np.int32))
arr("u_a", np.array([4, 1, 9, 3, 7]))
arr("u_b", np.array([3, 8, 1, 10]))
arr("f64_a", rng.standard_normal((4, 6)))
arr("f32_a", rng.standard_normal((4, 6)).astype(np.float32))
arr("f64_3d", rng.standard_normal((2, 3, 4)))
arr("i64_ties", rng.integers(0, 4, (3, 9)))
arr("k1", np.array([1, 0, 1, 2, 0, 1, 2, 2]))
arr("k2", np.array([5, 5, 3, 3, 4, 4, 1, 1]))
arr("k3", np.array([0, 1, 0, 1, 0, 1, 0, 1]))
arr("f32_k", np.array([0.5, -1.0, 0.5, 2.0, -1.0, 0.5, 3.0, 0.0], dtype=np.float32))
nan = rng.standard_normal((4, 5)); nan[0, 1] = nan[2, 0] = nan[2, 3] = nan[3, 4] = np.nan; nan[1, :] = np.nan
arr("f64_nan", nan)
arr("f32_nan", nan.astype(np.float32))
arr("f64_v", rng.standard_normal(7))
arr("f64_m", rng.standard_normal((3, 4)))
arr("i64_m", rng.integers(-9, 10, (3, 4)))
arr("f64_w", rng.standard_normal((2, 4)))
arr("f64_zeros", np.array([0.0, 0.0, 1.5, 0.0, -2.0, 0.0, 0.0]))
z2 = np.zeros((4, 5)); z2[1, 2] = 3.0; z2[2, 3] = -1.0
arr("f64_z2", z2)
arr("i64_idx", np.array([1, 5, -2, 1]))
arr("i64_wild", np.array([-7, 3, 14, 0, 25]))
arr("f64_vals", np.array([10.0, 20.0, 30.0]))
arr("b_mask", X["f64_m"] > 0)
arr("i64_choice", rng.integers(0, 3, (3, 4)))
arr("i64_choice_wild", np.array([[-1, 4, 2, 0], [5, 1, -4, 3], [0, 0, 7, 2]]))
arr("f64_c0", rng.standard_normal((3, 4)))
arr("f64_c1", rng.standard_normal(4))
arr("f64_c2", rng.standard_normal((3, 1)))
arr("b_cond", np.array([True, False, True]))
arr("b_cond4", np.array([False, True, True, False]))
arr("f64_sq", rng.standard_normal((4, 4)))
arr("f64_tall", rng.standard_normal((7, 3)))
arr("f64_cube", rng.standard_normal((3, 3, 3)))
arr("i64_along", rng.integers(0, 4, (3, 2)))
arr("f64_along_vals", rng.standard_normal((3, 2)))
arr("i64_r0", np.array([0, 2, 1, 2]))
arr("i64_r1", np.array([3, 0, 4, 1]))
arr("i64_r1_wild", np.array([5, -1, 4, 9]))
arr("i64_flat", np.array([0, 7, 11, 5, 19]))
arr("i64_ix0", np.array([0, 2]))
arr("b_ix1", np.array([True, False, True, True]))
arr("b_bits", rng.integers(0, 2, (3, 11)).astype(bool))
arr("i64_bits", rng.integers(0, 3, 13))
arr("u8_bytes", rng.integers(0, 256, (2, 3)).astype(np.uint8))
arr("f64_fin", rng.standard_normal(5))

a = X["f64_a"]

# ---- set routines
# -0.0 and 0.0 are one value to the set routines; which of them survives is up to NumPy's (unstable) sort, so
# these float cases use the ulp class, in which a zero's sign does not count.
for t in ("f64", "f32"):
    d, s = X[f"{t}_dup"], X[f"{t}_set"]
    case(f"union1d_{t}", "union1d", "", [f"{t}_dup", f"{t}_set"], np.union1d(d, s), "ulp")
    case(f"intersect1d_{t}", "intersect1d", "", [f"{t}_dup", f"{t}_set"], np.intersect1d(d, s), "ulp")
    case(f"setdiff1d_{t}", "setdiff1d", "", [f"{t}_set", f"{t}_dup"], np.setdiff1d(s, d), "ulp")
    case(f"setxor1d_{t}", "setxor1d", "", [f"{t}_dup", f"{t}_set"], np.setxor1d(d, s), "ulp")
    arr(f"{t}_nozero", s[s != 0])
    case(f"intersect1d_idx_{t}", "intersect1d", "return_indices=1", [f"{t}_dup", f"{t}_nozero"],
         list(np.intersect1d(d, X[f"{t}_nozero"], return_indices=True)))
    case(f"isin_{t}", "isin", "", [f"{t}_dup", f"{t}_set"], np.isin(d, s))
    case(f"isin_invert_{t}", "isin", "invert=1", [f"{t}_set", f"{t}_dup"], np.isin(s, d, invert=True))
case("union1d_i64", "union1d", "", ["i64_a", "i64_b"], np.union1d(X["i64_a"], X["i64_b"]))
case("intersect1d_i64", "intersect1d", "", ["i64_a", "i64_b"], np.intersect1d(X["i64_a"], X["i64_b"]))
case("intersect1d_unique_idx", "intersect1d", "assume_unique=1;return_indices=1", ["u_a", "u_b"],
     list(np.intersect1d(X["u_a"], X["u_b"], assume_unique=True, return_indices=True)))
case("setdiff1d_unique", "setdiff1d", "assume_unique=1", ["u_a", "u_b"], np.setdiff1d(X["u_a"], X["u_b"], assume_unique=True))
case("setdiff1d_i64", "setdiff1d", "", ["i64_a", "i64_b"], np.setdiff1d(X["i64_a"], X["i64_b"]))
case("setxor1d_i64", "setxor1d", "", ["i64_a", "i64_b"], np.setxor1d(X["i64_a"], X["i64_b"]))
case("setxor1d_unique", "setxor1d", "assume_unique=1", ["u_a", "u_b"], np.setxor1d(X["u_a"], X["u_b"], assume_unique=True))
case("isin_2d_table", "isin", "kind=table", ["i32_2d", "i64_b"], np.isin(X["i32_2d"], X["i64_b"], kind="table"))
case("isin_mixed", "isin", "", ["i64_a", "f64_set"], np.isin(X["i64_a"], X["f64_set"]))

# ---- partition (goldens are the arrays sorted along the axis, that axis moved last; the test checks the partition
#      property) and lexsort
case("partition_last", "partition", "kth=2;axis=-1", ["f64_a"], np.sort(a, axis=-1), "partition")
case("partition_list0", "partition", "kth=0,3;axis=0", ["f64_a"], np.moveaxis(np.sort(a, axis=0), 0, -1), "partition")
case("partition_flat", "partition", "kth=-1;axis=", ["f64_3d"], np.sort(X["f64_3d"], axis=None), "partition")
case("partition_f32", "partition", "kth=1,4;axis=1", ["f32_a"], np.sort(X["f32_a"], axis=1), "partition")
case("partition_ties", "partition", "kth=4;axis=1", ["i64_ties"], np.sort(X["i64_ties"], axis=1), "partition")
n9 = np.broadcast_to(np.arange(9), (3, 9))
case("argpartition_ties", "argpartition", "kth=4;axis=1", ["i64_ties"], [np.sort(X["i64_ties"], axis=1), n9], "partition")
case("argpartition_f32", "argpartition", "kth=0,5;axis=-1", ["f32_a"],
     [np.sort(X["f32_a"], axis=-1), np.broadcast_to(np.arange(6), (4, 6))], "partition")
case("lexsort2", "lexsort", "", ["k1", "k2"], np.lexsort((X["k1"], X["k2"])))
case("lexsort3", "lexsort", "", ["k3", "k1", "k2"], np.lexsort((X["k3"], X["k1"], X["k2"])))
case("lexsort_f32", "lexsort", "", ["k1", "f32_k"], np.lexsort((X["k1"], X["f32_k"])))
case("lexsort_axis0", "lexsort", "axis=0", ["i64_ties", "i64_ties"], np.lexsort((X["i64_ties"], X["i64_ties"]), axis=0))

# ---- nan quantiles
for t in ("f64", "f32"):
    x = X[f"{t}_nan"]
    case(f"nanmedian_all_{t}", "nanmedian", "axis=;keepdims=0", [f"{t}_nan"], np.nanmedian(x), "composed")
    case(f"nanmedian_1_{t}", "nanmedian", "axis=1;keepdims=0", [f"{t}_nan"], np.nanmedian(x, axis=1), "composed")
    case(f"nanmedian_0k_{t}", "nanmedian", "axis=0;keepdims=1", [f"{t}_nan"], np.nanmedian(x, axis=0, keepdims=True), "composed")
    case(f"nanpercentile_{t}", "nanpercentile", "q=0,25,50,90,100;axis=1;keepdims=0", [f"{t}_nan"],
         np.nanpercentile(x, [0, 25, 50, 90, 100], axis=1), "composed")
    case(f"nanpercentile_scalar_{t}", "nanpercentile", "q=37;scalar=1;axis=;keepdims=1", [f"{t}_nan"],
         np.nanpercentile(x, 37, keepdims=True), "composed")
    for m in ("linear", "lower", "higher", "nearest", "midpoint"):
        case(f"nanquantile_{m}_{t}", "nanquantile", f"q=0.1,0.3,0.5,0.75;axis=1;keepdims=0;method={m}", [f"{t}_nan"],
             np.nanquantile(x, [0.1, 0.3, 0.5, 0.75], axis=1, method=m), "composed")
case("nanquantile_i64", "nanquantile", "q=0.4;scalar=1;axis=0;keepdims=0", ["i64_m"], np.nanquantile(X["i64_m"], 0.4, axis=0), "composed")
case("nanmedian_3d", "nanmedian", "axis=2;keepdims=0", ["f64_3d"], np.nanmedian(X["f64_3d"], axis=2), "composed")

# ---- editing
m, v = X["f64_m"], X["f64_v"]
case("append_flat", "append", "axis=", ["f64_m", "f64_v"], np.append(m, v))
case("append_0", "append", "axis=0", ["f64_m", "f64_w"], np.append(m, X["f64_w"], axis=0))
case("insert_scalar", "insert", "obj=2;value=9.5;axis=", ["f64_m"], np.insert(m, 2, 9.5))
case("insert_axis1", "insert", "obj=1;axis=1", ["f64_m", "f64_vals"], np.insert(m, 1, X["f64_vals"], axis=1))
case("insert_list", "insert", "obj=3,0,3,-1;value=-4;axis=1", ["f64_m"], np.insert(m, [3, 0, 3, -1], -4, axis=1))
case("insert_list0", "insert", "obj=1,1;axis=0", ["f64_m", "f64_w"], np.insert(m, [1, 1], X["f64_w"], axis=0))
case("insert_i64", "insert", "obj=-1;value=7;axis=0", ["i64_m"], np.insert(X["i64_m"], -1, 7, axis=0))
case("delete_one", "delete", "obj=1;axis=1", ["f64_m"], np.delete(m, 1, axis=1))
case("delete_list", "delete", "obj=0,-1,3;axis=", ["f64_m"], np.delete(m, [0, -1, 3]))
case("delete_rows", "delete", "obj=2,0;axis=0", ["i64_m"], np.delete(X["i64_m"], [2, 0], axis=0))
case("resize_up", "resize", "shape=5,4", ["f64_v"], np.resize(v, (5, 4)))
case("resize_down", "resize", "shape=2,3", ["i64_m"], np.resize(X["i64_m"], (2, 3)))
case("trim_zeros_fb", "trim_zeros", "trim=fb", ["f64_zeros"], np.trim_zeros(X["f64_zeros"]))
case("trim_zeros_f", "trim_zeros", "trim=f", ["f64_zeros"], np.trim_zeros(X["f64_zeros"], "f"))
case("trim_zeros_b", "trim_zeros", "trim=b", ["f64_zeros"], np.trim_zeros(X["f64_zeros"], "b"))
case("trim_zeros_2d", "trim_zeros", "trim=fb", ["f64_z2"], np.trim_zeros(X["f64_z2"]))
case("trim_zeros_2d_ax1", "trim_zeros", "trim=fb;axes=1", ["f64_z2"], np.trim_zeros(X["f64_z2"], axis=1))
case("block_2x2", "block", "", ["f64_sq", "f64_m", "f64_w", "i64_m"],
     np.block([[X["f64_sq"][:2, :2], X["f64_m"][:2]], [X["f64_w"][:, :2], X["i64_m"][:2]]]))
for k in (1, 2, 3, -1):
    case(f"rot90_{k}".replace("-", "m"), "rot90", f"k={k};axes=0,1", ["f64_m"], np.rot90(m, k))
case("rot90_axes", "rot90", "k=1;axes=2,0", ["f64_3d"], np.rot90(X["f64_3d"], 1, (2, 0)))
case("rollaxis", "rollaxis", "axis=2;start=0", ["f64_3d"], np.rollaxis(X["f64_3d"], 2))
case("rollaxis_start", "rollaxis", "axis=0;start=3", ["f64_3d"], np.rollaxis(X["f64_3d"], 0, 3))
case("unstack", "unstack", "axis=1", ["f64_3d"], list(np.unstack(X["f64_3d"], axis=1)))
w = m.copy(); np.copyto(w, X["f64_c1"], where=X["b_mask"])
case("copyto_where", "copyto", "casting=same_kind", ["f64_m", "f64_c1", "b_mask"], w)
w = X["i64_m"].copy(); np.copyto(w, 3)
case("copyto_scalar", "copyto", "casting=same_kind;value=3", ["i64_m"], w)
w = m.copy(); np.copyto(w, X["i64_m"])
case("copyto_int", "copyto", "casting=same_kind", ["f64_m", "i64_m"], w)
for mode in ("raise", "wrap", "clip"):
    w = m.copy()
    idx = X["i64_idx"] if mode == "raise" else X["i64_wild"]
    np.put(w, idx, X["f64_vals"], mode=mode)
    case(f"put_{mode}", "put", f"mode={mode}", ["f64_m", "i64_idx" if mode == "raise" else "i64_wild", "f64_vals"], w)
w = X["i64_m"].copy(); np.put(w, [0, 2], 5)
case("put_i64_scalar", "put", "mode=raise;value=5", ["i64_m", "i64_ix0"], w)
w = m.copy(); np.put_along_axis(w, X["i64_along"], X["f64_along_vals"], axis=1)
case("put_along_axis", "put_along_axis", "axis=1", ["f64_m", "i64_along", "f64_along_vals"], w)
arr("i64_along0", np.array([[2, 0]]))
arr("f64_m2", m[:, :2].copy())
w = X["f64_m2"].copy(); np.put_along_axis(w, X["i64_along0"], 0.5, axis=0)
case("put_along_axis0", "put_along_axis", "axis=0;value=0.5", ["f64_m2", "i64_along0"], w)
w = m.copy(); np.putmask(w, X["b_mask"], X["f64_vals"])
case("putmask", "putmask", "", ["f64_m", "b_mask", "f64_vals"], w)
w = X["i64_m"].copy(); np.putmask(w, X["b_mask"], X["i64_m"] * 10)
arr("i64_m10", X["i64_m"] * 10)
case("putmask_same", "putmask", "", ["i64_m", "b_mask", "i64_m10"], w)
w = m.copy(); np.place(w, X["b_mask"], X["f64_vals"][:2])
arr("f64_vals2", X["f64_vals"][:2])
case("place", "place", "", ["f64_m", "b_mask", "f64_vals2"], w)
case("choose", "choose", "mode=raise", ["i64_choice", "f64_c0", "f64_c1", "f64_c2"],
     np.choose(X["i64_choice"], [X["f64_c0"], X["f64_c1"], X["f64_c2"]]))
for mode in ("wrap", "clip"):
    case(f"choose_{mode}", "choose", f"mode={mode}", ["i64_choice_wild", "f64_c0", "f64_c1", "f64_c2"],
         np.choose(X["i64_choice_wild"], [X["f64_c0"], X["f64_c1"], X["f64_c2"]], mode=mode))
case("compress_0", "compress", "axis=0", ["b_cond", "f64_m"], np.compress(X["b_cond"], m, axis=0))
case("compress_1", "compress", "axis=1", ["b_cond", "f64_m"], np.compress(X["b_cond"], m, axis=1))
case("compress_flat", "compress", "axis=", ["b_cond4", "f64_m"], np.compress(X["b_cond4"], m))
for nm, wrap, val in (("f64_sq", 0, "2.5"), ("f64_tall", 0, "-1"), ("f64_tall", 1, "-1"), ("f64_cube", 0, "7")):
    w = X[nm].copy(); np.fill_diagonal(w, float(val), wrap=bool(wrap))
    case(f"fill_diagonal_{nm}_{wrap}", "fill_diagonal", f"value={val};wrap={wrap}", [nm], w)
w = X["f64_tall"].copy(); np.fill_diagonal(w, X["f64_vals"][:2], wrap=True)
case("fill_diagonal_array", "fill_diagonal", "wrap=1", ["f64_tall", "f64_vals2"], w)
case("apply_along_axis_sum", "apply_along_axis", "func=sum;axis=1", ["f64_3d"], np.apply_along_axis(np.sum, 1, X["f64_3d"]), "composed")
case("apply_along_axis_sort", "apply_along_axis", "func=sort;axis=0", ["f64_3d"], np.apply_along_axis(np.sort, 0, X["f64_3d"]))
case("apply_along_axis_outer", "apply_along_axis", "func=outer;axis=2", ["f64_3d"],
     np.apply_along_axis(lambda r: np.outer(r, r[:2]), 2, X["f64_3d"]), "ulp")
case("apply_over_axes", "apply_over_axes", "axes=0,2", ["f64_3d"], np.apply_over_axes(np.sum, X["f64_3d"], [0, 2]), "composed")
case("fromfunction", "fromfunction", "shape=3,4", [], np.fromfunction(lambda i, j: i + 2 * j, (3, 4)))
case("fromiter", "fromiter", "count=5;dtype=int64", [], np.fromiter(range(3, 30, 3), dtype=np.int64, count=5))
case("fromiter_f", "fromiter", "count=-1;dtype=float64", [], np.fromiter((k / 4 for k in range(6)), dtype=np.float64))
xv = X["f64_v"]
case("piecewise", "piecewise", "", ["f64_v"], np.piecewise(xv, [xv < -0.5, xv > 0.5], [lambda t: -t, lambda t: t * t, 0.25]), "ulp")

# ---- index helpers
case("diag_indices", "diag_indices", "n=4;ndim=3", [], list(np.diag_indices(4, 3)))
case("diag_indices_from", "diag_indices_from", "", ["f64_cube"], list(np.diag_indices_from(X["f64_cube"])))
case("tril_indices", "tril_indices", "n=4;k=-1;m=5", [], list(np.tril_indices(4, -1, 5)))
case("triu_indices", "triu_indices", "n=3;k=1;m=5", [], list(np.triu_indices(3, 1, 5)))
case("tril_indices_from", "tril_indices_from", "k=1", ["f64_m"], list(np.tril_indices_from(m, 1)))
case("triu_indices_from", "triu_indices_from", "k=0", ["f64_m"], list(np.triu_indices_from(m)))
case("mask_indices", "mask_indices", "n=4;k=1", [], list(np.mask_indices(4, np.triu, 1)))
case("ravel_multi_index", "ravel_multi_index", "dims=3,5;mode=raise;order=C", ["i64_r0", "i64_r1"],
     np.ravel_multi_index((X["i64_r0"], X["i64_r1"]), (3, 5)))
case("ravel_multi_index_F", "ravel_multi_index", "dims=3,5;mode=raise;order=F", ["i64_r0", "i64_r1"],
     np.ravel_multi_index((X["i64_r0"], X["i64_r1"]), (3, 5), order="F"))
case("ravel_multi_index_modes", "ravel_multi_index", "dims=3,5;mode=clip,wrap;order=C", ["i64_r0", "i64_r1_wild"],
     np.ravel_multi_index((X["i64_r0"], X["i64_r1_wild"]), (3, 5), mode=("clip", "wrap")))
case("unravel_index", "unravel_index", "shape=4,5;order=C", ["i64_flat"], list(np.unravel_index(X["i64_flat"], (4, 5))))
case("unravel_index_F", "unravel_index", "shape=2,5,2;order=F", ["i64_flat"], list(np.unravel_index(X["i64_flat"], (2, 5, 2), order="F")))
case("ix_", "ix_", "", ["i64_ix0", "b_ix1"], list(np.ix_(X["i64_ix0"], X["b_ix1"])))
case("packbits", "packbits", "axis=;bitorder=big", ["b_bits"], np.packbits(X["b_bits"]))
case("packbits_1", "packbits", "axis=1;bitorder=big", ["b_bits"], np.packbits(X["b_bits"], axis=1))
case("packbits_little", "packbits", "axis=0;bitorder=little", ["i64_bits"], np.packbits(X["i64_bits"], axis=0, bitorder="little"))
case("unpackbits", "unpackbits", "axis=;bitorder=big", ["u8_bytes"], np.unpackbits(X["u8_bytes"]))
case("unpackbits_1", "unpackbits", "axis=1;count=10;bitorder=little", ["u8_bytes"], np.unpackbits(X["u8_bytes"], axis=1, count=10, bitorder="little"))
case("unpackbits_neg", "unpackbits", "axis=0;count=-3;bitorder=big", ["u8_bytes"], np.unpackbits(X["u8_bytes"], axis=0, count=-3))
case("unpackbits_pad", "unpackbits", "axis=1;count=30;bitorder=big", ["u8_bytes"], np.unpackbits(X["u8_bytes"], axis=1, count=30))

# ---- array information (views are described by a basic index applied to input 0)
d3 = X["f64_3d"]
case("shape", "shape", "", ["f64_3d"], np.array(np.shape(d3), dtype=np.int64))
case("size", "size", "axis=", ["f64_3d"], np.array(np.size(d3), dtype=np.int64))
case("size_axis", "size", "axis=-1", ["f64_3d"], np.array(np.size(d3, -1), dtype=np.int64))
case("ndim", "ndim", "", ["f64_3d"], np.array(np.ndim(d3), dtype=np.int64))
for na, nb in ((":,0", ":,1"), ("::2", "1::2"), ("0", "0,1:"), (":,:,1:3", ":,:,2"), ("...", "1")):
    ex = lambda s: d3[eval("np.s_[" + s + "]")]
    case(f"shares_{na}_{nb}".replace(":", "c").replace(",", "_").replace(".", "d"), "shares_memory", f"a={na};b={nb}", ["f64_3d"],
         [np.array(np.may_share_memory(ex(na), ex(nb))), np.array(np.shares_memory(ex(na), ex(nb)))])
case("broadcast_shapes", "broadcast_shapes", "shapes=3,1,4:1,5,1:5,4", [], np.array(np.broadcast_shapes((3, 1, 4), (1, 5, 1), (5, 4)), dtype=np.int64))
for nm, ix in (("c", "..."), ("t", "T"), ("s", ":,::2")):
    y = X["f64_m"] if ix == "..." else X["f64_m"].T if ix == "T" else X["f64_m"][:, ::2]
    case(f"isfortran_{nm}", "isfortran", f"view={ix}", ["f64_m"], np.array(np.isfortran(y)))
    case(f"ascontiguousarray_{nm}", "ascontiguousarray", f"view={ix}", ["f64_m"],
         [np.ascontiguousarray(y), np.array(np.ascontiguousarray(y).flags.c_contiguous)])
    case(f"asfortranarray_{nm}", "asfortranarray", f"view={ix}", ["f64_m"],
         [np.asfortranarray(y), np.array(np.asfortranarray(y).flags.f_contiguous)])
    case(f"require_{nm}", "require", f"view={ix};req=F,O;dtype=float32", ["f64_m"],
         [np.require(y, np.float32, ["F", "O"]), np.array(np.require(y, np.float32, ["F", "O"]).flags.f_contiguous)])
case("asanyarray", "asanyarray", "", ["i64_m"], np.asanyarray(X["i64_m"]))
case("asarray_chkfinite", "asarray_chkfinite", "", ["f64_fin"], np.asarray_chkfinite(X["f64_fin"]))
case("isscalar", "isscalar", "", ["f64_fin"], [np.array(np.isscalar(3.5)), np.array(np.isscalar(7)), np.array(np.isscalar("s")),
                                           np.array(np.isscalar(X["f64_fin"])), np.array(np.isscalar(np.array(2.0)))])
case("iterable", "iterable", "", ["f64_fin"], [np.array(np.iterable(X["f64_fin"])), np.array(np.iterable(np.array(2.0))),
                                           np.array(np.iterable([1, 2])), np.array(np.iterable(3))])
for num, base, pad in ((255, 16, 0), (-37, 3, 2), (0, 2, 0), (0, 5, 3), (123456789, 36, 1), (-5, 2, 0)):
    text(f"base_repr_{num}_{base}_{pad}".replace("-", "m"), "base_repr", f"number={num};base={base};padding={pad}",
         np.base_repr(num, base, pad))
for num, width in ((10, None), (-10, None), (-10, 8), (5, 8), (-128, 8), (0, None), (-1, 4)):
    text(f"binary_repr_{num}_{width}".replace("-", "m"), "binary_repr", f"num={num};width={'' if width is None else width}",
         np.binary_repr(num, width))

# ---- printing: text cases with inputs; float64 inputs also carry the text of their float32 copy (want32), which a
#      device without fp64 prints
def esc(t):
    return t.replace("\\", "\\\\").replace("\n", "\\n")


def printed(name, ins, value, **kw):
    for fn, f in (("array_repr", np.array_repr), ("array_str", np.array_str)):
        alt = f"want32={esc(f(value.astype(np.float32)))}" if value.dtype == np.float64 else ""
        text(f"{fn}_{name}", fn, alt, esc(f(value)), ins)
    alt = f"want32={esc(np.array2string(value.astype(np.float32), **kw))}" if value.dtype == np.float64 else ""
    text(f"array2string_{name}", "array2string", alt, esc(np.array2string(value, **kw)), ins)


arr("f64_print_small", np.array([[1.5, -2.25, 3], [1e-5, 2, 3]]))
arr("f64_print_special", np.array([1.0, np.nan, -np.inf, -0.0]))
arr("f64_print_wide", np.linspace(-3, 3, 25))
arr("f64_print_big", np.arange(2400.).reshape(40, 60) - 7.5)
arr("f64_print_exp", np.array([1e-20, 1e100, 3.0]))
arr("i64_print", np.arange(-5, 1200))
arr("i32_print", np.array([[1, -20], [300, 4]], dtype=np.int32))
arr("b_print", np.array([True, False, True]))
arr("f32_print", rng.standard_normal((3, 5)).astype(np.float32))
arr("f64_print_0d", np.array(3.5))
arr("f64_print_empty", np.zeros((0, 3)))
kw = dict(separator=", ", prefix="xx(", precision=3)
for nm in ("f64_print_small", "f64_print_special", "f64_print_wide", "f64_print_big", "f64_print_exp", "i64_print", "i32_print",
           "b_print", "f32_print", "f64_print_0d", "f64_print_empty"):
    printed(nm, [nm], X[nm], **kw)
with np.printoptions(precision=3, linewidth=40, threshold=10, edgeitems=2, suppress=True):
    for nm in ("f64_print_small", "f64_print_wide", "f64_print_exp"):
        text(f"printoptions_{nm}", "printoptions", f"want32={esc(np.array_repr(X[nm].astype(np.float32)))}", esc(np.array_repr(X[nm])), [nm])

# ---- format_float_positional / format_float_scientific (f32=1: the value is a float32)
ffp = [dict(x=1.0), dict(x=1.0, trim="."), dict(x=1.0, trim="0"), dict(x=1.0, trim="-"), dict(x=1.5, precision=3, unique=False),
       dict(x=1.5, precision=3, unique=False, trim="-"), dict(x=0.1, min_digits=20), dict(x=-0.0),
       dict(x=3.14159, precision=2, sign=True, pad_left=4, pad_right=5), dict(x=123.456, precision=2, fractional=False),
       dict(x=float("nan")), dict(x=float("-inf")), dict(x=0.1, f32=1), dict(x=1e20), dict(x=0.000012345, precision=3),
       dict(x=1.96, precision=1), dict(x=1.04, precision=1), dict(x=2.0004, precision=3), dict(x=0.0005, precision=3),
       dict(x=0.001234, precision=2, fractional=False), dict(x=0.1, f32=1, min_digits=12), dict(x=2.5, precision=0, unique=False),
       dict(x=2.5, precision=0), dict(x=0.125, precision=2), dict(x=0.375, precision=2)]
ffs = [dict(x=1e5), dict(x=1.0), dict(x=123.456, precision=2), dict(x=0.1, min_digits=20), dict(x=1.5, precision=4, unique=False),
       dict(x=1.5, precision=4, unique=False, trim="-"), dict(x=-1e-300, exp_digits=4, sign=True, pad_left=3), dict(x=3.3, f32=1),
       dict(x=0.0), dict(x=9.999, precision=2), dict(x=float("nan")), dict(x=1.0, trim="0"), dict(x=1.0, trim="-"),
       dict(x=1.0004, precision=2), dict(x=1.2051, precision=2), dict(x=0.1, f32=1, min_digits=8), dict(x=9.96, precision=1, unique=False),
       dict(x=2.5, precision=0), dict(x=0.125, precision=1), dict(x=0.0005, precision=0)]
for fn, f, cases in (("format_float_positional", np.format_float_positional, ffp),
                     ("format_float_scientific", np.format_float_scientific, ffs)):
    for k, c in enumerate(cases):
        c = dict(c)
        f32 = c.pop("f32", 0)
        x = np.float32(c["x"]) if f32 else c["x"]
        args = ";".join(f"{key}={'' if v is None else repr(v) if key == 'x' else v}" for key, v in c.items())
        text(f"{fn}_{k}", fn, args + f";f32={f32}", f(x, **{key: v for key, v in c.items() if key != "x"}))

W.finish(gs.stamp("generate_more_cases.py", "NumPy"))
