"""Writes the NumPy side of jdpx's .npy/.npz tests: files NumPy wrote, and what is in them.

Run from anywhere:  python3 generate_npy.py
Writes files/*.npy and files/*.npz (every dtype jdpx has, C and Fortran order, little- and
big-endian, 0-d, empty, a strided view, header versions 1.0, 2.0 and 3.0, archives stored and
deflated) and files/expected.txt, one array per line:
    file;member;descr;fortran_order;shape;version;bits
where bits are the elements in C order as unsigned integers of the item size (the raw bit
pattern, so floats compare exactly, NaN included; complex elements as two, real then imaginary). NpyNumpyFilesTest reads each file with jdpx on
every device and compares element by element; NpyJdpxWritesTest writes the same arrays with jdpx
and asserts the bytes equal NumPy's, and runs verify_jdpx.py on jdpx's files where python3 exists.
"""
import os
import zipfile

import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

np.seterr(over="ignore")

OUT = gs.fresh_folder(gs.beside(__file__, "files"))

CODES = ["b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"]
lines = []


def values(code, n):
    """n values of dtype `code` that reach its extremes (and NaN, infinities, -0.0 for floats)."""
    dt = np.dtype(code)
    if dt.kind == "b":
        return np.array([(i * 7 + 3) % 3 == 0 for i in range(n)], dtype=dt)
    if dt.kind == "c":  # real parts as the real dtype's values, imaginary parts the same values shifted by five
        part = np.dtype("f%d" % (dt.itemsize // 2))
        re = values(part, n + 5)
        out = np.empty(n, dtype=dt)
        out.real, out.imag = re[:n], re[5:]
        return out
    if dt.kind == "f":
        fi = np.finfo(dt)
        base = [0.0, -0.0, 1.5, -2.25, np.nan, np.inf, -np.inf, float(fi.tiny), float(fi.max), 1 / 3, np.pi, -1e-3]
        return np.array([base[i % len(base)] * (1 + i // len(base)) for i in range(n)], dtype=dt)
    ii = np.iinfo(dt)
    base = [ii.min, ii.max, 0, 1, ii.min + 1, ii.max - 1, 7, 42 % (ii.max + 1), ii.max // 3, ii.min // 5]
    return np.array([base[i % len(base)] if i < len(base) else (i * 37) % (ii.max + 1) for i in range(n)], dtype=dt)


def bits(a):
    """The elements of `a` in C order as their raw bit patterns, unsigned, little-endian reading;
    a complex element as two patterns, its real then its imaginary part."""
    le = np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"))
    part = a.dtype.itemsize // 2 if a.dtype.kind == "c" else a.dtype.itemsize
    if a.dtype.kind == "c":
        le = le.view(np.dtype("<f%d" % part))
    return " ".join(str(int(v)) for v in le.view("u%d" % part).ravel())


def record(file, member, a, version):
    fortran = a.flags.f_contiguous and not a.flags.c_contiguous
    lines.append(";".join([file, member, a.dtype.descr[0][1], str(fortran), ",".join(map(str, a.shape)), str(version), bits(a)]))


def save(name, a, version=None):
    path = os.path.join(OUT, name + ".npy")
    if version is None:
        np.save(path, a)
    else:
        with open(path, "wb") as f:
            np.lib.format.write_array(f, a, version=(version, 0))
    record(name + ".npy", "", a, version or 1)


for code in CODES:
    a = values(code, 12).reshape(3, 4)
    save(code + "_c", a)
    save(code + "_f", np.asfortranarray(a))
    save(code + "_0d", values(code, 1).reshape(()))
    save(code + "_empty", values(code, 0).reshape(0, 3))
    if np.dtype(code).itemsize > 1:
        big = a.astype(a.dtype.newbyteorder(">"))
        save(code + "_be", big)
        save(code + "_be_f", np.asfortranarray(big))

cube = values("f4", 24).reshape(2, 3, 4)
save("f4_f3d", np.asfortranarray(cube))
base = values("f8", 40).reshape(5, 8)
save("f8_5x8", base)
save("f8_strided", base[::2, ::-3])  # NpyJdpxWritesTest saves the same view of f8_5x8
save("i8_1d", values("i8", 9))
save("f8_v2", values("f8", 6).reshape(2, 3), version=2)
save("i4_v3", values("i4", 6).reshape(3, 2), version=3)
save("u2_f_v3", np.asfortranarray(values("u2", 6).reshape(2, 3)), version=3)

members = {"arr_0": values("f4", 6).reshape(2, 3), "arr_1": values("b1", 5), "counts": values("i4", 4).reshape(2, 2)}
np.savez(os.path.join(OUT, "both.npz"), members["arr_0"], members["arr_1"], counts=members["counts"])
np.savez_compressed(os.path.join(OUT, "both_compressed.npz"), members["arr_0"], members["arr_1"], counts=members["counts"])
for archive in ("both.npz", "both_compressed.npz"):
    with zipfile.ZipFile(os.path.join(OUT, archive)) as z:
        assert [i.compress_type for i in z.infolist()] == [zipfile.ZIP_STORED if archive == "both.npz" else zipfile.ZIP_DEFLATED] * 3
    for name, a in members.items():
        record(archive, name, a, 1)

# Text files for TextFilesTest: a table NumPy's loadtxt reads (results as .npy) and arrays its savetxt writes.
TEXT = os.path.join(os.path.dirname(OUT), "text")
os.makedirs(TEXT, exist_ok=True)
with open(os.path.join(TEXT, "table.txt"), "w") as f:
    f.write("x,n,y  # a header line skipped by skiprows=1\n# a comment line\n1.5,7,-2\n\n2.25,-3,1e3 # trailing comment\n-0.5,12,nan\n")
np.save(os.path.join(TEXT, "loaded.npy"), np.loadtxt(os.path.join(TEXT, "table.txt"), delimiter=",", skiprows=1, usecols=(0, -1)))
np.save(os.path.join(TEXT, "loaded_int.npy"), np.loadtxt(os.path.join(TEXT, "table.txt"), dtype=np.int64, delimiter=",",
                                                         skiprows=1, usecols=(1,)))
floats = np.array([[0.1, -2.5e-300, np.nan], [np.inf, -np.inf, 123456789.0]])
np.save(os.path.join(TEXT, "saved_default.npy"), floats)
np.savetxt(os.path.join(TEXT, "saved_default.txt"), floats)
ints = np.array([[1, -2], [300, 4]], dtype=np.int32)
np.save(os.path.join(TEXT, "saved_int.npy"), ints)
np.savetxt(os.path.join(TEXT, "saved_int.txt"), ints, fmt="%d", delimiter=",", header="x,y\nsecond line")
column = np.array([1.0, 2.5, -3.0], dtype=np.float32)
np.save(os.path.join(TEXT, "saved_column.npy"), column)
np.savetxt(os.path.join(TEXT, "saved_column.txt"), column, fmt="%.3f")
# values.txt for TextFilesValuesTest: how loadtxt reads one value, `dtype|text|value` (ValueError: it refuses it).
with open(os.path.join(TEXT, "values.txt"), "w") as f:
    for dtype in ("float64", "int64"):
        for text in ["2.5", " -0.5 ", "+3", "-0", "7", "1.0", "1e5", "+inf", "-Infinity", "NaN", "nan",
                     "1.5d", "1.5f", "1e5F", "0x1p3", "0x10", "True", "False", "1_000", "x",
                     "1\u2003", "1\x01"]:  # Unicode whitespace is stripped, a control character is not
            try:
                v = np.loadtxt([text], dtype=dtype, delimiter=",")
                value = repr(float(v)) if dtype == "float64" else str(int(v))
            except ValueError:
                value = "ValueError"
            f.write("%s|%s|%s\n" % (dtype, text, value))

with open(os.path.join(OUT, "expected.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
print(len(lines), "arrays written to", OUT)
