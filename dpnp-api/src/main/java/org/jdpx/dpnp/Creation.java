package org.jdpx.dpnp;

import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;

/**
 * Creation functions computed on the target device: ranges, grids and triangular/diagonal
 * patterns start from a device index sequence ({@link DeviceKernels#iota}) and become their
 * values in one fused kernel.
 */
final class Creation {

    private Creation() {
    }

    /** {@code 0..n-1} as a dense int64 array on {@code like}'s queue. */
    static UsmNdArray iota(UsmNdArray like, long n) {
        return iota(like.queue(), like.usmType(), n);
    }

    /** {@code 0..n-1} as a dense int64 array on {@code queue}. */
    static UsmNdArray iota(Queue queue, UsmType usm, long n) {
        UsmNdArray out = UsmNdArray.allocate(new long[] {n}, DType.INT64, queue, usm, 'C');
        int ni = Dense.count("arange", n);
        if (n > 0) Kernels.launch(DeviceKernels::iota, Dense.range(n), Dense.longs(out), ni);
        return out;
    }

    private static UsmNdArray finish(UsmNdArray values, DType t, ArrayOptions o) {
        UsmNdArray r = values.dtype() == t ? values : values.astype(t);
        if (o.order() == 'F' && r.ndim() > 1) {
            return UsmNdArray.allocate(r.shape(), t, r.queue(), r.usmType(), 'F').assign(r);
        }
        return r.eval();
    }

    static UsmNdArray arange(double start, double stop, double step, ArrayOptions o) {
        if (step == 0 || Double.isNaN(step)) throw new IllegalArgumentException("arange: step must be a non-zero number, got " + step);
        long n = Math.max(0, (long) Math.ceil((stop - start) / step));
        boolean integral = start == Math.rint(start) && stop == Math.rint(stop) && step == Math.rint(step);
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, integral ? DType.INT64 : DType.FLOAT64);
        UsmNdArray i = iota(q, o.usmType(), n);
        UsmNdArray v = integral ? Tensor.add(Tensor.multiply(i, (long) step), (long) start)
                : Tensor.add(Tensor.multiply(i.astype(DTypes.defaultFloat(q.device())), step), start);
        return finish(v, t, o);
    }

    static UsmNdArray linspace(double start, double stop, long num, boolean endpoint, ArrayOptions o) {
        if (num < 0) throw new IllegalArgumentException("linspace: number of samples " + num + " must be non-negative");
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, DType.FLOAT64);
        DType work = t.isFloat() ? t : DTypes.defaultFloat(q.device());
        double div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : 0;
        UsmNdArray v = Tensor.add(Tensor.multiply(iota(q, o.usmType(), num).astype(work), step), start).eval();
        if (endpoint && num > 1) v.set(String.valueOf(num - 1), stop);
        if (!t.isFloat()) v = Tensor.floor(v);
        return finish(v, t, o);
    }

    static UsmNdArray logspace(double start, double stop, long num, boolean endpoint, double base, ArrayOptions o) {
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, DType.FLOAT64);
        UsmNdArray exps = linspace(start, stop, num, endpoint, o.dtype(t.isFloat() ? t : null));
        return finish(Tensor.pow(Tensor.fullLike(exps, base), exps), t, o);
    }

    /** Row and column index grids {@code (n, 1)} and {@code (1, m)} on the options' queue. */
    private static UsmNdArray[] grid(long n, long m, Queue q, UsmType usm) {
        return new UsmNdArray[] {iota(q, usm, n).reshape(n, 1), iota(q, usm, m).reshape(1, m)};
    }

    static UsmNdArray eye(long n, long m, long k, ArrayOptions o) {
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, DType.FLOAT64);
        UsmNdArray[] g = grid(n, m, q, o.usmType());
        return finish(Tensor.equal(Tensor.subtract(g[1], g[0]), k), t, o);
    }

    static UsmNdArray tri(long n, long m, long k, ArrayOptions o) {
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, DType.FLOAT64);
        UsmNdArray[] g = grid(n, m, q, o.usmType());
        return finish(Tensor.lessEqual(Tensor.subtract(g[1], g[0]), k), t, o);
    }

    /** {@code x} with the elements above ({@code lower}) or below diagonal {@code k} zeroed, over the last two axes. */
    static UsmNdArray triangle(UsmNdArray x, long k, boolean lower) {
        if (x.ndim() < 2) throw new IllegalArgumentException((lower ? "tril" : "triu") + ": input must be at least 2-d, got shape "
                + Shapes.describe(x.shape()));
        long n = x.shape()[x.ndim() - 2];
        long m = x.shape()[x.ndim() - 1];
        UsmNdArray[] g = grid(n, m, x.queue(), x.usmType());
        UsmNdArray d = Tensor.subtract(g[1], g[0]);
        UsmNdArray keep = lower ? Tensor.lessEqual(d, k) : Tensor.greaterEqual(d, k);
        UsmNdArray r = Tensor.where(keep, x, 0);
        return (r.dtype() == x.dtype() ? r : r.astype(x.dtype())).eval();
    }

    /** The diagonal {@code offset} of the plane {@code (axis1, axis2)} as a view, that axis last (NumPy's diagonal). */
    static UsmNdArray diagonal(UsmNdArray x, long offset, int axis1, int axis2) {
        int a1 = Shapes.axis(axis1, x.ndim());
        int a2 = Shapes.axis(axis2, x.ndim());
        if (a1 == a2) throw new IllegalArgumentException("diagonal: axis1 and axis2 cannot be the same (" + axis1 + ")");
        View v = x.eval().view();
        long[] s = v.shape();
        long[] st = v.strides();
        long off = v.offset();
        long len;
        if (offset >= 0) {
            len = Math.max(0, Math.min(s[a1], s[a2] - offset));
            if (len > 0) off += offset * st[a2];
        } else {
            len = Math.max(0, Math.min(s[a1] + offset, s[a2]));
            if (len > 0) off -= offset * st[a1];
        }
        long[] shape = new long[s.length - 1];
        long[] strides = new long[s.length - 1];
        for (int i = 0, k = 0; i < s.length; i++) {
            if (i != a1 && i != a2) {
                shape[k] = s[i];
                strides[k++] = st[i];
            }
        }
        shape[shape.length - 1] = len;
        strides[strides.length - 1] = st[a1] + st[a2];
        return UsmNdArray.wrap(x.memory(), new View(shape, strides, off), x.dtype(), x.queue());
    }

    /** NumPy's diag: the diagonal of a 2-D array (a copy), or a 2-D array with a 1-D array on diagonal {@code k}. */
    static UsmNdArray diag(UsmNdArray v, long k) {
        if (v.ndim() == 2) return diagonal(v, k, 0, 1).copy().eval();
        if (v.ndim() != 1) throw new IllegalArgumentException("diag: input must be 1-d or 2-d, got shape " + Shapes.describe(v.shape()));
        long n = v.shape()[0] + Math.abs(k);
        UsmNdArray out = UsmNdArray.allocate(new long[] {n, n}, v.dtype(), v.queue(), v.usmType(), 'C').assign(0);
        diagonal(out, k, 0, 1).assign(v);
        return out;
    }

    /** NumPy's meshgrid: coordinate matrices from 1-D arrays ({@code xy}: Cartesian, {@code ij}: matrix indexing). */
    static UsmNdArray[] meshgrid(boolean cartesian, UsmNdArray... xs) {
        int n = xs.length;
        long[] shape = new long[n];
        for (int i = 0; i < n; i++) shape[i] = xs[i].size();
        if (cartesian && n >= 2) {
            long t = shape[0];
            shape[0] = shape[1];
            shape[1] = t;
        }
        UsmNdArray[] out = new UsmNdArray[n];
        for (int i = 0; i < n; i++) {
            int axis = cartesian && n >= 2 && i < 2 ? 1 - i : i;
            long[] s = new long[n];
            java.util.Arrays.fill(s, 1);
            s[axis] = shape[axis];
            out[i] = xs[i].ravel().reshape(s).broadcastTo(shape).copy().eval();
        }
        return out;
    }

    /** NumPy's indices: a {@code (len(dims), *dims)} int64 grid. */
    static UsmNdArray indices(long[] dims, ArrayOptions o) {
        Queue q = o.resolveQueue();
        DType t = o.dtype() == null ? DType.INT64 : o.dtype();
        long[] shape = Axes.with(dims, 0, dims.length);
        UsmNdArray out = UsmNdArray.allocate(shape, t, q, o.usmType(), 'C');
        for (int a = 0; a < dims.length; a++) {
            long[] s = new long[dims.length];
            java.util.Arrays.fill(s, 1);
            s[a] = dims[a];
            out.get(String.valueOf(a)).assign(iota(q, o.usmType(), dims[a]).reshape(s).broadcastTo(dims));
        }
        return out;
    }
}
