package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/** The index-helper and array-information half of {@link MoreCalls}. */
final class IndexCalls {

    private IndexCalls() {
    }

    private static UsmNdArray[] one(UsmNdArray r) {
        return new UsmNdArray[] {r};
    }

    private static UsmNdArray flag(boolean b, ArrayOptions on) {
        return Dpnp.asarray(new boolean[] {b}, new long[0], on);
    }

    private static UsmNdArray longs(ArrayOptions on, long... v) {
        return Dpnp.asarray(v, new long[] {v.length}, on);
    }

    private static UsmNdArray view(UsmNdArray x, String v) {
        return v.equals("T") ? x.T() : x.get(v);
    }

    static UsmNdArray[] run(String fn, Args a, UsmNdArray[] x, ArrayOptions on) {
        UsmNdArray x0 = x.length > 0 ? x[0] : null;
        UsmNdArray x1 = x.length > 1 ? x[1] : null;
        Integer axis = a.axis("axis");
        return switch (fn) {
            case "diag_indices" -> Dpnp.diagIndices(a.l("n"), a.i("ndim"), on);
            case "diag_indices_from" -> Dpnp.diagIndicesFrom(x0);
            case "tril_indices" -> Dpnp.trilIndices(a.l("n"), a.l("k"), a.l("m"), on);
            case "triu_indices" -> Dpnp.triuIndices(a.l("n"), a.l("k"), a.l("m"), on);
            case "tril_indices_from" -> Dpnp.trilIndicesFrom(x0, a.l("k"));
            case "triu_indices_from" -> Dpnp.triuIndicesFrom(x0, a.l("k"));
            case "mask_indices" -> Dpnp.maskIndices(a.l("n"), Dpnp::triu, a.l("k"), on);
            case "ravel_multi_index" -> one(Dpnp.ravelMultiIndex(x, a.longs("dims"), a.str("mode").split(","), a.str("order").charAt(0)));
            case "unravel_index" -> Dpnp.unravelIndex(x0, a.longs("shape"), a.str("order").charAt(0));
            case "ix_" -> Dpnp.ix(x);
            case "packbits" -> one(Dpnp.packbits(x0, axis, a.str("bitorder")));
            case "unpackbits" -> one(Dpnp.unpackbits(x0, axis, a.has("count") ? a.l("count") : null, a.str("bitorder")));
            case "shape" -> one(longs(on, Dpnp.shape(x0)));
            case "size" -> one(Dpnp.asarray(new long[] {Dpnp.size(x0, axis)}, new long[0], on));
            case "ndim" -> one(Dpnp.asarray(new long[] {Dpnp.ndim(x0)}, new long[0], on));
            case "shares_memory" -> {
                UsmNdArray p = view(x0, a.str("a"));
                UsmNdArray q = view(x0, a.str("b"));
                yield new UsmNdArray[] {flag(Dpnp.mayShareMemory(p, q), on), flag(Dpnp.sharesMemory(p, q), on)};
            }
            case "broadcast_shapes" -> {
                String[] parts = a.str("shapes").split(":");
                long[][] shapes = new long[parts.length][];
                for (int i = 0; i < parts.length; i++) shapes[i] = new Args("s=" + parts[i]).longs("s");
                yield one(longs(on, Dpnp.broadcastShapes(shapes)));
            }
            case "isfortran" -> one(flag(Dpnp.isfortran(view(x0, a.str("view"))), on));
            case "ascontiguousarray" -> {
                UsmNdArray r = Dpnp.ascontiguousarray(view(x0, a.str("view")));
                yield new UsmNdArray[] {r, flag(r.view().isCContiguous(), on)};
            }
            case "asfortranarray" -> fortran(Dpnp.asfortranarray(view(x0, a.str("view"))), on);
            case "require" -> {
                UsmNdArray v = view(x0, a.str("view"));
                UsmNdArray r = Dpnp.require(v, DType.of(a.str("dtype")), a.str("req").split(","));
                if (Dpnp.mayShareMemory(r, x0)) throw new AssertionError("require 'O' must copy");
                yield fortran(r, on);
            }
            case "asanyarray" -> one(Dpnp.asanyarray(x0));
            case "asarray_chkfinite" -> one(Dpnp.asarrayChkfinite(x0));
            case "isscalar" -> new UsmNdArray[] {flag(Dpnp.isscalar(3.5), on), flag(Dpnp.isscalar(7), on), flag(Dpnp.isscalar("s"), on),
                    flag(Dpnp.isscalar(x0), on), flag(Dpnp.isscalar(Dpnp.sum(x0)), on)};
            case "iterable" -> new UsmNdArray[] {flag(Dpnp.iterable(x0), on), flag(Dpnp.iterable(Dpnp.sum(x0)), on),
                    flag(Dpnp.iterable(java.util.List.of(1, 2)), on), flag(Dpnp.iterable(3), on)};
            default -> throw new IllegalArgumentException("no Dpnp call for case function " + fn);
        };
    }

    private static UsmNdArray[] fortran(UsmNdArray r, ArrayOptions on) {
        boolean f = org.jdpx.tensor.Shapes.isFContiguous(r.view().shape(), r.view().strides());
        return new UsmNdArray[] {r, flag(f, on)};
    }

    /** The text result of a case whose output is a string. */
    static String text(String fn, Args a) {
        return switch (fn) {
            case "base_repr" -> Dpnp.baseRepr(a.l("number"), a.i("base"), a.i("padding"));
            case "binary_repr" -> a.has("width") ? Dpnp.binaryRepr(a.l("num"), a.i("width")) : Dpnp.binaryRepr(a.l("num"));
            case "format_float_positional" -> Dpnp.formatFloatPositional(number(a), integer(a, "precision"), flag(a, "unique", true),
                    flag(a, "fractional", true), a.has("trim") ? a.str("trim") : "k", flag(a, "sign", false), integer(a, "pad_left"),
                    integer(a, "pad_right"), integer(a, "min_digits"));
            case "format_float_scientific" -> a.has("precision") || a.has("trim") || a.has("min_digits") || a.has("exp_digits")
                    || a.has("unique") || a.has("sign")
                    ? Dpnp.formatFloatScientific(number(a), integer(a, "precision"), flag(a, "unique", true), a.has("trim") ? a.str("trim") : "k",
                            flag(a, "sign", false), integer(a, "pad_left"), integer(a, "exp_digits"), integer(a, "min_digits"))
                    : Dpnp.formatFloatScientific(number(a));
            default -> throw new IllegalArgumentException("no text call for case function " + fn);
        };
    }

    /** The case's x: a Float when f32=1, else a Double (Python's nan and inf spelled as Java's). */
    private static Number number(Args a) {
        double x = Double.parseDouble(a.str("x").replace("nan", "NaN").replace("inf", "Infinity"));
        return a.b("f32") ? (Number) (float) x : (Number) x;
    }

    private static Integer integer(Args a, String k) {
        return a.has(k) ? Integer.valueOf(a.i(k)) : null;
    }

    private static boolean flag(Args a, String k, boolean otherwise) {
        return a.has(k) ? a.str(k).equals("True") : otherwise;
    }

    /** The text a printing case asks for, of the array {@code x}. */
    static String printed(String fn, UsmNdArray x) {
        return switch (fn) {
            case "array_repr" -> Dpnp.arrayRepr(x);
            case "array_str" -> Dpnp.arrayStr(x);
            case "array2string" -> Dpnp.array2string(x, null, 3, null, ", ", "xx(");
            case "printoptions" -> {
                try (PrintOptions.Scope s = Dpnp.printoptions(new PrintOptions(3, 10, 2, 40, true, "nan", "inf"))) {
                    yield Dpnp.arrayRepr(x);
                } finally {
                    if (!Dpnp.getPrintoptions().equals(PrintOptions.DEFAULTS)) throw new AssertionError("printoptions did not restore the options");
                }
            }
            default -> throw new IllegalArgumentException("no printing call for case function " + fn);
        };
    }
}
