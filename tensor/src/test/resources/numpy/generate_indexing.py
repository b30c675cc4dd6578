#!/usr/bin/env python3
"""Writes indexing.csv: for basic indices of a (4, 5, 6) array, NumPy's view geometry
(shape; strides and offset in elements). Run from this folder: python3 generate_indexing.py.
The tensor tests apply org.jdpx.tensor.View.index to the same index text and compare.
"""
import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402


base = np.arange(4 * 5 * 6, dtype=np.int64).reshape(4, 5, 6)
exprs = [
    "1", "-1", "1, 2", "1, 2, 3", "-4, -5, -6", ":", "1:3", "::2", "::-1", "3:0:-1", "-2:", ":-2",
    "10:", "-10:", "1:100", "100:1:-1", "::-2, 1", "..., 1", "1, ...", "..., ::-1", "None", "None, 1",
    ":, None, 2", "..., None", "1, ..., None, 2", "2:2", "3:1", ":, 1:4:2, ::-3", "::3, ::-2, 5:0:-2",
    "1, None, ::-1, None", "None, ..., None", "0:4:5", "-1:-5:-1", "-100:100:7", "..., -1, ::2",
]
with open(gs.beside(__file__, "indexing.csv"), "w") as f:
    f.write(gs.stamp("generate_indexing.py", note="; base shape (4, 5, 6) int64"))
    for e in exprs:
        # A trailing ... keeps full integer indexing a 0-d view instead of a scalar.
        full = e if "..." in e else e + ", ..."
        v = eval("base[%s]" % full, {"base": base, "None": None})
        off = (v.__array_interface__["data"][0] - base.__array_interface__["data"][0]) // 8
        strides = [s // 8 for s in v.strides]
        f.write("%s;%s;%s;%d\n" % (e, " ".join(map(str, v.shape)), " ".join(map(str, strides)), off))
