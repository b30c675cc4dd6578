"""Random tensor expressions and their NumPy results, for jdpx's FuzzDifferentialTest.

Run from this folder:  python3 generate_fuzz.py [first_seed count]   (default: 0 240)
Writes fuzz/cases.txt and fuzz/arrays.npz. Each case comes from one seed; cases.txt has a line
    name|expression
and arrays.npz holds, per case, the inputs {name}.x0, {name}.x1, ... and the expected results:
    {name}.r  NumPy's result; {name}.e  its error bound (float results only)
    {name}.r32, {name}.e32  the result on a device without fp64, when it differs: float64 inputs
              become float32 and every float64 an operation would give is float32 (the tensor
              module's rule), computed here by NumPy on those float32 values.
The expression is prefix notation, one node per parenthesis:
    x0                      input 0;   i:3 f:-1.5 b:1   Python (weak) int, float, bool scalars
    (add a b) (sin a) ...   NumPy elementwise functions by their NumPy names
    (where c a b) (clip lo hi a) (astype int8 a)
    (index ::2,1 a) (T a)   basic indexing (NumPy notation, no spaces) and the transpose: views
    (sum 0,2 1 a)           sum/prod/min/max/mean over axes (none: all) with keepdims 0/1
    (argmax 1 a)            argmax along an axis (none: flattened)
Error bounds: every element of a float result gets an absolute bound, propagated through the
tree from the per-operation bounds in ULPS below (what OpenCL 1.2 allows a device, plus NumPy's
own error): first order over the inputs' error intervals (evaluated at their corners) plus the
operation's own ulps of the result; reductions add n * eps * sum|x|. Operations that are
correctly rounded (+ - * / sqrt, casts, min/max, floor...) have 0 ulps: with exact inputs their
result must be identical. A case whose result is not determined by its bounds (a comparison,
floor or cast of a value within its error of a step, a NaN/inf that depends on the error, a
bound above 1e-3 of the value) is discarded and the seed draws another tree, so every element
of every committed case is checked. Integers and bools are exact.
"""
import os
import zipfile
import numpy as np

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(next(p for p in Path(__file__).resolve().parents if (p / "scripts/golden_support.py").is_file()) / "scripts"))
import golden_support as gs  # noqa: E402

OUT = gs.beside(__file__, "fuzz")
F64, F32 = np.dtype(np.float64), np.dtype(np.float32)
INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
DTYPES = ["bool"] + INTS + ["float32", "float64"]
# Ulps an operation may be off on a device (OpenCL 1.2 full profile) plus NumPy's side.
ULPS = {"exp": 5, "exp2": 5, "expm1": 5, "log": 5, "log2": 5, "log10": 5, "log1p": 4, "sin": 6, "cos": 6,
        "tan": 7, "arcsin": 6, "arccos": 6, "arctan": 7, "sinh": 6, "cosh": 6, "tanh": 7, "cbrt": 4,
        "arctan2": 8, "hypot": 6, "power": 18, "deg2rad": 2, "rad2deg": 2}
UNARY_FLOAT = ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
               "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "cbrt", "deg2rad", "rad2deg"]
UNARY_SAME = ["negative", "positive", "abs", "square", "sign", "floor", "ceil", "trunc", "round"]
UNARY_BOOL = ["isnan", "isinf", "isfinite", "logical_not"]
BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod", "power", "minimum",
          "maximum", "fmin", "fmax", "arctan2", "hypot"]
COMPARE = ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]
LOGICAL = ["logical_and", "logical_or", "logical_xor"]
BITWISE = ["bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift"]
STEP = {"floor", "ceil", "trunc", "round", "sign"}


class Unstable(Exception):
    """The tree's result is not determined well enough by the error bounds: draw another."""


class Invalid(Exception):
    """NumPy refuses the operation (or it is undefined there): draw another."""


def npfn(name):
    return {"bitwise_invert": np.invert}.get(name) or getattr(np, name)  # round: half to even, ints stay ints


def spacing(r):
    """One ulp of each element of r in r's dtype, as float64."""
    a = np.abs(r)
    return np.where(np.isfinite(a), np.spacing(np.where(np.isfinite(a), a, 0).astype(r.dtype)), 0).astype(F64)


def subnormal(v):
    if v.dtype.kind != "f":
        return np.zeros(v.shape, bool)
    a = np.abs(v)
    return (a > 0) & (a < np.finfo(v.dtype).tiny)


class Val:
    """A value on one path (NumPy's or the fp64-less device's) with its error bound."""

    def __init__(self, v, e=None):
        self.v = np.asarray(v)
        self.e = np.zeros(self.v.shape) if e is None else np.broadcast_to(np.asarray(e, F64), self.v.shape).copy()


def operand(x):
    return x.v if isinstance(x, Val) else x


def err_of(x, shape):
    if not isinstance(x, Val):
        return np.zeros(shape)
    e = x.e.copy()
    if x.v.dtype.kind == "f":
        # A device may flush subnormal inputs to zero: they are uncertain by the smallest normal.
        e = np.where(subnormal(x.v), np.maximum(e, np.finfo(x.v.dtype).tiny), e)
    return np.broadcast_to(e, shape)


def corners(fn, args, shape):
    """fn at the corners of the inputs' error boxes, in float64 (inputs with no error stay)."""
    base = [np.broadcast_to(np.asarray(operand(a), F64) if isinstance(a, Val) and a.v.dtype.kind == "f"
                            else operand(a), shape) if isinstance(a, Val) else a for a in args]
    idx = [i for i, a in enumerate(args) if isinstance(a, Val) and err_of(a, shape).any()]
    out = []
    for mask in range(1 << len(idx)):
        cur = list(base)
        for k, i in enumerate(idx):
            sgn = 1 if mask >> k & 1 else -1
            cur[i] = np.asarray(cur[i], F64) + sgn * err_of(args[i], shape)
        out.append(fn(*cur))
    return out, bool(idx)


def check_classes(r, cs):
    """NaN, inf and finite results must not depend on the inputs' errors."""
    rf = np.asarray(r, F64)
    for c in cs:
        c = np.asarray(c, F64)
        if (np.isnan(rf) != np.isnan(c)).any():
            raise Unstable("nan")
        inf = np.isinf(rf)
        if ((np.isinf(c) != inf) | (inf & (c != rf))).any():
            raise Unstable("inf")


def finish(r, e):
    """The op's result with bound e; refuses bounds that would not mean anything."""
    r = np.asarray(r)
    if r.dtype.kind != "f":
        return Val(r)
    e = np.where(subnormal(r), e + np.finfo(r.dtype).tiny, e)
    fin = np.isfinite(r)
    if (fin & ~(e <= 1e-3 * np.maximum(np.abs(np.where(fin, r, 0)), 1))).any():
        raise Unstable("bound")
    return Val(r, np.where(fin, e, 0))


def elementwise(name, args, d32):
    """One elementwise op on Vals / Python scalars of one path, with its error bound."""
    vals = [operand(a) for a in args]
    fn = npfn(name)
    first = 1 if name == "where" else 0
    with np.errstate(all="ignore"):
        try:
            r = np.asarray(fn(*vals))
        except (TypeError, ValueError, OverflowError) as ex:
            raise Invalid(str(ex))
        if d32 and (r.dtype == F64 or promoted(vals[first:]) == F64):
            # No fp64: the array operands become float32 first, as the tensor module computes it.
            vals = [v.astype(F32) if i >= first and isinstance(v, np.ndarray) else v for i, v in enumerate(vals)]
            r = np.asarray(fn(*vals))
            args = [Val(v, a.e) if isinstance(a, Val) else a for v, a in zip(vals, args)]
    if r.dtype == np.float16:
        raise Invalid("float16 result (jdpx has no float16)")
    shape = r.shape
    fl = [a for a in args if isinstance(a, Val) and a.v.dtype.kind == "f"]
    has_err = any(err_of(a, shape).any() for a in fl)
    if name == "where":
        return finish(r, np.where(vals[0], err_of(args[1], shape), err_of(args[2], shape)))
    if not fl or not has_err:
        e = ULPS.get(name, 0) * spacing(r) if r.dtype.kind == "f" else 0
        return finish(r, e)
    f64 = lambda *xs: np.asarray(fn(*xs))  # noqa: E731
    with np.errstate(all="ignore"):
        cs, _ = corners(f64, args, shape)
        if name in ("equal", "not_equal") or name in LOGICAL or name == "logical_not":
            a0 = np.broadcast_to(np.asarray(operand(args[0]), F64), shape)
            if name in ("equal", "not_equal"):
                a1 = np.broadcast_to(np.asarray(operand(args[1]), F64), shape)
                near = np.abs(a0 - a1) <= err_of(args[0], shape) + err_of(args[1], shape)
            else:
                near = np.zeros(shape, bool)
                for a in args:
                    if isinstance(a, Val) and a.v.dtype.kind == "f":
                        near |= np.abs(np.broadcast_to(np.asarray(a.v, F64), shape)) <= err_of(a, shape)
            if (near & (err_of(args[0], shape) + (err_of(args[1], shape) if len(args) > 1 else 0) > 0)).any():
                raise Unstable("equality within error")
            return Val(r)
        if r.dtype.kind != "f" or name in STEP:
            for c in cs:
                same = (np.asarray(c) == r) | (np.isnan(np.asarray(c, F64)) & np.isnan(np.asarray(r, F64)))
                if not same.all():
                    raise Unstable("step")
            return Val(r)
        if name in ("floor_divide", "remainder", "fmod", "divide"):
            b = np.broadcast_to(np.asarray(operand(args[1]), F64), shape)
            eb = err_of(args[1], shape)
            if ((np.abs(b) <= eb) & (eb > 0)).any():
                raise Unstable("divisor within error of 0")
        if name in ("floor_divide", "remainder", "fmod"):
            a = np.broadcast_to(np.asarray(operand(args[0]), F64), shape)
            q = a / b
            cq, _ = corners(lambda x, y: np.asarray(x, F64) / np.asarray(y, F64), args, shape)
            rnd = np.trunc if name == "fmod" else np.floor
            for c in cq:
                if ((rnd(c) != rnd(q)) & np.isfinite(q)).any():
                    raise Unstable("quotient near an integer")
            if name == "floor_divide":
                return Val(r)
            n = np.abs(rnd(q))
            e = err_of(args[0], shape) + np.where(np.isfinite(n), n, 0) * err_of(args[1], shape) + 2 * spacing(r)
            check_classes(r, [r])
            return finish(r, e)
        check_classes(r, cs)
        rf = np.asarray(r, F64)
        prop = np.zeros(shape)
        for c in cs:
            d = np.abs(np.asarray(c, F64) - rf)
            prop = np.maximum(prop, np.where(np.isfinite(rf), d, 0))
        if name in ("sin", "cos"):
            prop = np.maximum(prop, np.minimum(err_of(args[0], shape), 2))
        e = 2 * prop + (ULPS.get(name, 0) + 2) * spacing(r)
        return finish(r, e)


def promoted(vals):
    try:
        return np.result_type(*vals)
    except TypeError:
        return None


def reduce(name, axes, kd, x, d32):
    v, e = x.v, x.e
    ax = None if axes is None else tuple(axes)
    with np.errstate(all="ignore"):
        if name == "argmax":
            r = np.asarray(np.argmax(v, axis=None if ax is None else ax[0]))
            if v.dtype.kind == "f" and e.any():
                vv = np.moveaxis(v, ax[0], -1) if ax is not None else v.reshape(-1)
                ee = np.moveaxis(e, ax[0], -1) if ax is not None else e.reshape(-1)
                idx = np.expand_dims(r, -1)
                best = np.take_along_axis(vv, idx, -1)
                ebest = np.take_along_axis(ee, idx, -1)
                others = np.arange(vv.shape[-1]) != idx
                near = (vv + ee >= best - ebest) & others & ~np.isnan(best)
                if near.any():
                    raise Unstable("argmax tie within error")
            return Val(r)
        if name == "mean" and d32 and v.dtype.kind != "f":
            v = v.astype(F32)  # the mean of integers is the default float: float32 without fp64
        r = np.asarray(getattr(np, name)(v, axis=ax, keepdims=kd))
        if r.dtype.kind != "f":
            return Val(r)
        vf = v.astype(F64)
        n = v.size if ax is None else int(np.prod([v.shape[a] for a in ax]))
        eps = np.finfo(r.dtype).eps
        if name in ("min", "max"):
            em = np.max(e, axis=ax, keepdims=kd) if v.size else 0
            # Signed zeros: which zero a reduction returns depends on its order.
            return finish(r, np.where(r == 0, np.maximum(em, 5e-324), em))
        if name == "prod":
            mag = np.abs(vf) + e
            bound = np.zeros(r.shape)
            if e.any():
                # first order: sum_i e_i * prod_{j != i} (|x_j| + e_j)
                total = np.prod(mag, axis=ax, keepdims=kd)
                bound = np.sum(np.where(mag > 0, e / np.where(mag > 0, mag, 1), 0), axis=ax, keepdims=kd) * total
            bound = bound + (n + 2) * eps * np.prod(np.abs(vf) + e, axis=ax, keepdims=kd)
            check_classes(r, [np.prod(vf + e, axis=ax, keepdims=kd), np.prod(vf - e, axis=ax, keepdims=kd)])
            return finish(r, bound)
        s = np.sum(np.abs(vf), axis=ax, keepdims=kd)
        bound = np.sum(e, axis=ax, keepdims=kd) + (n + 2) * eps * s
        if (np.where(np.isfinite(r), s, 0) > np.finfo(r.dtype).max / 4).any():
            raise Unstable("sum near overflow")
        if name == "mean":
            bound = bound / max(n, 1) + 2 * spacing(r)
        return finish(r, bound)


class Gen:
    """Draws one random expression over random inputs, evaluated on both paths as it grows."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.inputs = []
        self.stored = []

    def pick(self, xs, p=None):
        return xs[self.rng.choice(len(xs), p=p)]

    def data(self, dtype, shape):
        rng = self.rng
        dt = np.dtype(dtype)
        if dt == np.bool_:
            return np.asarray(rng.integers(0, 2, shape)).astype(bool)
        if dt.kind in "iu":
            info = np.iinfo(dt)
            if rng.random() < 0.25:
                return np.asarray(rng.integers(info.min, info.max, shape, dtype=dt, endpoint=True))
            lo = 0 if dt.kind == "u" else -20
            return np.asarray(rng.integers(lo, 21, shape)).astype(dt)
        scale = self.pick([1.0, 1.0, 3.0, 100.0, 1e-3])
        a = np.array(rng.standard_normal(shape) * scale)
        if rng.random() < 0.3:
            a = np.round(a * 4) / 4
        if rng.random() < 0.15 and a.size:
            flat = a.reshape(-1)
            for _ in range(rng.integers(1, 3)):
                flat[rng.integers(0, flat.size)] = self.pick([0.0, -0.0, np.inf, -np.inf, np.nan, 0.5, -2.0])
        return a.astype(dt)

    def leaf_shape(self, out):
        """A shape that broadcasts to out: leading axes dropped, some extents 1."""
        k = len(out) - int(self.rng.integers(0, len(out) + 1)) if self.rng.random() < 0.3 else 0
        s = list(out[k:])
        for i in range(len(s)):
            if self.rng.random() < 0.2:
                s[i] = 1
        return tuple(s)

    def view(self, shape):
        """A stored shape and the views (index spec / transpose) that turn it into shape."""
        rng = self.rng
        kind = self.pick(["none", "none", "T", "step", "at", "newaxis"])
        if kind == "T" and len(shape) >= 2:
            return tuple(reversed(shape)), [("T", None)]
        if kind == "step" and len(shape) >= 1:
            a = int(rng.integers(0, len(shape)))
            step = int(self.pick([2, 3, -1, -2]))
            start = int(rng.integers(0, abs(step)))
            n = shape[a]
            stored = list(shape)
            stored[a] = n * abs(step) + start
            if step > 0:
                comp = f"{start}::{step}"
            else:
                comp = f"{stored[a] - 1 - start}::{step}"
            spec = ",".join([":"] * a + [comp])
            return tuple(stored), [("index", spec)]
        if kind == "at" and len(shape) <= 2:
            a = int(rng.integers(0, len(shape) + 1))
            m = int(rng.integers(2, 4))
            i = int(rng.integers(-m, m))
            stored = list(shape[:a]) + [m] + list(shape[a:])
            return tuple(stored), [("index", ",".join([":"] * a + [str(i)]))]
        if kind == "newaxis" and 1 in shape:
            a = shape.index(1)
            stored = list(shape[:a]) + list(shape[a + 1:])
            return tuple(stored), [("index", ",".join([":"] * a + ["None"]))]
        return tuple(shape), []

    def leaf(self, shape, dtype=None):
        if self.rng.random() < 0.12 and dtype is None:
            kind = self.pick(["i", "f", "b"], p=[0.45, 0.45, 0.1])
            if kind == "i":
                v = int(self.rng.integers(-5, 8))
                return f"i:{v}", v, v
            if kind == "b":
                v = bool(self.rng.integers(0, 2))
                return f"b:{int(v)}", v, v
            v = float(self.pick([0.5, -1.5, 2.0, 0.1, 3.25, -0.75, 1e-3, 7.0]))
            return f"f:{v!r}", v, v
        if self.inputs and self.rng.random() < 0.25:
            k = int(self.rng.integers(0, len(self.inputs)))
            name, ref, d32 = self.inputs[k]
            try:
                if np.broadcast_shapes(ref.v.shape, shape) == tuple(shape):
                    return name, ref, d32
            except ValueError:
                pass
        dtype = dtype or self.pick(DTYPES, p=[0.08] + [0.05, 0.05, 0.07, 0.1, 0.05, 0.04, 0.04, 0.02] + [0.25, 0.25])
        s = self.leaf_shape(shape)
        stored_shape, views = self.view(s)
        stored = self.data(dtype, stored_shape)
        k = len(self.inputs)
        expr = f"x{k}"
        v = stored
        v32 = stored.astype(F32) if stored.dtype == F64 else stored
        for kind, spec in views:
            if kind == "T":
                expr, v, v32 = f"(T {expr})", v.T, v32.T
            else:
                ix = tuple(None if c == "None" else slice(*[int(p) if p else None for p in c.split(":")]) if ":" in c
                           else int(c) for c in spec.split(","))
                expr, v, v32 = f"(index {spec} {expr})", v[ix], v32[ix]
        self.inputs.append((expr, Val(v), Val(v32)))
        self.stored.append(stored)
        return expr, Val(v), Val(v32)

    def node(self, shape, depth):
        """(expression, ref Val, d32 Val) of the given broadcast shape."""
        if depth <= 0 or self.rng.random() < 0.15:
            return self.leaf(shape)
        for _ in range(12):
            mark = len(self.inputs)
            try:
                return self.op(shape, depth)
            except (Invalid, Unstable):
                del self.inputs[mark:], self.stored[mark:]  # inputs of a discarded subtree are not kept
        return self.leaf(shape)

    def op(self, shape, depth):
        rng = self.rng
        group = self.pick(["unary_float", "unary_same", "unary_bool", "binary", "compare", "logical", "bitwise",
                           "where", "clip", "astype", "view"],
                          p=[0.14, 0.12, 0.04, 0.26, 0.08, 0.04, 0.06, 0.08, 0.05, 0.1, 0.03])
        if group == "view":
            if len(shape) < 2:
                raise Invalid("transpose of fewer than 2 axes")
            e, r, d = self.node(tuple(reversed(shape)), depth - 1)
            if not isinstance(r, Val):
                raise Invalid("view of a scalar")
            return f"(T {e})", Val(r.v.T, r.e.T), Val(d.v.T, d.e.T)
        if group == "astype":
            e, r, d = self.node(shape, depth - 1)
            if not isinstance(r, Val):
                raise Invalid("astype of a scalar")
            t = self.pick(DTYPES)
            return f"(astype {t} {e})", self.cast(r, t, False), self.cast(d, t, True)
        if group == "clip":
            e, r, d = self.node(shape, depth - 1)
            if not isinstance(r, Val):
                raise Invalid("clip of a scalar")
            lo, hi = sorted(self.pick([-2, -1, 0, 1, 3, -1.5, 0.25, 2.5], p=None) for _ in range(2))
            if rng.random() < 0.1:
                lo, hi = hi, lo
            return (f"(clip {self.scalar(lo)} {self.scalar(hi)} {e})",
                    self.apply2("clip", [r, lo, hi], False), self.apply2("clip", [d, lo, hi], True))
        names = {"unary_float": UNARY_FLOAT, "unary_same": UNARY_SAME, "unary_bool": UNARY_BOOL + ["bitwise_invert"],
                 "binary": BINARY, "compare": COMPARE, "logical": LOGICAL, "bitwise": BITWISE, "where": ["where"]}[group]
        name = self.pick(names)
        arity = 1 if group.startswith("unary") else 3 if name == "where" else 2
        kids = []
        for i in range(arity):
            if name == "where" and i == 0:
                e, r, d = self.node(shape, depth - 1)
                if not isinstance(r, Val) or r.v.dtype != np.bool_:
                    raise Invalid("where needs a bool condition")
                kids.append((e, r, d))
            else:
                kids.append(self.node(shape if rng.random() < 0.7 else self.leaf_shape(shape), depth - 1))
        if not any(isinstance(k[1], Val) for k in kids):
            raise Invalid("scalars only")
        ref = self.apply2(name, [k[1] for k in kids], False)
        d32 = self.apply2(name, [k[2] for k in kids], True)
        if name in ("floor_divide", "remainder", "fmod") and np.uint64 in [k[1].v.dtype for k in kids if isinstance(k[1], Val)]:
            raise Invalid("jdpx refuses floor_divide/remainder on uint64")
        return f"({name} {' '.join(k[0] for k in kids)})", ref, d32

    @staticmethod
    def scalar(v):
        return f"i:{v}" if isinstance(v, int) else f"f:{v!r}"

    @staticmethod
    def apply2(name, args, d32):
        if name == "clip":
            # np.clip is minimum(maximum(x, lo), hi) with NumPy's promotion; the bound follows that.
            x, lo, hi = args
            r = elementwise("minimum", [elementwise("maximum", [x, lo], d32), hi], d32)
            if not d32:
                with np.errstate(all="ignore"):
                    c = np.clip(x.v, lo, hi)
                if c.dtype != r.v.dtype or not np.array_equal(c, r.v, equal_nan=True):
                    raise Invalid("np.clip differs from its composition")
            return r
        return elementwise(name, args, d32)

    @staticmethod
    def cast(x, t, d32):
        t = np.dtype(t)
        if d32 and t == F64:
            t = F32
        v = x.v
        if v.dtype.kind == "f" and t.kind in "iub" and t != np.bool_:
            info = np.iinfo(t)
            with np.errstate(all="ignore"):
                lo, hi = np.trunc(v.astype(F64) - x.e), np.trunc(v.astype(F64) + x.e)
            if not (np.isfinite(v).all() and (lo >= info.min).all() and (hi <= info.max).all()):
                raise Invalid("float to int cast out of range (undefined in C and NumPy)")
            if (lo != hi).any():
                raise Unstable("cast near an integer")
            return Val(v.astype(t))
        if v.dtype.kind == "f" and t == np.bool_:
            if ((np.abs(v) <= x.e) & (x.e > 0)).any():
                raise Unstable("bool cast near 0")
            return Val(v.astype(t))
        with np.errstate(all="ignore"):
            r = v.astype(t)
        if t.kind == "f" and v.dtype.kind == "f" and x.e.any():
            cs = [(v.astype(F64) + s * x.e).astype(t) for s in (-1, 1)]
            check_classes(r, cs)
            return finish(r, x.e + 2 * spacing(r))
        return finish(r, np.zeros(r.shape))

    def case(self):
        rng = self.rng
        rank = int(self.pick([0, 1, 1, 2, 2, 2, 3, 3]))
        shape = tuple(int(self.pick([1, 2, 3, 4, 5])) for _ in range(rank))
        depth = int(rng.integers(1, 6))
        e, r, d = self.node(shape, depth)
        if not isinstance(r, Val) or not e.startswith("("):
            raise Invalid("a leaf alone")
        if rng.random() < 0.45 and r.v.ndim >= 0:
            name = self.pick(["sum", "prod", "min", "max", "mean", "argmax"])
            nd = r.v.ndim
            if name == "argmax":
                ax = None if nd == 0 or rng.random() < 0.4 else [int(rng.integers(-nd, nd))]
                if r.v.size == 0:
                    raise Invalid("empty argmax")
                r2, d2 = reduce("argmax", ax, False, r, False), reduce("argmax", ax, False, d, True)
                return f"(argmax {'none' if ax is None else ax[0]} {e})", r2, d2
            if name in ("min", "max") and r.v.size == 0:
                raise Invalid("empty min")
            axes = None if nd == 0 or rng.random() < 0.35 else sorted(
                {int(a) for a in rng.choice(nd, size=int(rng.integers(1, nd + 1)), replace=False)})
            kd = bool(rng.integers(0, 2))
            r2, d2 = reduce(name, axes, kd, r, False), reduce(name, axes, kd, d, True)
            a = "none" if axes is None else ",".join(map(str, axes))
            return f"({name} {a} {int(kd)} {e})", r2, d2
        return e, r, d


def evaluate(expr, inputs, d32):
    """The value and bound of a written expression (the fixed cases; and a check of the drawn ones)."""
    toks = expr.replace("(", " ( ").replace(")", " ) ").split()
    pos = [0]

    def nxt():
        pos[0] += 1
        return toks[pos[0] - 1]

    def node():
        t = nxt()
        if t != "(":
            if t.startswith("x"):
                v = inputs[int(t[1:])]
                return Val(v.astype(F32) if d32 and v.dtype == F64 else v)
            kind, v = t.split(":", 1)
            return int(v) if kind == "i" else float(v) if kind == "f" else v == "1"
        name = nxt()
        if name == "T":
            a = node()
            r = Val(a.v.T, a.e.T)
        elif name == "index":
            spec = nxt()
            a = node()
            ix = tuple(None if c == "None" else slice(*[int(p) if p else None for p in c.split(":")]) if ":" in c
                       else int(c) for c in spec.split(","))
            r = Val(a.v[ix], a.e[ix])
        elif name == "astype":
            t = nxt()
            r = Gen.cast(node(), t, d32)
        elif name == "clip":
            lo, hi, a = node(), node(), node()
            r = Gen.apply2("clip", [a, lo, hi], d32)
        elif name in ("sum", "prod", "min", "max", "mean", "argmax"):
            ax = nxt()
            kd = nxt() == "1" if name != "argmax" else False
            axes = None if ax == "none" else [int(a) for a in ax.split(",")]
            r = reduce(name, axes, kd, node(), d32)
        else:
            args = []
            while toks[pos[0]] != ")":
                args.append(node())
            r = elementwise(name, args, d32)
        assert nxt() == ")"
        return r

    return node()


# Shrunk reproducers of the defects this generator found (each failed before its fix), and
# of two it found in a device compiler (known defects the test names: the last two).
FIXED = [
    ("fx_uint16_sign", "(sign x0)", [np.array([0, 1, 40000, 65535], np.uint16)]),
    ("fx_uint16_log10", "(floor (log10 x0))", [np.array([2, 999, 40000, 65535], np.uint16)]),
    ("fx_divide_int8_is_float64", "(divide x0 x1)", [np.array([1, -7, 100], np.int8), np.array([3, 2, -9], np.int8)]),
    ("fx_square_bool_is_int8", "(square x0)", [np.array([True, False])]),
    ("fx_shift_bool_is_int8", "(left_shift x0 (right_shift x0 x1))", [np.array([True, False, True]), np.array([False, True, True])]),
    ("fx_remainder_zero_sign", "(remainder x0 x1)",
     [np.array([-4.0, 4.0, 0.0, -0.0, 0.0, 1.0]), np.array([2.0, -2.0, -3.0, 3.0, -0.0004, 0.1])]),
    ("fx_floor_divide_numpy", "(floor_divide x0 x1)",
     [np.array([1.0, -1.0, 1.0, 0.3, -0.0, 7.0, -0.0, 5.0]), np.array([0.1, 0.1, 0.0, 0.1, 1.0, -0.7, -1.0, -0.0])]),
    ("fx_floor_divide_numpy_f32", "(floor_divide x0 x1)",
     [np.array([1.0, -1.0, 0.3, 7.0, 2.0], np.float32), np.array([0.1, 0.1, 0.1, -0.7, np.inf], np.float32)]),
    ("fx_sign_of_negative_zero", "(sign x0)", [np.array([-0.0, 0.0, np.nan, -2.0, 3.0])]),
    ("fx_compare_int32_uint64", "(equal x0 x1)", [np.array([1, -1, 7], np.int32), np.array([1, 2**64 - 1, 8], np.uint64)]),
    ("fx_less_int32_float32", "(less x0 x1)", [np.array([1, -1, 7], np.int32), np.array([1.5, -3.0, 7.0], np.float32)]),
    ("fx_fmod_sign", "(fmod x0 x1)", [np.array([-1e-30, -5.5, 5.5, -0.0, 3.0]), np.array([1.0, 2.0, -2.0, 1.0, -0.75])]),
    # Copies of a strided view: bool, int8 and uint8 kernels had one cache key (uint8 came back as 0/1).
    ("fx_view_copy_bool", "(index 3::-1 x0)", [np.array([[True, False], [False, True], [True, True], [False, False]])]),
    ("fx_view_copy_uint8", "(index 3::-1 x0)", [np.array([[7, 219], [178, 209], [17, 59], [123, 249]], np.uint8)]),
    ("fx_view_copy_int8", "(T x0)", [np.array([[7, -37], [-78, 0], [17, 59], [123, -7]], np.int8)]),
    ("fx_remainder_int64_by_int32", "(remainder x0 x1)", [np.array([2, 2, 2, -2]), np.array([-7, 7, -128, 7], np.int32)]),
    ("fx_divide_by_constant_zero", "(divide x0 (isnan x1))", [np.array([1.0, -2.0, 0.0], np.float32), np.array([3, 4, 5])]),
]


def draw(seed):
    """The first tree a seed's generator draws that NumPy accepts and whose result is determined."""
    for attempt in range(200):
        g = Gen([seed, attempt])
        try:
            e, r, d = g.case()
        except (Invalid, Unstable):
            continue
        return e, g.stored, r, d
    raise RuntimeError(f"seed {seed}: no usable tree")


def main():
    first, count = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (0, 240)
    os.makedirs(OUT, exist_ok=True)
    lines, arrays = [], {}
    for seed in range(first, first + count):
        name = f"s{seed:04d}"
        e, stored, r, d = draw(seed)
        for k, x in enumerate(stored):
            arrays[f"{name}.x{k}"] = x
        arrays[f"{name}.r"] = r.v
        if r.v.dtype.kind == "f":
            arrays[f"{name}.e"] = r.e
        same = d.v.dtype == r.v.dtype and np.array_equal(d.v, r.v, equal_nan=True) and (
            d.v.dtype.kind != "f" or np.array_equal(d.e, r.e))
        if not same:
            arrays[f"{name}.r32"] = d.v
            if d.v.dtype.kind == "f":
                arrays[f"{name}.e32"] = d.e
        lines.append(f"{name}|{e}")
        check = evaluate(e, stored, False)
        assert check.v.dtype == r.v.dtype and np.array_equal(check.v, r.v, equal_nan=True), f"{name}: {e} re-evaluates differently"
    for name, e, xs in FIXED:
        r, d = evaluate(e, xs, False), evaluate(e, xs, True)
        for k, x in enumerate(xs):
            arrays[f"{name}.x{k}"] = x
        arrays[f"{name}.r"] = r.v
        if r.v.dtype.kind == "f":
            arrays[f"{name}.e"] = r.e
        if not (d.v.dtype == r.v.dtype and np.array_equal(d.v, r.v, equal_nan=True)):
            arrays[f"{name}.r32"] = d.v
            if d.v.dtype.kind == "f":
                arrays[f"{name}.e32"] = d.e
        lines.append(f"{name}|{e}")
    with zipfile.ZipFile(os.path.join(OUT, "arrays.npz"), "w", zipfile.ZIP_DEFLATED) as z:
        for k, a in arrays.items():
            with z.open(k + ".npy", "w") as f:
                np.lib.format.write_array(f, np.asarray(a, order="C"), allow_pickle=False)
    with open(os.path.join(OUT, "cases.txt"), "w") as fh:
        fh.write(gs.stamp("generate_fuzz.py", args=f" {first} {count}"))
        fh.write("\n".join(lines) + "\n")
    print(len(lines), "cases,", os.path.getsize(os.path.join(OUT, "arrays.npz")), "bytes of arrays")


if __name__ == "__main__":
    main()
