package org.jdpx.dpnp;

import java.util.Arrays;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;

/**
 * The bridge between numpy.fft's arrays and the pairs its transforms compute on: a complex64 or
 * complex128 array and a float32 or float64 array with a last axis of 2 share one memory layout,
 * so each is a view of the other's memory (no copy). Also NumPy's input dtypes: float32 and
 * float16 (and complex64) compute in single precision, everything else in double (single on a
 * device without fp64).
 */
final class FftValues {

    private FftValues() {
    }

    /** {@code x} as pairs in the dtype the transform computes in (real input gets zero imaginary parts). */
    static UsmNdArray complexInput(UsmNdArray x) {
        if (!x.dtype().isComplex()) return FftPairs.fromReal(realInput(x, null));
        DType part = DTypes.forDevice(x.dtype().realPart(), x.device(), false);
        UsmNdArray p = pairsOf(x.isLazy() ? x.eval() : x);
        return p.dtype() == part ? p : p.astype(part);
    }

    /**
     * Real {@code x} in the dtype the transform computes in.
     *
     * @throws IllegalArgumentException for complex input (NumPy's TypeError), naming {@code function}
     */
    static UsmNdArray realInput(UsmNdArray x, String function) {
        DType t = x.dtype();
        if (t.isComplex()) {
            throw new IllegalArgumentException(function + " takes real input, got " + t + "; use the complex transform (fft, fftn) "
                    + "or pass the real part");
        }
        DType work = DTypes.forDevice(t == DType.FLOAT32 || t == DType.FLOAT16 ? DType.FLOAT32 : DType.FLOAT64, x.device(), false);
        return t == work ? x : x.astype(work);
    }

    /**
     * The real result of irfft, hfft or irfftn for input {@code x}: float16 input gives float16
     * (computed in float32), as NumPy 2 does; other results stay as computed.
     */
    static UsmNdArray realResult(UsmNdArray x, UsmNdArray result) {
        return x.dtype() == DType.FLOAT16 ? result.astype(DType.FLOAT16).eval() : result;
    }

    /** Pairs as the complex array of their part's dtype (a view of their memory when the layout allows, else of a copy). */
    static UsmNdArray complexResult(UsmNdArray pairs) {
        UsmNdArray p = pairs.isLazy() ? pairs.eval() : pairs;
        View v = p.view();
        int last = v.shape().length - 1;
        boolean fits = v.strides()[last] == 1 && v.offset() % 2 == 0;
        for (int i = 0; i < last; i++) fits &= v.strides()[i] % 2 == 0 || v.shape()[i] <= 1;
        if (!fits) {
            p = Dense.of(p);
            v = p.view();
        }
        long[] strides = new long[last];
        for (int i = 0; i < last; i++) strides[i] = v.strides()[i] / 2;
        View c = new View(Arrays.copyOf(v.shape(), last), strides, v.offset() / 2);
        return UsmNdArray.wrap(p.memory(), c, p.dtype().complexOf(), p.queue());
    }

    /** A computed complex array as the pairs view of its memory. */
    static UsmNdArray pairsOf(UsmNdArray c) {
        View v = c.view();
        int rank = v.shape().length;
        long[] shape = Arrays.copyOf(v.shape(), rank + 1);
        long[] strides = new long[rank + 1];
        for (int i = 0; i < rank; i++) strides[i] = 2 * v.strides()[i];
        shape[rank] = 2;
        strides[rank] = 1;
        return UsmNdArray.wrap(c.memory(), new View(shape, strides, 2 * v.offset()), c.dtype().realPart(), c.queue());
    }

    /** fftshift / ifftshift of any array: complex ones through their pairs, the pair axis left alone. */
    static UsmNdArray shift(UsmNdArray x, int[] axes, boolean inverse) {
        if (!x.dtype().isComplex()) return FftHelpers.shift(x, axes, inverse);
        int rank = x.ndim();
        int[] ax = axes == null ? Axes.all(rank) : axes.clone();
        for (int i = 0; i < ax.length; i++) ax[i] = Shapes.axis(ax[i], rank);
        return complexResult(FftHelpers.shift(pairsOf(x.isLazy() ? x.eval() : x), ax, inverse));
    }
}
