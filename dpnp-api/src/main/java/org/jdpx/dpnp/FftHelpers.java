package org.jdpx.dpnp;

import org.jdpx.device.Queue;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/** numpy.fft's helpers: the sample frequencies of a transform and the shifts that centre them, computed on the device. */
final class FftHelpers {

    private FftHelpers() {
    }

    /**
     * fftfreq: {@code [0, 1, ..., (n-1)/2, -(n/2), ..., -1] / (d n)} as NumPy computes it (the
     * integers times {@code 1.0 / (n d)}), float64 (float32 without fp64) unless {@code o} says.
     */
    static UsmNdArray fftfreq(long n, double d, ArrayOptions o) {
        double val = spacing("fftfreq", n, d);
        Queue q = o.resolveQueue();
        UsmNdArray k = Creation.arange(0, n, 1, ArrayOptions.on(q).dtype(DType.INT64));
        UsmNdArray centred = Tensor.subtract(Tensor.remainder(Tensor.add(k, n / 2), n), n / 2);
        return scaled(centred, val, q, o);
    }

    /** rfftfreq: {@code [0, 1, ..., n/2] / (d n)}. */
    static UsmNdArray rfftfreq(long n, double d, ArrayOptions o) {
        double val = spacing("rfftfreq", n, d);
        Queue q = o.resolveQueue();
        return scaled(Creation.arange(0, n / 2 + 1, 1, ArrayOptions.on(q).dtype(DType.INT64)), val, q, o);
    }

    /**
     * fftshift ({@code inverse} false: roll each axis by half its extent, the zero frequency to
     * the centre) or ifftshift (the roll back), over {@code axes} (null: all).
     */
    static UsmNdArray shift(UsmNdArray x, int[] axes, boolean inverse) {
        int[] ax = axes == null ? Axes.all(x.ndim()) : axes;
        UsmNdArray r = x;
        for (int a : ax) {
            long half = x.shape()[Shapes.axis(a, x.ndim())] / 2;
            r = Manipulation.roll(r, inverse ? -half : half, a);
        }
        return r == x ? x.copy().eval() : r;
    }

    private static double spacing(String function, long n, double d) {
        if (n < 1 || d == 0 || !Double.isFinite(d)) {
            throw new IllegalArgumentException(function + ": n must be at least 1 and d a finite non-zero spacing (got n="
                    + n + ", d=" + d + ")");
        }
        return 1.0 / (n * d);
    }

    private static UsmNdArray scaled(UsmNdArray k, double val, Queue q, ArrayOptions o) {
        UsmNdArray f = Tensor.multiply(k, val);
        DType t = o.resolveDtype(q, DType.FLOAT64);
        return (f.dtype() == t ? f : f.astype(t)).eval();
    }
}
