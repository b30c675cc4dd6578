"""Writes NumPy reference data for jdpx's numpy.fft differential tests (FftNumpyTest).

Run from this folder:  python3 generate_fft.py
Writes cases/*.npy (inputs and NumPy's outputs) and cases/cases.txt, one case per line:
    name|function|arguments|input files|output files
Arguments are key=value pairs separated by ';' (n, axis, norm, d, and s/axes as comma lists;
pts is the number of points the tolerance n*log2(n)*eps is taken for). A file name ending in
'~c' holds complex data as pairs: a float array with a last axis of 2 (real, imaginary), float32
for complex64 and float64 for complex128, so the files do not depend on complex .npy support.
"""
import math
import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

W = gs.CaseWriter(gs.beside(__file__, "cases"))
rng = np.random.default_rng(20261205)


def save(name, a):
    a = np.asarray(a)
    if np.iscomplexobj(a):
        return W.save(name, np.stack([a.real, a.imag], axis=-1)) + "~c"
    return W.save(name, a)


def case(name, fn, args, ins, result, pts):
    out = save("out_" + name, result)
    args = dict(args)
    args["pts"] = pts
    text = ";".join(f"{k}={','.join(map(str, v)) if isinstance(v, (tuple, list)) else v}" for k, v in args.items())
    W.line(name, fn, text, ",".join(ins), out)


def real(shape, dtype=np.float64):
    return rng.standard_normal(shape).astype(dtype)


def cplx(shape, dtype=np.complex128):
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dtype)


def kw(args):
    r = {}
    for k, v in args.items():
        r[k] = tuple(v) if isinstance(v, list) else v
    return r


POW2 = (1, 2, 4, 8, 16, 64, 256, 1024, 4096)
SMOOTH = (3, 5, 7, 15, 21, 35, 105, 210, 360, 1000, 840)
PRIME = (11, 13, 17, 31, 97, 101, 1009, 4099)
MIXED = (22, 26, 121, 998)  # composite lengths with a prime factor above 7

# ---- 1-D complex and real transforms over every kind of length
for n in POW2 + SMOOTH + PRIME + MIXED:
    c = cplx(n); cn = save(f"c128_{n}", c)
    case(f"fft_{n}", "fft", {}, [cn], np.fft.fft(c), n)
    case(f"ifft_{n}", "ifft", {}, [cn], np.fft.ifft(c), n)
    x = real(n); xn = save(f"f64_{n}", x)
    case(f"rfft_{n}", "rfft", {}, [xn], np.fft.rfft(x), n)
    if n > 1024:
        continue  # the longest lengths only as complex and real-input forward/inverse pairs (file size)
    case(f"fft_real_{n}", "fft", {}, [xn], np.fft.fft(x), n)
    if n > 1:
        h = cplx(n // 2 + 1); hn = save(f"half_{n}", h)
        case(f"irfft_{n}", "irfft", {"n": n}, [hn], np.fft.irfft(h, n), n)
        case(f"hfft_{n}", "hfft", {"n": n}, [hn], np.fft.hfft(h, n), n)
        case(f"ihfft_{n}", "ihfft", {}, [xn], np.fft.ihfft(x), n)

# ---- float32 / complex64 keep single precision; integers promote to complex128
for n in (16, 105, 17, 1000):
    c = cplx(n, np.complex64); cn = save(f"c64_{n}", c)
    case(f"fft_c64_{n}", "fft", {}, [cn], np.fft.fft(c), n)
    case(f"ifft_c64_{n}", "ifft", {}, [cn], np.fft.ifft(c), n)
    x = real(n, np.float32); xn = save(f"f32_{n}", x)
    case(f"rfft_f32_{n}", "rfft", {}, [xn], np.fft.rfft(x), n)
    case(f"irfft_c64_{n}", "irfft", {"n": n}, [cn], np.fft.irfft(c, n), n)
i = rng.integers(-9, 10, 12); iname = save("int_12", i)
case("fft_int", "fft", {}, [iname], np.fft.fft(i), 12)
case("rfft_int", "rfft", {}, [iname], np.fft.rfft(i), 12)

# ---- n (cut and zero-padding), axis and norm on 2-D and 3-D arrays
A = cplx((6, 10)); an = save("c128_6x10", A)
R = real((6, 10)); rn = save("f64_6x10", R)
for norm in ("backward", "ortho", "forward"):
    for axis in (0, 1, -1):
        for n in (None, 4, 13, 16):
            args = {"axis": axis, "norm": norm}
            if n is not None:
                args["n"] = n
            pts = n if n is not None else A.shape[axis]
            tag = f"{norm}_a{axis}_n{n}"
            case(f"fft_{tag}", "fft", args, [an], np.fft.fft(A, **kw(args)), pts)
            case(f"ifft_{tag}", "ifft", args, [an], np.fft.ifft(A, **kw(args)), pts)
            case(f"rfft_{tag}", "rfft", args, [rn], np.fft.rfft(R, **kw(args)), pts)
            case(f"irfft_{tag}", "irfft", args, [an], np.fft.irfft(A, **kw(args)), pts or 2 * (A.shape[axis] - 1))
            case(f"hfft_{tag}", "hfft", args, [an], np.fft.hfft(A, **kw(args)), pts or 2 * (A.shape[axis] - 1))
            case(f"ihfft_{tag}", "ihfft", args, [rn], np.fft.ihfft(R, **kw(args)), pts)
Z = cplx(5); Z[0] += 3j; Z[-1] += 2j; zn = save("c128_dc_imag", Z)
case("irfft_ignores_imag_of_dc_and_nyquist", "irfft", {"n": 8}, [zn], np.fft.irfft(Z, 8), 8)

# ---- n-dimensional transforms
B = cplx((4, 6, 10)); bn = save("c128_4x6x10", B)
S = real((4, 6, 10)); sn = save("f64_4x6x10", S)
P = cplx((3, 11, 7)); pn = save("c128_3x11x7", P)
for norm in ("backward", "ortho", "forward"):
    for fn in ("fftn", "ifftn"):
        f = getattr(np.fft, fn)
        case(f"{fn}_{norm}", fn, {"norm": norm}, [bn], f(B, norm=norm), B.size)
        case(f"{fn}_prime_{norm}", fn, {"norm": norm}, [pn], f(P, norm=norm), P.size)
    case(f"rfftn_{norm}", "rfftn", {"norm": norm}, [sn], np.fft.rfftn(S, norm=norm), S.size)
    case(f"irfftn_{norm}", "irfftn", {"norm": norm}, [bn], np.fft.irfftn(B, norm=norm), 4 * 6 * 18)
    for fn in ("fft2", "ifft2"):
        case(f"{fn}_{norm}", fn, {"norm": norm}, [bn], getattr(np.fft, fn)(B, norm=norm), 60)
    case(f"rfft2_{norm}", "rfft2", {"norm": norm}, [sn], np.fft.rfft2(S, norm=norm), 60)
    case(f"irfft2_{norm}", "irfft2", {"norm": norm}, [bn], np.fft.irfft2(B, norm=norm), 6 * 18)
for s, axes in (((5, 8), (0, 2)), ((3, 4, 12), None), ((7,), None), (None, (1,)), (None, (2, 0)), ((2, 9), (1, 2)),
                (None, (0, 0))):
    args = {}
    if s is not None:
        args["s"] = list(s)
    if axes is not None:
        args["axes"] = list(axes)
    tag = f"s{'x'.join(map(str, s)) if s else 'None'}_axes{'_'.join(map(str, axes)) if axes else 'None'}"
    pts = int(np.prod(s)) if s else int(np.prod([B.shape[a] for a in axes])) * (2 if axes == (0, 0) else 1)
    case(f"fftn_{tag}", "fftn", args, [bn], np.fft.fftn(B, **kw(args)), pts)
    case(f"ifftn_{tag}", "ifftn", args, [bn], np.fft.ifftn(B, **kw(args)), pts)
    if axes != (0, 0):
        case(f"rfftn_{tag}", "rfftn", args, [sn], np.fft.rfftn(S, **kw(args)), pts)
        ir = np.fft.irfftn(B, **kw(args))
        case(f"irfftn_{tag}", "irfftn", args, [bn], ir, int(np.prod([ir.shape[a] for a in (axes or range(3 - len(s), 3))])))
case("fft2_s", "fft2", {"s": [3, 16]}, [bn], np.fft.fft2(B, s=(3, 16)), 48)
case("fft2_axes", "fft2", {"axes": [0, 2]}, [bn], np.fft.fft2(B, axes=(0, 2)), 40)
case("irfft2_s", "irfft2", {"s": [6, 9]}, [bn], np.fft.irfft2(B, s=(6, 9)), 54)
X32 = real((8, 6), np.float32); x32 = save("f32_8x6", X32)
case("rfft2_f32", "rfft2", {}, [x32], np.fft.rfft2(X32), 48)
case("fftn_f32", "fftn", {}, [x32], np.fft.fftn(X32), 48)

# ---- frequencies and shifts
for n, d in ((1, 1.0), (8, 1.0), (9, 0.1), (10, 2.5), (1001, 0.001)):
    case(f"fftfreq_{n}_{d}", "fftfreq", {"n": n, "d": d}, [], np.fft.fftfreq(n, d), 1)
    case(f"rfftfreq_{n}_{d}", "rfftfreq", {"n": n, "d": d}, [], np.fft.rfftfreq(n, d), 1)
for shape in ((9,), (8,), (4, 7), (3, 4, 5)):
    x = real(shape); xn = save("shift_" + "x".join(map(str, shape)), x)
    tag = "x".join(map(str, shape))
    case(f"fftshift_{tag}", "fftshift", {}, [xn], np.fft.fftshift(x), 1)
    case(f"ifftshift_{tag}", "ifftshift", {}, [xn], np.fft.ifftshift(x), 1)
    if len(shape) > 1:
        case(f"fftshift_{tag}_axis1", "fftshift", {"axes": [1]}, [xn], np.fft.fftshift(x, axes=1), 1)
        case(f"ifftshift_{tag}_axes", "ifftshift", {"axes": [-1, 0]}, [xn], np.fft.ifftshift(x, axes=(-1, 0)), 1)
case("fftshift_complex", "fftshift", {}, [bn], np.fft.fftshift(B), 1)
case("ifftshift_complex", "ifftshift", {"axes": [1]}, [bn], np.fft.ifftshift(B, axes=1), 1)

# ---- float16 computes in single precision (complex64 / float32 results)
H16 = real(24, np.float16); h16 = save("f16_24", H16)
case("fft_f16", "fft", {}, [h16], np.fft.fft(H16), 24)
case("rfft_f16", "rfft", {}, [h16], np.fft.rfft(H16), 24)
case("irfft_f16", "irfft", {}, [h16], np.fft.irfft(H16), 46)

W.finish(f"# numpy {np.__version__}; generated by generate_fft.py\n")
print(len(W.saved), "files")
