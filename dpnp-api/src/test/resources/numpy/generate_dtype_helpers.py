#!/usr/bin/env python3
"""Writes dtypes/helpers.csv: NumPy's answers for the dtype helper functions over jdpx's dtypes.

Run from this folder:  python3 generate_dtype_helpers.py
One answer per line, `function|arguments|answer`; DtypeFunctionsTest asks Dpnp the same questions.
"""
import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

names = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
         "float64", "complex64", "complex128"]
rows = []
for a in names:
    for b in names:
        rows.append(("promote_types", a + "," + b, np.promote_types(a, b).name))
        for casting in ["no", "equiv", "safe", "same_kind", "unsafe"]:
            rows.append(("can_cast", a + "," + b + "," + casting, str(bool(np.can_cast(a, b, casting)))))
for a in names:
    for abstract in ["generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact", "floating",
                     "complexfloating", "bool"]:
        rows.append(("issubdtype", a + "," + abstract, str(bool(np.issubdtype(np.dtype(a), getattr(np, abstract if abstract != "bool" else "bool_"))))))
    for kind in ["bool", "signed integer", "unsigned integer", "integral", "real floating", "complex floating", "numeric"]:
        rows.append(("isdtype", a + "," + kind, str(bool(np.isdtype(np.dtype(a), kind)))))
    for kind, value in [("bool", True), ("int", 7), ("float", 0.5), ("complex", 1j)]:
        rows.append(("result_type_scalar", a + "," + kind, np.result_type(np.zeros(1, a), value).name))
    rows.append(("char", a, np.dtype(a).char))
for value in [0, 1, 255, 256, -1, -129, 40000, 70000, 2 ** 31, -2 ** 31 - 1, 2 ** 40, 2 ** 63, -2 ** 63]:
    rows.append(("min_scalar_type", "int:" + str(value), np.min_scalar_type(value).name))
for value in [0.5, 1e5, 65504.0, 1e38, 1e39, 3.5e-300, float("inf")]:
    rows.append(("min_scalar_type", "float:" + repr(value), np.min_scalar_type(value).name))
for value in [1j, 1e39 + 1j, 1 + 1e-300j]:
    rows.append(("min_scalar_type", "complex:" + repr(value.real) + ":" + repr(value.imag), np.min_scalar_type(value).name))
rows.append(("min_scalar_type", "bool:True", np.min_scalar_type(True).name))
for group in [["float16"], ["float16", "float32"], ["int8"], ["int32", "float32"], ["float32", "complex64"],
              ["float16", "complex64"], ["int64", "complex64"], ["float64", "complex64"], ["bool"], ["uint8", "float16"]]:
    try:
        r = np.common_type(*[np.zeros(1, g) for g in group]).__name__
        r = np.dtype(r).name
    except TypeError:
        r = "TypeError"
    rows.append(("common_type", ",".join(group), r))
for chars, typeset, default in [("idF", "GDFgdf", "d"), ("f", "GDFgdf", "d"), ("ih", "GDFgdf", "d"),
                                ("fd", "GDFgdf", "d"), ("Fd", "GDFgdf", "d"), ("FD", "GDFgdf", "d"), ("bh", "bhil", "q"),
                                ("", "GDFgdf", "f")]:
    rows.append(("mintypecode", chars + "," + typeset + "," + default, np.mintypecode(list(chars), typeset, default)))
for c in "?bBhHiIlLqQfdgFDG":
    rows.append(("typename", c, np.typename(c)))
with open(gs.beside(__file__, "dtypes", "helpers.csv"), "w") as f:
    f.write(gs.stamp("generate_dtype_helpers.py"))
    for r in rows:
        f.write("|".join(r) + "\n")
print(len(rows), "rows")
