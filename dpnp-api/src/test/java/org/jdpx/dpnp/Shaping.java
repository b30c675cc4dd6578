package org.jdpx.dpnp;

import org.jdpx.tensor.UsmNdArray;

/** The last part of {@link Calls}: manipulation, sorting and searching, logic. */
final class Shaping {

    private Shaping() {
    }

    private static UsmNdArray[] one(UsmNdArray r) {
        return new UsmNdArray[] {r};
    }

    static UsmNdArray[] run(String fn, Args a, UsmNdArray[] x) {
        UsmNdArray x0 = x[0];
        UsmNdArray x1 = x.length > 1 ? x[1] : null;
        return switch (fn) {
            case "reshape" -> one(Dpnp.reshape(x0, a.longs("shape")));
            case "ravel" -> one(Dpnp.ravel(x0));
            case "transpose" -> one(a.has("axes") ? Dpnp.transpose(x0, a.axes("axes")) : Dpnp.transpose(x0));
            case "permute_dims" -> one(Dpnp.permuteDims(x0, a.axes("axes")));
            case "swapaxes" -> one(Dpnp.swapaxes(x0, a.i("a"), a.i("b")));
            case "moveaxis" -> one(Dpnp.moveaxis(x0, a.i("source"), a.i("destination")));
            case "squeeze" -> one(Dpnp.squeeze(x0.reshape(1, x0.size(), 1)));
            case "expand_dims" -> one(Dpnp.expandDims(x0, a.i("axis")));
            case "broadcast_to" -> one(Dpnp.broadcastTo(x0, a.longs("shape")));
            case "broadcast_arrays" -> Dpnp.broadcastArrays(x);
            case "atleast_1d" -> one(Dpnp.atleast1d(x0));
            case "atleast_2d" -> one(Dpnp.atleast2d(x0));
            case "atleast_3d" -> one(Dpnp.atleast3d(x0));
            case "flip" -> one(Dpnp.flip(x0, a.axis("axis")));
            case "fliplr" -> one(Dpnp.fliplr(x0));
            case "flipud" -> one(Dpnp.flipud(x0));
            case "concatenate" -> one(Dpnp.concatenate(x, a.axis("axis")));
            case "concat" -> one(Dpnp.concat(x, a.axis("axis")));
            case "stack" -> one(Dpnp.stack(x, a.i("axis")));
            case "vstack" -> one(Dpnp.vstack(x));
            case "hstack" -> one(Dpnp.hstack(x));
            case "dstack" -> one(Dpnp.dstack(x));
            case "column_stack" -> one(Dpnp.columnStack(x));
            case "split" -> a.has("indices") ? Dpnp.split(x0, a.longs("indices"), a.i("axis")) : Dpnp.split(x0, a.i("sections"), a.i("axis"));
            case "array_split" -> Dpnp.arraySplit(x0, a.i("sections"), a.i("axis"));
            case "hsplit" -> Dpnp.hsplit(x0, a.i("sections"));
            case "vsplit" -> Dpnp.vsplit(x0, a.i("sections"));
            case "dsplit" -> Dpnp.dsplit(x0, a.i("sections"));
            case "roll" -> one(Dpnp.roll(x0, a.l("shift"), a.axis("axis")));
            case "repeat" -> one(Dpnp.repeat(x0, a.l("repeats"), a.axis("axis")));
            case "tile" -> one(Dpnp.tile(x0, a.longs("reps")));
            case "pad" -> one(Dpnp.pad(x0, pairs(a.longs("widths")), a.l("value")));
            case "sort" -> one(Dpnp.sort(x0, a.axis("axis")));
            case "argsort" -> one(Dpnp.argsort(x0, a.axis("axis")));
            case "searchsorted" -> one(Dpnp.searchsorted(x0, x1, a.str("side")));
            case "unique" -> one(Dpnp.unique(x0));
            case "unique_values" -> one(Dpnp.uniqueValues(x0));
            case "unique_counts" -> Dpnp.uniqueCounts(x0);
            case "take" -> one(Dpnp.take(x0, x1, a.axis("axis")));
            case "take_along_axis" -> one(Dpnp.takeAlongAxis(x0, x1, a.i("axis")));
            case "nonzero" -> Dpnp.nonzero(x0);
            case "flatnonzero" -> one(Dpnp.flatnonzero(x0));
            case "argwhere" -> one(Dpnp.argwhere(x0));
            case "extract" -> one(Dpnp.extract(x0, x1));
            case "isclose" -> one(a.has("rtol") ? Dpnp.isclose(x0, x1, a.d("rtol"), a.d("atol"), a.b("equal_nan")) : Dpnp.isclose(x0, x1));
            case "allclose" -> one(Dpnp.allclose(x0, x1));
            case "array_equal" -> one(Dpnp.arrayEqual(x0, x1, a.b("equal_nan")));
            case "array_equiv" -> one(Dpnp.arrayEquiv(x0, x1));
            default -> throw new IllegalArgumentException("the test does not know function " + fn);
        };
    }

    private static long[][] pairs(long[] flat) {
        long[][] r = new long[flat.length / 2][];
        for (int i = 0; i < r.length; i++) r[i] = new long[] {flat[2 * i], flat[2 * i + 1]};
        return r;
    }
}
