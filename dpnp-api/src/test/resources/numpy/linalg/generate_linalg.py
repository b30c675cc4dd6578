"""Writes NumPy reference data for jdpx's numpy.linalg differential tests (LinalgNumpyTest).

Run from this folder:  python3 generate_linalg.py
Writes cases/*.npy (inputs and NumPy's outputs) and cases/cases.txt, one case per line:
    name|function|arguments|input files|output files
Arguments are key=value pairs separated by ';'. T=1 means the Java side passes the first input
transposed (a strided view of its last two axes) and NumPy's result is that of a.T. Outputs with
a sign or basis freedom (U and V of svd, eigh's vectors, lstsq on rank-deficient input) are not
written here; the Java test checks them by residuals instead.
"""
import os
import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

W = gs.CaseWriter(gs.beside(__file__, "cases"), tol=None)
OUT = W.folder
rng = np.random.default_rng(20261204)
arr, case = W.save, W.case


def order(o):
    """A norm order as the case file spells it: none, fro, nuc, inf, -inf or a number."""
    return {"none": None, "fro": "fro", "nuc": "nuc", "inf": np.inf, "-inf": -np.inf}[o] if o in (
        "none", "fro", "nuc", "inf", "-inf") else (int(o) if o.lstrip("-").isdigit() else float(o))


def general(shape):
    """Well-conditioned square matrices: eigenvalues within a disc of radius ~1 around 2."""
    n = shape[-1]
    return rng.standard_normal(shape) / np.sqrt(max(n, 1)) + 2 * np.eye(n)


def spd(shape):
    n = shape[-1]
    m = rng.standard_normal(shape)
    return m @ np.swapaxes(m, -1, -2) / n + np.eye(n)


# ---- LU family: solve, inv, det, slogdet
for n in (1, 7, 33, 257):
    a = arr(f"gen{n}", general((n, n)))
    b = arr(f"vec{n}", rng.standard_normal(n))
    A = np.load(os.path.join(OUT, a + ".npy"))
    B = np.load(os.path.join(OUT, b + ".npy"))
    case(f"solve_vec_{n}", "solve", "", [a, b], np.linalg.solve(A, B))
    if n <= 33:
        bm = arr(f"rhs{n}", rng.standard_normal((n, 3)))
        BM = np.load(os.path.join(OUT, bm + ".npy"))
        case(f"solve_mat_{n}", "solve", "", [a, bm], np.linalg.solve(A, BM))
        case(f"solve_T_{n}", "solve", "T=1", [a, bm], np.linalg.solve(A.T, BM))
        case(f"inv_{n}", "inv", "", [a], np.linalg.inv(A))
        case(f"inv_T_{n}", "inv", "T=1", [a], np.linalg.inv(A.T))
        case(f"det_{n}", "det", "", [a], np.linalg.det(A))
    case(f"slogdet_{n}", "slogdet", "", [a], list(np.linalg.slogdet(A)))
A = general((3, 7, 7)); a = arr("gen_b3x7", A)
B = rng.standard_normal((3, 7, 2)); b = arr("rhs_b3x7", B)
case("solve_batched", "solve", "", [a, b], np.linalg.solve(A, B))
V = rng.standard_normal(7); v = arr("vec7b", V)
case("solve_batched_vec", "solve", "", [a, v], np.linalg.solve(A, V))
case("inv_batched", "inv", "", [a], np.linalg.inv(A))
case("det_batched", "det", "", [a], np.linalg.det(A))
case("slogdet_batched", "slogdet", "", [a], list(np.linalg.slogdet(A)))
S = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]]); s = arr("singular3", S)
case("det_singular", "det", "", [s], np.linalg.det(S))
I = rng.integers(-5, 6, (4, 4)); ii = arr("int4", I)
case("det_int", "det", "", [ii], np.linalg.det(I))
A32 = general((7, 7)).astype(np.float32); a = arr("gen7_f32", A32)
case("inv_f32", "inv", "", [a], np.linalg.inv(A32))
V32 = np.load(os.path.join(OUT, "vec7.npy")).astype(np.float32)
case("solve_f32", "solve", "", [a, arr("vec7_f32", V32)], np.linalg.solve(A32, V32))

# ---- Cholesky
for n in (1, 7, 33, 257):
    P = spd((n, n)); p = arr(f"spd{n}", P)
    case(f"cholesky_{n}", "cholesky", "", [p], np.linalg.cholesky(P))
    if n <= 33:
        case(f"cholesky_upper_{n}", "cholesky", "upper=1", [p], np.linalg.cholesky(P, upper=True))
P = spd((2, 7, 7)); p = arr("spd_b2x7", P)
case("cholesky_batched", "cholesky", "", [p], np.linalg.cholesky(P))

# ---- QR (R is unique with LAPACK's sign convention; so is Q for full column rank)
for shape in ((7, 7), (33, 7), (7, 33), (1, 7), (7, 1), (257, 7), (2, 7, 5), (40, 40)):
    X = rng.standard_normal(shape); x = arr("qr_" + "x".join(map(str, shape)), X)
    tag = "x".join(map(str, shape))
    for mode in ("reduced", "complete", "r"):
        r = np.linalg.qr(X, mode=mode)
        outs = [r] if mode == "r" else list(r)
        if shape[-2] > shape[-1] and mode == "complete":
            outs = [outs[1]]  # the completion of Q is not unique; R is
            mode = "complete_r"
        case(f"qr_{mode}_{tag}", "qr", f"mode={mode}", [x], outs)
X = rng.standard_normal((9, 6)); x = arr("qr_T_6x9", X)
case("qr_T", "qr", "mode=reduced;T=1", [x], list(np.linalg.qr(X.T)))

# ---- symmetric eigenvalues, singular values
for n in (1, 7, 33):
    H = rng.standard_normal((n, n)); h = arr(f"sym{n}", H)
    case(f"eigvalsh_{n}", "eigvalsh", "UPLO=L", [h], np.linalg.eigvalsh(H))
    case(f"eigvalsh_U_{n}", "eigvalsh", "UPLO=U", [h], np.linalg.eigvalsh(H, UPLO="U"))
H = rng.standard_normal((3, 6, 6)); h = arr("sym_b3x6", H)
case("eigvalsh_batched", "eigvalsh", "UPLO=L", [h], np.linalg.eigvalsh(H))
for shape in ((1, 1), (7, 7), (33, 7), (7, 33), (1, 7), (257, 7), (2, 5, 3), (33, 33)):
    X = rng.standard_normal(shape); tag = "x".join(map(str, shape)); x = arr("sv_" + tag, X)
    case(f"svdvals_{tag}", "svdvals", "", [x], np.linalg.svd(X, compute_uv=False))
case("svdvals_T", "svdvals", "T=1", ["sv_33x7"], np.linalg.svd(np.load(os.path.join(OUT, "sv_33x7.npy")).T, compute_uv=False))
R3 = rng.standard_normal((7, 3)) @ rng.standard_normal((3, 5)); r3 = arr("rank3_7x5", R3)
case("svdvals_rank3", "svdvals", "", [r3], np.linalg.svd(R3, compute_uv=False))

# ---- built on the SVD
X = np.load(os.path.join(OUT, "sv_33x7.npy"))
for k, b in enumerate((rng.standard_normal(33), rng.standard_normal((33, 2)))):
    bb = arr(f"lsq_b{k}", b)
    x, res, rank, sv = np.linalg.lstsq(X, b, rcond=None)
    case(f"lstsq_{k}", "lstsq", "", ["sv_33x7", bb], [x, res, np.int64(rank), sv])
x, res, rank, sv = np.linalg.lstsq(R3, np.ones(7), rcond=None)
case("lstsq_rank3", "lstsq", "", [r3, arr("ones7", np.ones(7))], [x, res, np.int64(rank), sv])
case("pinv_7x5", "pinv", "", ["sv_2x5x3"], np.linalg.pinv(np.load(os.path.join(OUT, "sv_2x5x3.npy"))))
case("pinv_33x7", "pinv", "", ["sv_33x7"], np.linalg.pinv(X))
case("pinv_rank3", "pinv", "rcond=1e-5", [r3], np.linalg.pinv(R3, rcond=1e-5))
case("matrix_rank_full", "matrix_rank", "", ["sv_33x7"], np.linalg.matrix_rank(X))
case("matrix_rank_3", "matrix_rank", "", [r3], np.linalg.matrix_rank(R3))
case("matrix_rank_batched", "matrix_rank", "", ["sv_2x5x3"], np.linalg.matrix_rank(np.load(os.path.join(OUT, "sv_2x5x3.npy"))))
case("matrix_rank_1d", "matrix_rank", "", ["vec7"], np.linalg.matrix_rank(np.load(os.path.join(OUT, "vec7.npy"))))

# ---- norms and condition numbers
M = rng.standard_normal((7, 5)); m = arr("norm_7x5", M)
for o in ("none", "fro", "nuc", "1", "-1", "2", "-2", "inf", "-inf"):
    ordv = order(o)
    case(f"norm_mat_{o}", "norm", f"ord={o}", [m], np.linalg.norm(M, ordv))
V = np.load(os.path.join(OUT, "vec33.npy"))
for o in ("none", "inf", "-inf", "0", "1", "2", "3", "-1", "0.5"):
    ordv = order(o)
    case(f"norm_vec_{o}", "norm", f"ord={o}", ["vec33"], np.linalg.norm(V, ordv))
T3 = rng.standard_normal((3, 4, 5)); t3 = arr("norm_3x4x5", T3)
for o in ("2", "nuc", "-2", "1"):
    ordv = order(o)
    case(f"norm_axes_{o}", "norm", f"ord={o};axes=2,0;keepdims=1", [t3], np.linalg.norm(T3, ordv, axis=(2, 0), keepdims=True))
case("norm_axis_vec", "norm", "ord=3;axes=1", [t3], np.linalg.norm(T3, 3, axis=1))
C = general((7, 7)); c = arr("cond7", C)
for o in ("none", "2", "-2", "fro", "nuc", "1", "-1", "inf", "-inf"):
    ordv = order(o)
    case(f"cond_{o}", "cond", f"p={o}", [c], np.linalg.cond(C, ordv))
case("cond_batched", "cond", "p=none", ["gen_b3x7"], np.linalg.cond(np.load(os.path.join(OUT, "gen_b3x7.npy"))))
with np.errstate(all="ignore"):
    case("cond_singular_1", "cond", "p=1", ["singular3"], np.linalg.cond(S, 1))

# ---- products
for k in (0, 1, 2, 3, 5, -1, -3):
    case(f"matrix_power_{k}".replace("-", "m"), "matrix_power", f"n={k}", ["gen7"], np.linalg.matrix_power(np.load(os.path.join(OUT, "gen7.npy")), k))
case("matrix_power_int", "matrix_power", "n=3", ["int4"], np.linalg.matrix_power(I, 3))
case("matrix_power_batched", "matrix_power", "n=2", ["gen_b3x7"], np.linalg.matrix_power(np.load(os.path.join(OUT, "gen_b3x7.npy")), 2))
case("trace_batched", "trace", "offset=1", ["gen_b3x7"], np.linalg.trace(np.load(os.path.join(OUT, "gen_b3x7.npy")), offset=1))
ch = [rng.standard_normal(s) for s in ((9,), (9, 30), (30, 4), (4,))]
chn = [arr(f"chain{k}", x) for k, x in enumerate(ch)]
case("multi_dot_vecs", "multi_dot", "", chn, np.linalg.multi_dot(ch))
ch2 = [rng.standard_normal(s) for s in ((3, 20), (20, 2), (2, 15))]
case("multi_dot_mats", "multi_dot", "", [arr(f"chainm{k}", x) for k, x in enumerate(ch2)], np.linalg.multi_dot(ch2))

# ---- the Array-API functions of numpy.linalg
for o in ("none", "nuc", "2", "-inf"):
    case(f"matrix_norm_{o}", "matrix_norm", f"ord={o};keepdims=1", ["norm_3x4x5"], np.linalg.matrix_norm(T3, ord=order(o) if o != "none" else "fro", keepdims=True))
for o, axes in (("none", ""), ("1", "0,2"), ("inf", "1"), ("3", "")):
    ax = None if not axes else tuple(int(a) for a in axes.split(","))
    case(f"vector_norm_{o}_{axes.replace(',', '')}", "vector_norm", f"ord={o};axes={axes};keepdims=1", ["norm_3x4x5"],
         np.linalg.vector_norm(T3, ord=2 if o == "none" else order(o), axis=ax, keepdims=True))
X3, Y3 = rng.standard_normal((4, 3)), rng.standard_normal((4, 3))
case("cross", "cross", "", [arr("cross_a", X3), arr("cross_b", Y3)], np.linalg.cross(X3, Y3))
case("vecdot", "vecdot", "", ["cross_a", "cross_b"], np.linalg.vecdot(X3, Y3))
TI = general((24, 24)).reshape(4, 6, 8, 3)
case("tensorinv", "tensorinv", "ind=2", [arr("tensorinv_a", TI)], np.linalg.tensorinv(TI, ind=2))
TS, TB = general((6, 6)).reshape(2, 3, 6), rng.standard_normal((2, 3))
case("tensorsolve", "tensorsolve", "", [arr("tensorsolve_a", TS), arr("tensorsolve_b", TB)], np.linalg.tensorsolve(TS, TB))
case("diagonal", "diagonal", "offset=-1", ["gen_b3x7"], np.linalg.diagonal(np.load(os.path.join(OUT, "gen_b3x7.npy")), offset=-1))
case("matrix_transpose", "matrix_transpose", "", ["gen_b3x7"], np.linalg.matrix_transpose(np.load(os.path.join(OUT, "gen_b3x7.npy"))))

W.finish("# name|function|arguments|inputs|outputs  (written by generate_linalg.py)\n")
