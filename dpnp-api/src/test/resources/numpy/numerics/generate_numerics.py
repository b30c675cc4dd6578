"""Writes NumPy reference data for the einsum, convolution, calculus, polynomial, special-ufunc and
window functions of jdpx's dpnp-api (NumericFunctions, PolyFunctions, UfuncFunctions).

Run from this folder:  python3 generate_numerics.py
Writes cases/*.npy (inputs and NumPy's outputs) and cases/cases.txt, one case per line:
    name|function|arguments|input files|output files|tolerance class
NumericsNumpyTest calls the Dpnp function of that NumPy name (NumericsCalls) on every device and
compares each output with NumPy's. Tolerance classes as in ../generate_cases.py (exact, ulp,
composed), plus bits: exact in the result's own dtype, checked only where the device computes in
the inputs' dtype (float64 inputs on a device without fp64 are covered by the float32 twin case).
"""
import os
import warnings
import numpy as np

warnings.filterwarnings("ignore", category=DeprecationWarning)  # np.cross of 2-vectors, which jdpx keeps

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

W = gs.CaseWriter(gs.beside(__file__, "cases"), tol="composed")
OUT = W.folder
rng = np.random.default_rng(20261205)
np.seterr(all="ignore")
X, arr, case = W.inputs, W.arr, W.case


def r64(*shape):
    return rng.standard_normal(shape)


# ---------------------------------------------------------------- einsum and einsum_path
EIN = [
    ("matmul", "ij,jk->ik", [(3, 4), (4, 5)]),
    ("matmul_implicit", "ij,jk", [(3, 4), (4, 5)]),
    ("transpose_implicit", "ji", [(3, 4)]),
    ("trace", "ii", [(4, 4)]),
    ("diag", "ii->i", [(4, 4)]),
    ("sum_all", "ij->", [(3, 4)]),
    ("col_sum", "ij->j", [(3, 4)]),
    ("outer", "i,j->ij", [(3,), (4,)]),
    ("inner", "i,i", [(5,), (5,)]),
    ("hadamard", "ij,ij->ij", [(3, 4), (3, 4)]),
    ("batched", "bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
    ("ellipsis_matmul", "...ij,...jk->...ik", [(2, 3, 4), (4, 2)]),
    ("ellipsis_implicit", "...i,i", [(2, 3, 4), (4,)]),
    ("ellipsis_broadcast", "...,...", [(2, 1), (3,)]),
    ("chain3", "ij,jk,kl->il", [(2, 3), (3, 4), (4, 2)]),
    ("chain4", "ea,fb,abcd,gc,hd->efgh", [(2, 3), (2, 2), (3, 2, 3, 2), (2, 3), (2, 2)]),
    ("tensor_contract", "abc,cbd->ad", [(2, 3, 4), (4, 3, 5)]),
    ("diag_in_pair", "iij,jk->ik", [(3, 3, 4), (4, 2)]),
    ("bilinear", "i,ij,j->", [(3,), (3, 4), (4,)]),
    ("upper_lower", "Ba,aC->BC", [(2, 3), (3, 4)]),
    ("triple_diag", "iii->i", [(3, 3, 3)]),
    ("keep_shared", "ij,ij->i", [(3, 4), (3, 4)]),
    ("broadcast_letter", "ij,jk", [(3, 1), (4, 5)]),
    ("broadcast_hadamard", "ij,ij->ij", [(3, 1), (3, 4)]),
    ("large", "ik,kj->ij", [(65, 257), (257, 33)]),
    ("large_transposed", "ki,jk->ij", [(257, 65), (33, 257)]),
]
for name, sub, shapes in EIN:
    ins = [arr(f"ein_{name}_{k}", r64(*s)) for k, s in enumerate(shapes)]
    ops = [X[i] for i in ins]
    case(f"einsum_{name}", "einsum", "subscripts=" + sub, ins, np.einsum(sub, *ops))
    path = np.einsum_path(sub, *ops, optimize="greedy")[0][1:]
    flat = np.array([p for step in path for p in (len(step),) + tuple(step)], dtype=np.int64)
    case(f"einsum_path_{name}", "einsum_path", "subscripts=" + sub, ins, flat, "exact")
    if name in ("chain3", "chain4", "bilinear", "matmul"):
        with open(os.path.join(OUT, f"report_{name}.txt"), "w") as f:
            f.write(sub + "\n" + ",".join(ins) + "\n" + np.einsum_path(sub, *ops, optimize="greedy")[1])
ins = [arr("ein_i32_a", rng.integers(-5, 5, (3, 4)).astype(np.int32)), arr("ein_i32_b", rng.integers(-5, 5, (4, 2)).astype(np.int32))]
case("einsum_int32", "einsum", "subscripts=ij,jk->ik", ins, np.einsum("ij,jk->ik", X["ein_i32_a"], X["ein_i32_b"]), "exact")
case("einsum_int32_sum", "einsum", "subscripts=ij->", ins[:1], np.einsum("ij->", X["ein_i32_a"]), "exact")
ins = [arr(f"ein_i64_{k}", rng.integers(-9, 9, s)) for k, s in enumerate([(2, 3), (3, 4), (4, 2)])]
case("einsum_int64_chain3", "einsum", "subscripts=ij,jk,kl->il", ins, np.einsum("ij,jk,kl->il", *[X[i] for i in ins]), "exact")
ins = [arr("ein_f32_a", r64(3, 4).astype(np.float32)), arr("ein_f32_b", r64(4, 5).astype(np.float32))]
case("einsum_f32", "einsum", "subscripts=ij,jk->ik", ins, np.einsum("ij,jk->ik", *[X[i] for i in ins]))
case("einsum_mixed", "einsum", "subscripts=ij,jk", ["ein_f32_a", "ein_matmul_1"], np.einsum("ij,jk", X["ein_f32_a"], X["ein_matmul_1"]))

# ---------------------------------------------------------------- convolve, correlate
for n, m in [(5, 3), (5, 4), (4, 5), (3, 6), (6, 6), (1, 4), (7, 2)]:
    a = arr(f"conv_a_{n}_{m}", r64(n))
    v = arr(f"conv_v_{n}_{m}", r64(m))
    for mode in ["full", "same", "valid"]:
        case(f"convolve_{n}_{m}_{mode}", "convolve", "mode=" + mode, [a, v], np.convolve(X[a], X[v], mode))
        case(f"correlate_{n}_{m}_{mode}", "correlate", "mode=" + mode, [a, v], np.correlate(X[a], X[v], mode))
a = arr("conv_i64_a", rng.integers(-9, 9, 6))
v = arr("conv_i64_v", rng.integers(-9, 9, 3))
case("convolve_int64", "convolve", "mode=full", [a, v], np.convolve(X[a], X[v]), "exact")
a = arr("conv_f32_a", r64(8).astype(np.float32))
v = arr("conv_f32_v", r64(3).astype(np.float32))
case("correlate_f32_same", "correlate", "mode=same", [a, v], np.correlate(X[a], X[v], "same"))

# ---------------------------------------------------------------- gradient, trapezoid, unwrap
g1 = arr("grad_1d", r64(7))
g2 = arr("grad_2d", r64(4, 5))
gi = arr("grad_i64", rng.integers(-20, 20, 6))
xs = arr("grad_x", np.cumsum(rng.uniform(0.2, 1.5, 7)))
ys = arr("grad_y", np.cumsum(rng.uniform(0.2, 1.5, 5)))
gf = arr("grad_f32", r64(6).astype(np.float32))
for eo in (1, 2):
    case(f"gradient_1d_e{eo}", "gradient", f"edge={eo}", [g1], np.gradient(X[g1], edge_order=eo))
    case(f"gradient_1d_h_e{eo}", "gradient", f"edge={eo};h=0.5", [g1], np.gradient(X[g1], 0.5, edge_order=eo))
    case(f"gradient_1d_x_e{eo}", "gradient", f"edge={eo};coords=1", [g1, xs], np.gradient(X[g1], X[xs], edge_order=eo))
    case(f"gradient_2d_e{eo}", "gradient", f"edge={eo}", [g2], list(np.gradient(X[g2], edge_order=eo)))
    case(f"gradient_2d_axis1_e{eo}", "gradient", f"edge={eo};axes=1;coords=1", [g2, ys],
         np.gradient(X[g2], X[ys], axis=1, edge_order=eo))
    case(f"gradient_2d_hh_e{eo}", "gradient", f"edge={eo};h=2.0,0.25", [g2], list(np.gradient(X[g2], 2.0, 0.25, edge_order=eo)))
case("gradient_int64", "gradient", "edge=1", [gi], np.gradient(X[gi]))
case("gradient_f32", "gradient", "edge=2", [gf], np.gradient(X[gf], edge_order=2))
case("trapezoid_1d", "trapezoid", "dx=1.0;axis=-1", [g1], np.trapezoid(X[g1]))
case("trapezoid_dx", "trapezoid", "dx=0.3;axis=0", [g2], np.trapezoid(X[g2], dx=0.3, axis=0))
case("trapezoid_x", "trapezoid", "dx=1.0;axis=-1;coords=1", [g1, xs], np.trapezoid(X[g1], X[xs]))
case("trapezoid_x2d", "trapezoid", "dx=1.0;axis=1;coords=1", [g2, ys], np.trapezoid(X[g2], X[ys], axis=1))
case("trapezoid_int", "trapezoid", "dx=1.0;axis=-1", [gi], np.trapezoid(X[gi]))
ph = arr("unwrap_p", np.cumsum(rng.uniform(-2.5, 2.5, 12)) % (2 * np.pi) - np.pi)
ph2 = arr("unwrap_p2", (np.cumsum(rng.uniform(-2.5, 2.5, (3, 8)), axis=1) % (2 * np.pi)))
case("unwrap_1d", "unwrap", "period=6.283185307179586;axis=-1", [ph], np.unwrap(X[ph]))
case("unwrap_2d_axis1", "unwrap", "period=6.283185307179586;axis=1", [ph2], np.unwrap(X[ph2], axis=1))
case("unwrap_discont", "unwrap", "period=6.283185307179586;axis=-1;discont=4.0", [ph], np.unwrap(X[ph], discont=4.0))
case("unwrap_period", "unwrap", "period=4.0;axis=-1", [ph], np.unwrap(X[ph], period=4.0))
case("unwrap_axis0", "unwrap", "period=6.283185307179586;axis=0", [ph2], np.unwrap(X[ph2], axis=0))

# ---------------------------------------------------------------- cross, kron, vander, vec/mat products
c3a = arr("cross_3a", r64(4, 3))
c3b = arr("cross_3b", r64(4, 3))
c2a = arr("cross_2a", r64(4, 2))
c2b = arr("cross_2b", r64(4, 2))
c3t = arr("cross_3t", r64(3, 5))
c3u = arr("cross_3u", r64(3, 5))
case("cross_3", "cross", "axis=-1", [c3a, c3b], np.cross(X[c3a], X[c3b]))
case("cross_2", "cross", "axis=-1", [c2a, c2b], np.cross(X[c2a], X[c2b]))
case("cross_23", "cross", "axis=-1", [c2a, c3b], np.cross(X[c2a], X[c3b]))
case("cross_axis0", "cross", "axis=0", [c3t, c3u], np.cross(X[c3t], X[c3u], axis=0))
ka = arr("kron_a", r64(2, 3))
kb = arr("kron_b", r64(3, 2))
kv = arr("kron_v", r64(4))
ki = arr("kron_i", rng.integers(-4, 4, (2, 2)))
case("kron_2d", "kron", "", [ka, kb], np.kron(X[ka], X[kb]), "ulp")
case("kron_1d_2d", "kron", "", [kv, ka], np.kron(X[kv], X[ka]), "ulp")
case("kron_int", "kron", "", [ki, ki], np.kron(X[ki], X[ki]), "exact")
va = arr("vander_x", rng.uniform(-2, 2, 5))
vi = arr("vander_i", rng.integers(-3, 4, 4))
case("vander_default", "vander", "", [va], np.vander(X[va]), "ulp")
case("vander_n_inc", "vander", "N=3;increasing=1", [va], np.vander(X[va], 3, increasing=True), "ulp")
case("vander_int", "vander", "N=6", [vi], np.vander(X[vi], 6), "exact")
m1 = arr("mv_m", r64(2, 3, 4))
v1 = arr("mv_v", r64(4))
v2 = arr("mv_w", r64(2, 3))
case("matvec", "matvec", "", [m1, v1], np.matvec(X[m1], X[v1]))
case("vecmat", "vecmat", "", [v2, m1], np.vecmat(X[v2], X[m1]))
case("vecdot", "vecdot", "axis=-1", [m1, v1], np.vecdot(X[m1], X[v1]))
case("vecdot_axis", "vecdot", "axis=1", [m1, m1], np.vecdot(X[m1], X[m1], axis=1))
case("matrix_transpose", "matrix_transpose", "", [m1], np.matrix_transpose(X[m1]), "exact")

# ---------------------------------------------------------------- polynomials
p5 = arr("poly_p5", r64(5))
p3 = arr("poly_p3", r64(3))
pi = arr("poly_pi", rng.integers(-5, 6, 4))
px = arr("poly_x", r64(3, 4))
pf = arr("poly_f32", r64(4).astype(np.float32))
case("polyval", "polyval", "", [p5, px], np.polyval(X[p5], X[px]))
case("polyval_int", "polyval", "", [pi, pi], np.polyval(X[pi], X[pi]), "exact")
case("polyval_f32", "polyval", "", [pf, pf], np.polyval(X[pf], X[pf]))
case("polyadd", "polyadd", "", [p5, p3], np.polyadd(X[p5], X[p3]), "ulp")
case("polyadd_mixed", "polyadd", "", [pi, p5], np.polyadd(X[pi], X[p5]), "ulp")
case("polysub", "polysub", "", [p3, p5], np.polysub(X[p3], X[p5]), "ulp")
case("polymul", "polymul", "", [p5, p3], np.polymul(X[p5], X[p3]))
case("polymul_int", "polymul", "", [pi, pi], np.polymul(X[pi], X[pi]), "exact")
case("polydiv", "polydiv", "", [p5, p3], list(np.polydiv(X[p5], X[p3])))
case("polydiv_short", "polydiv", "", [p3, p5], list(np.polydiv(X[p3], X[p5])))
ex = arr("poly_exact", np.array([2.0, 3.0, -5.0, -6.0]))
ed = arr("poly_exact_div", np.array([1.0, 2.0]))
case("polydiv_exact", "polydiv", "", [ex, ed], list(np.polydiv(X[ex], X[ed])))
case("polyder", "polyder", "m=1", [p5], np.polyder(X[p5]), "ulp")
case("polyder_m3", "polyder", "m=3", [p5], np.polyder(X[p5], 3), "ulp")
case("polyder_int", "polyder", "m=2", [pi], np.polyder(X[pi], 2), "exact")
case("polyder_past", "polyder", "m=7", [p3], np.polyder(X[p3], 7), "ulp")
case("polyint", "polyint", "m=1", [p5], np.polyint(X[p5]), "ulp")
case("polyint_m2k", "polyint", "m=2;k=1.5,-2.0", [p3], np.polyint(X[p3], 2, [1.5, -2.0]), "ulp")
case("polyint_int", "polyint", "m=1", [pi], np.polyint(X[pi]), "ulp")
fx = arr("fit_x", np.linspace(-2, 3, 11))
fy = arr("fit_y", 0.5 * X["fit_x"] ** 3 - X["fit_x"] + 2 + 0.1 * r64(11))
fy2 = arr("fit_y2", np.stack([X["fit_y"], np.cos(X["fit_x"])], axis=1))
case("polyfit_3", "polyfit", "deg=3", [fx, fy], np.polyfit(X[fx], X[fy], 3))
case("polyfit_1", "polyfit", "deg=1", [fx, fy], np.polyfit(X[fx], X[fy], 1))
case("polyfit_2d", "polyfit", "deg=2", [fx, fy2], np.polyfit(X[fx], X[fy2], 2))
rr = arr("poly_roots", np.array([1.0, -2.0, 0.5, 3.0]))
ri = arr("poly_roots_i", np.array([1, 2, -3]))
case("poly", "poly", "", [rr], np.poly(X[rr]))
case("poly_int", "poly", "", [ri], np.poly(X[ri]))

# ---------------------------------------------------------------- special ufuncs
ga = arr("gcd_a", rng.integers(-60, 60, (3, 4)))
gb = arr("gcd_b", rng.integers(-60, 60, 4))
gz = arr("gcd_z", np.array([0, 0, 12, -7, 2**40, 0], dtype=np.int64))
gw = arr("gcd_w", np.array([0, 9, 0, 21, 3 * 2**20, -5], dtype=np.int64))
g32 = arr("gcd_i32", rng.integers(-1000, 1000, 6).astype(np.int32))
case("gcd", "gcd", "", [ga, gb], np.gcd(X[ga], X[gb]), "exact")
case("gcd_edges", "gcd", "", [gz, gw], np.gcd(X[gz], X[gw]), "exact")
g32b = arr("gcd_i32b", rng.integers(-1000, 1000, 6).astype(np.int32))
case("gcd_i32", "gcd", "", [g32, g32b], np.gcd(X[g32], X[g32b]), "exact")
case("lcm", "lcm", "", [ga, gb], np.lcm(X[ga], X[gb]), "exact")
case("lcm_edges", "lcm", "", [gz, gw], np.lcm(X[gz], X[gw]), "exact")
sp = arr("spec_f64", np.array([0.0, -0.0, 1.0, -1.0, 0.75, 3.5, -1e-310, 2.0**-1074, 1e300, -6.0, 7.25, np.inf, -np.inf, np.nan]))
sf = arr("spec_f32", np.array([0.0, -0.0, 1.0, -1.0, 0.75, 3.5, -6.0, 7.25, 1e30, 2.0**-20, np.inf, -np.inf, np.nan], dtype=np.float32))
si = arr("spec_i64", np.array([0, 1, -3, 8, 1024, -(2**40), 2**62 + 7]))
case("frexp_f64", "frexp", "", [sp], list(np.frexp(X[sp])), "bits")
case("frexp_f32", "frexp", "", [sf], list(np.frexp(X[sf])), "bits")
case("frexp_rand", "frexp", "", [arr("frexp_rand", r64(20) * 10.0 ** rng.integers(-30, 30, 20))],
     list(np.frexp(X["frexp_rand"])), "bits")
case("modf_f64", "modf", "", [sp], list(np.modf(X[sp])), "bits")
case("modf_f32", "modf", "", [sf], list(np.modf(X[sf])), "bits")
nx = arr("next_x", np.array([1.0, 1.0, 0.0, -0.0, -2.0, 5.0, 1e-320, np.inf, np.nan, 3.0]))
ny = arr("next_y", np.array([2.0, 0.0, 1.0, -1.0, 0.0, 5.0, 0.0, 0.0, 1.0, np.nan]))
case("nextafter_f64", "nextafter", "", [nx, ny], np.nextafter(X[nx], X[ny]), "bits")
nxf = arr("next_xf", np.array([1.0, 1.0, -2.0, 5.0, 3.0e20, np.inf, 0.25], dtype=np.float32))
nyf = arr("next_yf", np.array([2.0, 0.0, 0.0, 5.0, 0.0, 0.0, 1.0], dtype=np.float32))
case("nextafter_f32", "nextafter", "", [nxf, nyf], np.nextafter(X[nxf], X[nyf]), "bits")
case("spacing_f64", "spacing", "", [sp], np.spacing(X[sp]), "bits")
case("spacing_f32", "spacing", "", [sf], np.spacing(X[sf]), "bits")
sc = arr("sinc_x", np.concatenate([[0.0, 1.0, -2.5, 0.5], r64(8) * 3]))
case("sinc", "sinc", "", [sc], np.sinc(X[sc]), "ulp")
case("sinc_int", "sinc", "", [arr("sinc_i", np.array([0, 1, 2, -3]))], np.sinc(X["sinc_i"]), "ulp")
i0x = arr("i0_x", np.concatenate([[0.0, 1.0, -1.0, 5.0, 19.9, 20.0, 20.1, 25.0, 60.0, -80.0, 85.0], rng.uniform(-40, 40, 10)]))
case("i0", "i0", "", [i0x], np.i0(X[i0x]))
i0f = arr("i0_f32", rng.uniform(-30, 30, 8).astype(np.float32))
case("i0_f32", "i0", "", [i0f], np.i0(X[i0f]))
bc = arr("bitc_i64", np.array([0, 1, -1, 255, -256, 2**40 + 3, 2**62, -(2**62) - 1]))
bc32 = arr("bitc_i32", np.array([0, 7, -7, 2**31 - 1, -(2**31) + 1], dtype=np.int32))
bcu = arr("bitc_u8", np.array([0, 1, 128, 255, 77], dtype=np.uint8))
case("bitwise_count_i64", "bitwise_count", "", [bc], np.bitwise_count(X[bc]), "exact")
case("bitwise_count_i32", "bitwise_count", "", [bc32], np.bitwise_count(X[bc32]), "exact")
case("bitwise_count_u8", "bitwise_count", "", [bcu], np.bitwise_count(X[bcu]), "exact")

# ---------------------------------------------------------------- windows, geomspace, cumulative
for m in (0, 1, 2, 5, 12):
    case(f"bartlett_{m}", "bartlett", f"M={m}", [], np.bartlett(m), "ulp")
    case(f"blackman_{m}", "blackman", f"M={m}", [], np.blackman(m))
    case(f"hamming_{m}", "hamming", f"M={m}", [], np.hamming(m))
    case(f"hanning_{m}", "hanning", f"M={m}", [], np.hanning(m))
    case(f"kaiser_{m}", "kaiser", f"M={m};beta=14.0", [], np.kaiser(m, 14.0))
case("kaiser_beta0", "kaiser", "M=6;beta=0.0", [], np.kaiser(6, 0.0))
case("kaiser_beta5", "kaiser", "M=9;beta=5.0", [], np.kaiser(9, 5.0))
for name, (s, e, n, ep) in {"pos": (1.0, 1000.0, 4, True), "neg": (-2.0, -512.0, 9, True), "noend": (3.0, 300.0, 5, False),
                            "down": (100.0, 0.5, 7, True), "one": (5.0, 10.0, 1, True)}.items():
    case(f"geomspace_{name}", "geomspace", f"start={s};stop={e};num={n};endpoint={int(ep)}", [], np.geomspace(s, e, n, endpoint=ep))
cs = arr("cum_x", r64(3, 4))
ci = arr("cum_i32", rng.integers(-4, 5, 6).astype(np.int32))
c1 = arr("cum_1d", rng.uniform(0.5, 1.5, 7))
case("cumulative_sum_1d", "cumulative_sum", "", [c1], np.cumulative_sum(X[c1]))
case("cumulative_sum_axis1_init", "cumulative_sum", "axis=1;init=1", [cs], np.cumulative_sum(X[cs], axis=1, include_initial=True))
case("cumulative_sum_int32", "cumulative_sum", "init=1", [ci], np.cumulative_sum(X[ci], include_initial=True), "exact")
case("cumulative_sum_dtype", "cumulative_sum", "dtype=float32", [ci], np.cumulative_sum(X[ci], dtype=np.float32), "exact")
case("cumulative_prod_1d_init", "cumulative_prod", "init=1", [c1], np.cumulative_prod(X[c1], include_initial=True))
case("cumulative_prod_axis0", "cumulative_prod", "axis=0", [cs], np.cumulative_prod(X[cs], axis=0))
case("cumulative_prod_int32", "cumulative_prod", "", [ci], np.cumulative_prod(X[ci]), "exact")

W.finish(gs.stamp("generate_numerics.py", "NumPy"))
