"""Checks with NumPy the files jdpx wrote: each must load in NumPy equal to the file of the same
name NumPy wrote (files/), bit for bit, with the same dtype (byte order included), shape and
memory order; each .npz member likewise, and the archive's compression as named.

Usage:  python3 verify_jdpx.py DIR   (NpyJdpxWritesTest runs it on the files jdpx wrote)
Prints one line per problem and exits 1 when there is any; prints "verified N arrays" otherwise.
"""
import os
import sys
import zipfile

import numpy as np

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "files")


def same(got, want, what, problems):
    if got.dtype != want.dtype or got.shape != want.shape:
        problems.append(f"{what}: {got.dtype}{got.shape}, NumPy's {want.dtype}{want.shape}")
    elif got.flags.f_contiguous != want.flags.f_contiguous or got.flags.c_contiguous != want.flags.c_contiguous:
        problems.append(f"{what}: memory order differs from NumPy's")
    elif got.tobytes(order="C") != want.tobytes(order="C"):
        problems.append(f"{what}: values differ: {got!r} vs {want!r}")


def main(folder):
    problems, checked = [], 0
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".npy"):
            same(np.load(path), np.load(os.path.join(HERE, name)), name, problems)
            checked += 1
        elif name.endswith(".npz"):
            with zipfile.ZipFile(path) as z:
                kinds = {i.compress_type for i in z.infolist()}
            want_kind = zipfile.ZIP_DEFLATED if "compressed" in name else zipfile.ZIP_STORED
            if kinds != {want_kind}:
                problems.append(f"{name}: members compressed as {kinds}, expected {want_kind}")
            with np.load(path) as got, np.load(os.path.join(HERE, name)) as want:
                if got.files != want.files:
                    problems.append(f"{name}: members {got.files}, NumPy's {want.files}")
                for member in want.files:
                    same(got[member], want[member], name + ":" + member, problems)
                    checked += 1
    for p in problems:
        print(p)
    if problems or checked == 0:
        print(f"{len(problems)} problems in {checked} arrays" if checked else "no .npy or .npz files in " + folder)
        sys.exit(1)
    print(f"verified {checked} arrays")


if __name__ == "__main__":
    main(sys.argv[1])
