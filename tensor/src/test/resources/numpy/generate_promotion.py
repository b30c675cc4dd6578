#!/usr/bin/env python3
"""Writes promotion.csv: NumPy's result dtype for every pair of jdpx dtypes (np.result_type).

Run from this folder: python3 generate_promotion.py. The tensor tests compare
org.jdpx.tensor.Promotion against this table.
"""
import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402


names = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64",
         "complex64", "complex128"]
with open(gs.beside(__file__, "promotion.csv"), "w") as f:
    f.write(gs.stamp("generate_promotion.py"))
    for a in names:
        for b in names:
            f.write("%s,%s,%s\n" % (a, b, np.result_type(np.dtype(a), np.dtype(b)).name))
