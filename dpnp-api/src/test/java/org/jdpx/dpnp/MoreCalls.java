package org.jdpx.dpnp;

import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * Calls the set, editing, index-helper and array-information function a case of
 * {@code numpy/generate_more_cases.py} names. In-place functions run on a copy of input 0 and
 * return it; answers that are not arrays (shapes, flags) come back as small arrays on the device.
 */
final class MoreCalls {

    private MoreCalls() {
    }

    private static UsmNdArray[] one(UsmNdArray r) {
        return new UsmNdArray[] {r};
    }

    static UsmNdArray[] run(String fn, Args a, UsmNdArray[] x, ArrayOptions on) {
        UsmNdArray x0 = x.length > 0 ? x[0] : null;
        UsmNdArray x1 = x.length > 1 ? x[1] : null;
        Integer axis = a.axis("axis");
        boolean kd = a.b("keepdims");
        UsmNdArray w = x0 == null ? null : Dpnp.copy(x0);
        Object value = a.has("value") ? (Object) Double.valueOf(a.d("value")) : x.length > 1 ? x[x.length - 1] : null;
        return switch (fn) {
            case "union1d" -> one(Dpnp.union1d(x0, x1));
            case "intersect1d" -> a.has("return_indices") ? Dpnp.intersect1d(x0, x1, a.b("assume_unique"), true)
                    : one(Dpnp.intersect1d(x0, x1));
            case "setdiff1d" -> one(a.has("assume_unique") ? Dpnp.setdiff1d(x0, x1, true) : Dpnp.setdiff1d(x0, x1));
            case "setxor1d" -> one(a.has("assume_unique") ? Dpnp.setxor1d(x0, x1, true) : Dpnp.setxor1d(x0, x1));
            case "isin" -> one(a.has("invert") || a.has("kind")
                    ? Dpnp.isin(x0, x1, false, a.b("invert"), a.has("kind") ? a.str("kind") : null) : Dpnp.isin(x0, x1));
            case "partition" -> one(Dpnp.partition(x0, a.longs("kth"), axis, null));
            case "argpartition" -> {
                UsmNdArray p = Dpnp.argpartition(x0, a.longs("kth"), axis, null);
                yield new UsmNdArray[] {Dpnp.takeAlongAxis(x0, p, axis), Dpnp.sort(p, axis)};
            }
            case "lexsort" -> one(a.has("axis") ? Dpnp.lexsort(x, axis) : Dpnp.lexsort(x));
            case "nanmedian" -> one(Dpnp.nanmedian(x0, axis, kd));
            case "nanpercentile" -> one(a.b("scalar") ? Dpnp.nanpercentile(x0, a.d("q"), axis, null, kd)
                    : Dpnp.nanpercentile(x0, a.doubles("q"), axis, null, kd));
            case "nanquantile" -> one(a.b("scalar") ? Dpnp.nanquantile(x0, a.d("q"), axis, null, kd)
                    : Dpnp.nanquantile(x0, a.doubles("q"), axis, a.str("method"), kd));
            default -> edits(fn, a, x, on, w, value, axis);
        };
    }

    private static UsmNdArray[] edits(String fn, Args a, UsmNdArray[] x, ArrayOptions on, UsmNdArray w, Object value, Integer axis) {
        UsmNdArray x0 = x.length > 0 ? x[0] : null;
        UsmNdArray x1 = x.length > 1 ? x[1] : null;
        switch (fn) {
            case "copyto" -> Dpnp.copyto(w, a.has("value") ? (Object) Long.valueOf(a.l("value")) : x1, a.str("casting"),
                    x.length > 2 ? x[2] : null);
            case "put" -> Dpnp.put(w, x1, a.has("value") ? Long.valueOf(a.l("value")) : x[2], a.str("mode"));
            case "put_along_axis" -> Dpnp.putAlongAxis(w, x1, value, axis);
            case "putmask" -> Dpnp.putmask(w, x1, x[2]);
            case "place" -> Dpnp.place(w, x1, x[2]);
            case "fill_diagonal" -> Dpnp.fillDiagonal(w, value, a.b("wrap"));
            default -> {
                return build(fn, a, x, on, axis);
            }
        }
        return one(w);
    }

    private static UsmNdArray[] build(String fn, Args a, UsmNdArray[] x, ArrayOptions on, Integer axis) {
        UsmNdArray x0 = x.length > 0 ? x[0] : null;
        UsmNdArray x1 = x.length > 1 ? x[1] : null;
        return switch (fn) {
            case "append" -> one(Dpnp.append(x0, x1, axis));
            case "insert" -> {
                Object v = a.has("value") ? (Object) Double.valueOf(a.d("value")) : x1;
                long[] obj = a.longs("obj");
                yield one(a.str("obj").contains(",") ? Dpnp.insert(x0, obj, v, axis) : Dpnp.insert(x0, obj[0], v, axis));
            }
            case "delete" -> {
                long[] obj = a.longs("obj");
                yield one(obj.length == 1 ? Dpnp.delete(x0, obj[0], axis) : Dpnp.delete(x0, obj, axis));
            }
            case "resize" -> one(Dpnp.resize(x0, a.longs("shape")));
            case "trim_zeros" -> one(Dpnp.trimZeros(x0, a.str("trim"), a.axes("axes")));
            case "block" -> one(Dpnp.block(new Object[] {x0.get(":2, :2"), x[1].get(":2")}, new Object[] {x[2].get(":, :2"), x[3].get(":2")}));
            case "rot90" -> one(Dpnp.rot90(x0, a.l("k"), a.axes("axes")));
            case "rollaxis" -> one(Dpnp.rollaxis(x0, a.i("axis"), a.i("start")));
            case "unstack" -> Dpnp.unstack(x0, a.i("axis"));
            case "choose" -> one(Dpnp.choose(x0, new UsmNdArray[] {x[1], x[2], x[3]}, a.str("mode")));
            case "compress" -> one(Dpnp.compress(x0, x1, axis));
            case "apply_along_axis" -> one(Dpnp.applyAlongAxis(func(a.str("func")), a.i("axis"), x0));
            case "apply_over_axes" -> one(Dpnp.applyOverAxes((t, ax) -> Dpnp.sum(t, new int[] {ax}, false), x0, a.axes("axes")));
            case "fromfunction" -> one(Dpnp.fromfunction(c -> Dpnp.add(c[0], Dpnp.multiply(c[1], 2.0)), a.longs("shape"),
                    on.dtype(null)));
            case "fromiter" -> {
                DType t = DType.of(a.str("dtype"));
                List<? extends Number> src = t.isFloat() ? java.util.stream.IntStream.range(0, 6).mapToObj(k -> k / 4.0).toList()
                        : LongStream.iterate(3, k -> k < 30, k -> k + 3).boxed().toList();
                yield one(Dpnp.fromiter(src, t, a.l("count"), on));
            }
            case "piecewise" -> one(Dpnp.piecewise(x0, new UsmNdArray[] {Dpnp.less(x0, -0.5), Dpnp.greater(x0, 0.5)},
                    (Function<UsmNdArray, UsmNdArray>) Dpnp::negative, (Function<UsmNdArray, UsmNdArray>) t -> Dpnp.multiply(t, t), 0.25));
            default -> IndexCalls.run(fn, a, x, on);
        };
    }

    private static Function<UsmNdArray, UsmNdArray> func(String name) {
        return switch (name) {
            case "sum" -> t -> Dpnp.sum(t);
            case "sort" -> t -> Dpnp.sort(t);
            case "outer" -> t -> Dpnp.outer(t, t.get(":2"));
            default -> throw new IllegalArgumentException("no test function " + name);
        };
    }
}
