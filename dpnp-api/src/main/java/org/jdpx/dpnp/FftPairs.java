package org.jdpx.dpnp;

import java.util.Arrays;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * The one-dimensional transforms along one axis of complex data held as pairs: a float32 or
 * float64 array whose last axis (of extent 2) holds the real and imaginary parts, the layout of
 * NumPy's complex64/complex128. Axes count the complex axes (the pair axis excluded). The axis
 * is moved last, cut or zero-padded to n points, the rows run through {@link FftEngine} on the
 * array's device, and the result gets the axis back in place.
 */
final class FftPairs {

    private FftPairs() {
    }

    /** The complex transform (inverse when {@code inverse}) of n points along {@code axis}; n null: the axis' extent. */
    static UsmNdArray c2c(UsmNdArray p, Long n, int axis, boolean inverse, String norm) {
        int rank = p.ndim() - 1;
        int a = Shapes.axis(axis, rank);
        int points = FftArgs.points(n == null ? p.shape()[a] : n);
        double scale = FftArgs.scale(norm, points, inverse);
        UsmNdArray rows = resize(Axes.move(p, a, rank - 1), rank - 1, points);
        long[] shape = rows.shape();
        UsmNdArray out = FftEngine.transform(rows.reshape(-1, points, 2), inverse, scale);
        return Axes.move(out.reshape(shape), rank - 1, a);
    }

    /** rfft: the transform of real {@code x} (float32 or float64) along {@code axis}, its first n / 2 + 1 values as pairs. */
    static UsmNdArray r2c(UsmNdArray x, Long n, int axis, String norm) {
        int a = Shapes.axis(axis, x.ndim());
        int points = FftArgs.points(n == null ? x.shape()[a] : n);
        UsmNdArray full = c2c(fromReal(x), (long) points, a, false, norm);
        return Axes.slice(full, a, 0, points / 2 + 1, 1);
    }

    /**
     * irfft: the real signal of n points (null: {@code 2 (m - 1)}, m the axis' extent) whose
     * spectrum starts with the pairs along {@code axis} (cut or zero-padded to n / 2 + 1 values);
     * the imaginary parts of the zero and Nyquist frequencies are ignored, as NumPy does.
     */
    static UsmNdArray c2r(UsmNdArray p, Long n, int axis, String norm) {
        int rank = p.ndim() - 1;
        int a = Shapes.axis(axis, rank);
        int points = FftArgs.points(n == null ? 2 * (p.shape()[a] - 1) : n);
        int half = points / 2 + 1;
        UsmNdArray rows = resize(Axes.move(p, a, rank - 1), rank - 1, half);
        long[] shape = rows.shape();
        shape[rank - 1] = points;
        UsmNdArray full = FftEngine.hermitian(Dense.of(rows.reshape(-1, half, 2)), points);
        UsmNdArray out = FftEngine.transform(full, true, FftArgs.scale(norm, points, true));
        return Axes.move(out.reshape(shape).get("..., 0"), rank - 1, a);
    }

    /** The pairs of real {@code x}: its values as real parts, zero imaginary parts. */
    static UsmNdArray fromReal(UsmNdArray x) {
        long[] s = x.shape();
        long[] ps = Arrays.copyOf(s, s.length + 1);
        ps[s.length] = 2;
        UsmNdArray p = Tensor.zeros(ps, ArrayOptions.on(x.queue()).dtype(x.dtype()));
        if (p.size() > 0) p.get("..., 0").assign(x);
        return p;
    }

    /** The complex conjugate of pairs, a new array. */
    static UsmNdArray conjugate(UsmNdArray p) {
        UsmNdArray c = Dense.of(p.copy());
        if (c.size() > 0) c.get("..., 1").assign(p.get("..., 1").negative());
        return c;
    }

    /** {@code x} cut to its first n values along {@code axis}, or zero-padded to n. */
    private static UsmNdArray resize(UsmNdArray x, int axis, int n) {
        long len = x.shape()[axis];
        if (len == n) return x;
        if (len > n) return Axes.slice(x, axis, 0, n, 1);
        long[] s = x.shape();
        s[axis] = n;
        UsmNdArray z = Tensor.zeros(s, ArrayOptions.on(x.queue()).dtype(x.dtype()));
        if (x.size() > 0) Axes.slice(z, axis, 0, len, 1).assign(x);
        return z;
    }
}
