#!/usr/bin/env python3
"""Writes complexsort/cases.txt: NumPy's sort, argsort and sort_complex of complex data (ComplexSortTest).

Run from this folder:  python3 generate_complex_sort.py
One case per line, `op|dtype|shape|axis|input re|input im|result re|result im|result dtype`, values
comma-separated (small whole numbers, -0.0 and nan, so every value is exact in any float dtype).
argsort results are the positions (in "result re"). axis "none" flattens.
"""
import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

rng = np.random.default_rng(20261205)
nan = np.nan
rows = []


def fmt(v):
    return ",".join(repr(float(x)) if not np.isnan(x) else "nan" for x in np.ravel(v))


def messy(shape):
    """Few distinct values (many ties), ±0, and all four NaN placements."""
    n = int(np.prod(shape))
    re = rng.integers(-3, 4, n).astype(float)
    im = rng.integers(-3, 4, n).astype(float)
    pick = rng.integers(0, 12, n)
    re[pick == 0] = nan
    im[pick == 1] = nan
    re[pick == 2] = nan
    im[pick == 2] = nan
    re[pick == 3] = -0.0
    im[pick == 4] = -0.0
    return re, im


def complex_of(re, im, shape):
    z = np.empty(len(re), np.complex128)
    z.real = re
    z.imag = im
    return z.reshape(shape)


for shape, axes in [((40,), ["none"]), ((4, 6), ["-1", "0"]), ((1000,), ["-1"]), ((3, 5, 7), ["1"])]:
    re, im = messy(shape)
    z = complex_of(re, im, shape)
    for axis in axes:
        ax = None if axis == "none" else int(axis)
        for dt in ["complex128", "complex64"]:
            zz = z.astype(dt)
            p = np.argsort(zz, axis=ax, kind="stable")
            s = np.sort(zz, axis=ax)
            sh = ",".join(map(str, shape))
            rows.append("argsort|%s|%s|%s|%s|%s|%s||int64" % (dt, sh, axis, fmt(re), fmt(im), ",".join(map(str, p.ravel()))))
            rows.append("sort|%s|%s|%s|%s|%s|%s|%s|%s" % (dt, sh, axis, fmt(re), fmt(im), fmt(s.real), fmt(s.imag), s.dtype.name))
for dt in ["int8", "uint16", "int32", "float32", "float16", "bool", "float64"]:
    v = rng.integers(-5, 6, (3, 4))
    if dt == "bool":
        v = v > 0
    if dt.startswith("uint"):
        v = np.abs(v)
    x = v.astype(dt)
    if dt.startswith("float"):
        x[0, 1] = nan
    s = np.sort_complex(x)
    rows.append("sort_complex|%s|3,4|-1|%s||%s|%s|%s" % (dt, fmt(x.astype(float)), fmt(s.real), fmt(s.imag), s.dtype.name))
z = complex_of(*messy((5, 6)), (5, 6))
s = np.sort_complex(z)
rows.append("sort_complex|complex128|5,6|-1|%s|%s|%s|%s|%s" % (fmt(z.real), fmt(z.imag), fmt(s.real), fmt(s.imag), s.dtype.name))

with open(gs.beside(__file__, "complexsort", "cases.txt"), "w") as f:
    f.write(gs.stamp("generate_complex_sort.py"))
    for r in rows:
        f.write(r + "\n")
print(len(rows), "cases")
