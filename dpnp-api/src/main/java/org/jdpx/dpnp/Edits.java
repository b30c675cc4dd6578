package org.jdpx.dpnp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's functions that build a new array from pieces of others: append, insert, delete,
 * resize, trim_zeros, block, and the axis views rot90, rollaxis and unstack. Data moves on the
 * device (concatenation and gathers); only the positions named by host arguments (insert's and
 * delete's {@code obj}) are computed on the host, as the index list of one gather.
 */
final class Edits {

    private Edits() {
    }

    static UsmNdArray append(UsmNdArray arr, UsmNdArray values, Integer axis) {
        if (axis == null) return Manipulation.concatenate(new UsmNdArray[] {arr.reshape(-1), values.reshape(-1)}, 0);
        return Manipulation.concatenate(new UsmNdArray[] {arr, values}, axis);
    }

    /** {@code values} (array or Java scalar) as an array of arr's dtype on arr's queue. */
    static UsmNdArray array(UsmNdArray arr, Object values) {
        if (values instanceof UsmNdArray v) return v.astype(arr.dtype());
        return Tensor.full(new long[0], values, ArrayOptions.on(arr.queue()).dtype(arr.dtype()));
    }

    /** NumPy's insert with one index: {@code values} go before position {@code obj} of {@code axis}. */
    static UsmNdArray insert(UsmNdArray arr, long obj, Object values, Integer axis) {
        UsmNdArray a = axis == null ? arr.reshape(-1) : arr;
        int ax = axis == null ? 0 : Shapes.axis(axis, a.ndim());
        UsmNdArray v = Axes.move(atLeast(array(a, values), a.ndim()), 0, ax);
        return insertAt(a, obj, v, ax, v.shape()[ax]);
    }

    private static UsmNdArray atLeast(UsmNdArray v, int nd) {
        UsmNdArray r = v;
        while (r.ndim() < nd) r = r.expandDims(0);
        return r;
    }

    /** NumPy's insert with a list of indices: one value before each (in the order given for equal indices). */
    static UsmNdArray insert(UsmNdArray arr, long[] obj, Object values, Integer axis) {
        if (obj.length == 1) {
            UsmNdArray a = axis == null ? arr.reshape(-1) : arr;
            int ax = axis == null ? 0 : Shapes.axis(axis, a.ndim());
            UsmNdArray v = atLeast(array(a, values), a.ndim());
            return insertAt(a, obj[0], v, ax, v.shape()[ax]);
        }
        UsmNdArray a = axis == null ? arr.reshape(-1) : arr;
        int ax = axis == null ? 0 : Shapes.axis(axis, a.ndim());
        long n = a.shape()[ax];
        int numnew = obj.length;
        long[] idx = new long[numnew];
        for (int k = 0; k < numnew; k++) {
            if (obj[k] < -n || obj[k] > n) {
                throw new IndexOutOfBoundsException("insert: index " + obj[k] + " is out of bounds for axis " + ax + " with size " + n);
            }
            idx[k] = obj[k] < 0 ? obj[k] + n : obj[k];
        }
        Integer[] order = new Integer[numnew];
        for (int k = 0; k < numnew; k++) order[k] = k;
        Arrays.sort(order, (p, q) -> Long.compare(idx[p], idx[q]));
        long[] placed = new long[numnew];
        for (int r = 0; r < numnew; r++) placed[order[r]] = idx[order[r]] + r;
        long[] src = new long[(int) (n + numnew)];
        Arrays.fill(src, -1);
        for (int k = 0; k < numnew; k++) src[(int) placed[k]] = n + k;
        for (int p = 0, old = 0; p < src.length; p++) if (src[p] < 0) src[p] = old++;
        return spliced(a, array(a, values), numnew, ax, src);
    }

    private static UsmNdArray insertAt(UsmNdArray a, long obj, UsmNdArray v, int ax, long numnew) {
        long n = a.shape()[ax];
        if (obj < -n || obj > n) {
            throw new IndexOutOfBoundsException("insert: index " + obj + " is out of bounds for axis " + ax + " with size " + n);
        }
        long at = obj < 0 ? obj + n : obj;
        long[] src = new long[(int) (n + numnew)];
        for (int p = 0; p < src.length; p++) src[p] = p < at ? p : p < at + numnew ? n + p - at : p - numnew;
        return spliced(a, v, numnew, ax, src);
    }

    /** {@code a} and {@code v} (broadcast to a's shape with {@code numnew} along ax) joined, then reordered by {@code src}. */
    private static UsmNdArray spliced(UsmNdArray a, UsmNdArray v, long numnew, int ax, long[] src) {
        long[] target = a.shape();
        target[ax] = numnew;
        long[] vs = v.shape();
        UsmNdArray vb;
        try {
            vb = v.broadcastTo(target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("insert: could not broadcast values of shape " + Shapes.describe(vs)
                    + " into shape " + Shapes.describe(target), e);
        }
        UsmNdArray joined = Manipulation.concatenate(new UsmNdArray[] {a, vb.astype(a.dtype())}, ax);
        return positions(a, joined, src, ax);
    }

    private static UsmNdArray positions(UsmNdArray like, UsmNdArray x, long[] src, int ax) {
        UsmNdArray idx = Tensor.asarray(src, new long[] {src.length}, ArrayOptions.on(like.queue()));
        return Sorting.take(x, idx, ax);
    }

    /** NumPy's delete of the positions {@code obj} along {@code axis} (null: of the flattened array). */
    static UsmNdArray delete(UsmNdArray arr, long[] obj, Integer axis) {
        UsmNdArray a = axis == null ? arr.reshape(-1) : arr;
        int ax = axis == null ? 0 : Shapes.axis(axis, a.ndim());
        long n = a.shape()[ax];
        boolean[] gone = new boolean[Math.toIntExact(n)];
        for (long o : obj) {
            if (o < -n || o >= n) {
                throw new IndexOutOfBoundsException("delete: index " + o + " is out of bounds for axis " + ax + " with size " + n);
            }
            gone[(int) (o < 0 ? o + n : o)] = true;
        }
        List<Long> keep = new ArrayList<>();
        for (int p = 0; p < n; p++) if (!gone[p]) keep.add((long) p);
        return positions(a, a, keep.stream().mapToLong(Long::longValue).toArray(), ax);
    }

    /** NumPy's resize: the flattened {@code a} repeated to fill {@code shape}, computed on the device. */
    static UsmNdArray resize(UsmNdArray a, long[] shape) {
        long size = Shapes.size(shape);
        for (long s : shape) if (s < 0) throw new IllegalArgumentException("resize: all elements of new_shape must be non-negative");
        if (a.size() == 0 || size == 0) return Tensor.zeros(shape, ArrayOptions.on(a.queue()).dtype(a.dtype()));
        UsmNdArray idx = Tensor.remainder(Creation.iota(a, size), a.size()).eval();
        return SetOps.gather(a, idx).reshape(shape);
    }

    /**
     * NumPy's trim_zeros: the leading ('f'), trailing ('b') or both ('fb') zeros cut from each axis
     * in {@code axes} (null: all), as a view; the bounds are read to the host.
     */
    static UsmNdArray trimZeros(UsmNdArray filt, String trim, int[] axes) {
        String tr = trim == null ? "fb" : trim.toLowerCase();
        if (!tr.matches("[fb]{1,2}") || tr.equals("ff") || tr.equals("bb")) {
            throw new IllegalArgumentException("trim_zeros: unexpected character(s) in `trim`: '" + trim + "'");
        }
        int nd = filt.ndim();
        int[] list = axes == null ? Axes.all(nd) : axes;
        UsmNdArray nz = Tensor.notEqual(filt, 0);
        boolean none = !(Tensor.any(nz, null, false).item() != 0);
        UsmNdArray r = filt;
        for (int axis : list) {
            int a = Shapes.axis(axis, nd);
            long n = filt.shape()[a];
            long start = 0;
            long stop = n;
            if (none) {
                start = tr.contains("f") ? n : 0;
                stop = tr.contains("f") ? n : 0;
            } else {
                int[] others = new int[nd - 1];
                for (int i = 0, k = 0; i < nd; i++) if (i != a) others[k++] = i;
                UsmNdArray line = nd == 1 ? nz : Tensor.any(nz, others, false);
                if (tr.contains("f")) start = Tensor.argmax(Dense.of(line), null).itemLong();
                if (tr.contains("b")) stop = n - Tensor.argmax(Dense.of(Manipulation.flip(line, 0)), null).itemLong();
            }
            r = Axes.slice(r, a, start, stop, 1);
        }
        return r;
    }

    /** NumPy's block: nested lists (Java {@code Object[]}) of arrays joined, the innermost along the last axis. */
    static UsmNdArray block(Object arrays) {
        int depth = depth(arrays);
        int nd = Math.max(depth, maxNdim(arrays));
        return assemble(arrays, depth, nd, 0);
    }

    private static int depth(Object o) {
        if (o instanceof UsmNdArray) return 0;
        if (!(o instanceof Object[] list)) {
            throw new IllegalArgumentException("block: expected arrays or nested Object[] lists of arrays, got "
                    + (o == null ? "null" : o.getClass().getSimpleName()));
        }
        if (list.length == 0) throw new IllegalArgumentException("block: lists cannot be empty");
        int d = depth(list[0]);
        for (Object e : list) {
            if (depth(e) != d) throw new IllegalArgumentException("block: list depths are mismatched");
        }
        return d + 1;
    }

    private static int maxNdim(Object o) {
        if (o instanceof UsmNdArray x) return x.ndim();
        int m = 0;
        for (Object e : (Object[]) o) m = Math.max(m, maxNdim(e));
        return m;
    }

    private static UsmNdArray assemble(Object o, int depth, int nd, int level) {
        if (o instanceof UsmNdArray x) return atLeast(x, nd);
        Object[] list = (Object[]) o;
        UsmNdArray[] parts = new UsmNdArray[list.length];
        for (int i = 0; i < list.length; i++) parts[i] = assemble(list[i], depth, nd, level + 1);
        return Manipulation.concatenate(parts, -(depth - level));
    }

    /** NumPy's rot90: {@code k} quarter turns from the first axis of {@code axes} toward the second (a view). */
    static UsmNdArray rot90(UsmNdArray m, long k, int[] axes) {
        if (axes.length != 2) throw new IllegalArgumentException("rot90: len(axes) must be 2");
        int nd = m.ndim();
        if (nd < 2) throw new IllegalArgumentException("rot90: the array must have at least 2 dimensions");
        int a0 = Shapes.axis(axes[0], nd);
        int a1 = Shapes.axis(axes[1], nd);
        if (a0 == a1) throw new IllegalArgumentException("rot90: axes must be different");
        int turns = (int) Math.floorMod(k, 4);
        if (turns == 0) return m.get("...");
        if (turns == 2) return Manipulation.flip(Manipulation.flip(m, a0), a1);
        int[] perm = Axes.all(nd);
        perm[a0] = a1;
        perm[a1] = a0;
        return turns == 1 ? Manipulation.flip(m, a1).permute(perm) : Manipulation.flip(m.permute(perm), a1);
    }

    /** NumPy's rollaxis: axis {@code axis} moved to lie before position {@code start} (a view). */
    static UsmNdArray rollaxis(UsmNdArray a, int axis, int start) {
        int n = a.ndim();
        int ax = Shapes.axis(axis, n);
        int s = start < 0 ? start + n : start;
        if (s < 0 || s > n) {
            throw new IllegalArgumentException("rollaxis: start arg " + start + " must be in range [" + (-n) + ", " + (n + 1) + ")");
        }
        if (ax < s) s--;
        if (ax == s) return a.get("...");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) if (i != ax) order.add(i);
        order.add(s, ax);
        return a.permute(order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** NumPy's unstack: the views along {@code axis}. */
    static UsmNdArray[] unstack(UsmNdArray x, int axis) {
        if (x.ndim() == 0) throw new IllegalArgumentException("unstack: input array must be at least 1-d");
        int a = Shapes.axis(axis, x.ndim());
        UsmNdArray[] r = new UsmNdArray[(int) x.shape()[a]];
        for (int i = 0; i < r.length; i++) r[i] = Axes.at(x, a, i);
        return r;
    }
}
