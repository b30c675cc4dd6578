"""Writes NumPy reference data for jdpx's MoreFunctions: histogram2d, histogramdd and the text
readers fromstring, fromregex and genfromtxt.

Run from this folder:  python3 generate_hist_text_cases.py
Writes histtext/*.npy (inputs and NumPy's outputs), histtext/*.txt (the text the readers read) and
histtext/cases.txt, one case per line:
    name|function|arguments|input files|output files|tolerance class
as generate_more_cases.py does; HistTextNumpyTest calls the Dpnp function of that NumPy name on
every device. Arguments: bins (one count, or counts per dimension), range (min,max per dimension,
flat), density, weighted (the last input is the weights), edges (inputs after the sample are
edge arrays), file (a .txt file of this folder), and the readers' own arguments.
"""
import os
import warnings

import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

HERE = gs.beside(__file__, "histtext")
W = gs.CaseWriter(HERE)
rng = np.random.default_rng(20261205)
warnings.simplefilter("ignore")
X = W.inputs
arr, case = W.arr, W.case


def dd(result):
    """histogramdd's (hist, [edges...]) as one list of outputs."""
    return [result[0], *result[1]]


def flat(r):
    return ",".join(repr(float(v)) for pair in r for v in pair)


# histogram2d
arr("hx", rng.standard_normal(300))
arr("hy", rng.standard_normal(300) * 2 + 1)
arr("hw", rng.random(300))
arr("hx32", X["hx"].astype(np.float32))
arr("hy32", X["hy"].astype(np.float32))
arr("hxi", rng.integers(-3, 7, 90))
arr("hyi", rng.integers(0, 4, 90))
arr("xe", np.array([-2.0, -0.5, 0.0, 0.3, 1.0, 2.5]))
arr("ye", np.array([-1.0, 0.0, 1.0, 4.0]))
xy = ("hx", "hy")
case("h2_bins", "histogram2d", "bins=7", xy, np.histogram2d(X["hx"], X["hy"], 7), "ulp")
case("h2_bins_xy", "histogram2d", "bins=4,6", xy, np.histogram2d(X["hx"], X["hy"], [4, 6]), "ulp")
r2 = [[-1.0, 1.5], [0.0, 3.0]]
case("h2_range", "histogram2d", "bins=5;range=" + flat(r2), xy, np.histogram2d(X["hx"], X["hy"], 5, range=r2), "ulp")
case("h2_density", "histogram2d", "bins=6;density=1", xy, np.histogram2d(X["hx"], X["hy"], 6, density=True), "ulp")
case("h2_weights", "histogram2d", "bins=5;weighted=1", xy + ("hw",),
     np.histogram2d(X["hx"], X["hy"], 5, weights=X["hw"]), "ulp")
case("h2_weights_density", "histogram2d", "bins=3,5;range=" + flat(r2) + ";density=1;weighted=1", xy + ("hw",),
     np.histogram2d(X["hx"], X["hy"], [3, 5], range=r2, density=True, weights=X["hw"]), "ulp")
case("h2_edges", "histogram2d", "edges=1", xy + ("xe", "ye"), np.histogram2d(X["hx"], X["hy"], [X["xe"], X["ye"]]), "ulp")
case("h2_edges_density", "histogram2d", "edges=1;density=1", xy + ("xe", "ye"),
     np.histogram2d(X["hx"], X["hy"], [X["xe"], X["ye"]], density=True), "ulp")
case("h2_f32", "histogram2d", "bins=4", ("hx32", "hy32"), np.histogram2d(X["hx32"], X["hy32"], 4), "ulp")
case("h2_f32_range", "histogram2d", "bins=4;range=" + flat(r2), ("hx32", "hy32"),
     np.histogram2d(X["hx32"], X["hy32"], 4, range=r2), "ulp")
case("h2_int", "histogram2d", "bins=5", ("hxi", "hyi"), np.histogram2d(X["hxi"], X["hyi"], 5), "ulp")

# histogramdd
arr("s3", rng.standard_normal((200, 3)))
s3n = X["s3"].copy(); s3n[[3, 17, 40], [0, 2, 1]] = np.nan
arr("s3nan", s3n)
arr("s1", rng.random(50) * 10)
arr("sw", rng.random(200))
arr("e0", np.array([-3.0, -1.0, 0.0, 1.0, 3.0]))
arr("e1", np.array([-1.0, 1.0]))
arr("e2", np.array([-2.0, -0.2, 0.0, 0.2, 2.0, 9.0]))
arr("sconst", np.column_stack([np.full(20, 2.0), np.linspace(0, 1, 20)]))
r3 = [[-2.0, 2.0], [-1.0, 1.0], [-3.0, 0.5]]
case("hdd_bins", "histogramdd", "bins=3,4,2", ("s3",), dd(np.histogramdd(X["s3"], [3, 4, 2])), "ulp")
case("hdd_range", "histogramdd", "bins=4,2,5;range=" + flat(r3), ("s3",), dd(np.histogramdd(X["s3"], [4, 2, 5], range=r3)), "ulp")
case("hdd_density_w", "histogramdd", "bins=2,3,3;density=1;weighted=1", ("s3", "sw"),
     dd(np.histogramdd(X["s3"], [2, 3, 3], density=True, weights=X["sw"])), "ulp")
case("hdd_edges", "histogramdd", "edges=1", ("s3", "e0", "e1", "e2"), dd(np.histogramdd(X["s3"], [X["e0"], X["e1"], X["e2"]])), "ulp")
case("hdd_edges_w", "histogramdd", "edges=1;weighted=1", ("s3", "e0", "e1", "e2", "sw"),
     dd(np.histogramdd(X["s3"], [X["e0"], X["e1"], X["e2"]], weights=X["sw"])), "ulp")
case("hdd_nan_range", "histogramdd", "bins=3,3,3;range=" + flat(r3), ("s3nan",), dd(np.histogramdd(X["s3nan"], 3, range=r3)), "ulp")
case("hdd_1d", "histogramdd", "bins=6", ("s1",), dd(np.histogramdd(X["s1"], 6)), "ulp")
case("hdd_const", "histogramdd", "bins=3,4", ("sconst",), dd(np.histogramdd(X["sconst"], [3, 4])), "ulp")


# text readers
def txt(name, content):
    with open(os.path.join(HERE, name + ".txt"), "w") as f:
        f.write(content)
    return os.path.join(HERE, name + ".txt")


def read(name):
    with open(os.path.join(HERE, name + ".txt")) as f:
        return f.read()


txt("fs_space", "1.5 -2 3e2\n  4.25\t5 nan -inf")
txt("fs_comma", "1, 2,3 ,  4,-7")
txt("fs_colon", "10:20 : 30")
case("fs_space", "fromstring", "file=fs_space;sep= ", (), np.fromstring(read("fs_space"), sep=" "), "exact")
case("fs_comma", "fromstring", "file=fs_comma;sep=,", (), np.fromstring(read("fs_comma"), sep=","), "exact")
case("fs_int", "fromstring", "file=fs_comma;sep=,;dtype=int64", (), np.fromstring(read("fs_comma"), dtype=np.int64, sep=","), "exact")
case("fs_count", "fromstring", "file=fs_space;sep= ;count=4", (), np.fromstring(read("fs_space"), sep=" ", count=4), "exact")
case("fs_f32", "fromstring", "file=fs_comma;sep=,;dtype=float32", (), np.fromstring(read("fs_comma"), dtype=np.float32, sep=","), "exact")
case("fs_int32_colon", "fromstring", "file=fs_colon;sep=:;dtype=int32", (), np.fromstring(read("fs_colon"), dtype=np.int32, sep=":"), "exact")

p = txt("rx_log", "t=1 v=2.5\nnoise\nt=2 v=-1.25\nt=3 v=1e3\n")
rx2 = r"t=(\d+) v=(\S+)"
out = np.fromregex(p, rx2, [("t", np.float64), ("v", np.float64)])
case("rx_two", "fromregex", "file=rx_log;regex=" + rx2, (), out.view(np.float64).reshape(len(out), 2), "exact")
rx1 = r"t=(\d+)"
out = np.fromregex(p, rx1, [("t", np.int64)])
case("rx_one", "fromregex", "file=rx_log;regex=" + rx1 + ";dtype=int64", (), out["t"], "exact")
p = txt("rx_pairs", "a:1,b:2 a:3,b:4\na:5,b:6")
rxp = r"a:(\d),b:(\d)"
out = np.fromregex(p, rxp, [("a", np.int32), ("b", np.int32)])
case("rx_int32", "fromregex", "file=rx_pairs;regex=" + rxp + ";dtype=int32", (), out.view(np.int32).reshape(len(out), 2), "exact")

p = txt("gt_csv", "# a header comment\nx,y,z\n1,2,3\n4,,6\n7,8,  # trailing\n\n10,11,12\n")
case("gt_csv", "genfromtxt", "file=gt_csv;delimiter=,;skip_header=2", (), np.genfromtxt(p, delimiter=",", skip_header=2), "exact")
case("gt_fill", "genfromtxt", "file=gt_csv;delimiter=,;skip_header=2;filling_values=-99", (),
     np.genfromtxt(p, delimiter=",", skip_header=2, filling_values=-99), "exact")
case("gt_usecols", "genfromtxt", "file=gt_csv;delimiter=,;skip_header=2;usecols=0,2", (),
     np.genfromtxt(p, delimiter=",", skip_header=2, usecols=(0, 2)), "exact")
case("gt_onecol", "genfromtxt", "file=gt_csv;delimiter=,;skip_header=2;usecols=-1", (),
     np.genfromtxt(p, delimiter=",", skip_header=2, usecols=(-1,)), "exact")
case("gt_int", "genfromtxt", "file=gt_csv;delimiter=,;skip_header=2;dtype=int64", (),
     np.genfromtxt(p, delimiter=",", skip_header=2, dtype=np.int64), "exact")
p = txt("gt_ws", "1.5  2.5\t-3\n  nan 4e-3 inf\n")
case("gt_ws", "genfromtxt", "file=gt_ws", (), np.genfromtxt(p), "exact")
case("gt_ws_f32", "genfromtxt", "file=gt_ws;dtype=float32", (), np.genfromtxt(p, dtype=np.float32), "exact")
p = txt("gt_row", "5,6,7\n")
case("gt_row", "genfromtxt", "file=gt_row;delimiter=,", (), np.genfromtxt(p, delimiter=","), "exact")

W.finish(gs.stamp("generate_hist_text_cases.py", "NumPy"))
