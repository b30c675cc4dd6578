package org.jdpx.dpnp;

import org.jdpx.tensor.UsmNdArray;

/**
 * The n-dimensional transforms as NumPy composes them from one-dimensional ones, on complex data
 * held as pairs ({@link FftPairs}): fftn/ifftn transform the axes last to first; rfftn takes the
 * real transform along the last axis given, then the complex ones; irfftn the inverse complex
 * ones first, then the real inverse along the last axis.
 */
final class FftNd {

    private FftNd() {
    }

    /** fftn (ifftn when {@code inverse}) over {@code axes} with output extents {@code s} (NumPy's defaults for null). */
    static UsmNdArray c2c(UsmNdArray p, long[] s, int[] axes, boolean inverse, String norm) {
        Object[] sa = FftArgs.shapeAndAxes(complexShape(p), s, axes);
        long[] ss = (long[]) sa[0];
        int[] ax = (int[]) sa[1];
        UsmNdArray r = p;
        for (int i = ax.length - 1; i >= 0; i--) r = FftPairs.c2c(r, ss[i], ax[i], inverse, norm);
        return r;
    }

    /** rfftn of real {@code x}: the half spectrum along the last of {@code axes}, full along the others. */
    static UsmNdArray r2c(UsmNdArray x, long[] s, int[] axes, String norm) {
        Object[] sa = FftArgs.shapeAndAxes(x.shape(), s, axes);
        long[] ss = (long[]) sa[0];
        int[] ax = (int[]) sa[1];
        requireAxes(ax, "rfftn");
        int last = ax.length - 1;
        UsmNdArray r = FftPairs.r2c(x, ss[last], ax[last], norm);
        for (int i = last - 1; i >= 0; i--) r = FftPairs.c2c(r, ss[i], ax[i], false, norm);
        return r;
    }

    /** irfftn: the real array of extents {@code s} (last default {@code 2 (m - 1)}) whose rfftn starts with {@code p}. */
    static UsmNdArray c2r(UsmNdArray p, long[] s, int[] axes, String norm) {
        long[] shape = complexShape(p);
        Object[] sa = FftArgs.shapeAndAxes(shape, s, axes);
        long[] ss = (long[]) sa[0];
        int[] ax = (int[]) sa[1];
        requireAxes(ax, "irfftn");
        int last = ax.length - 1;
        if (s == null) ss[last] = 2 * (shape[ax[last]] - 1);
        UsmNdArray r = p;
        for (int i = 0; i < last; i++) r = FftPairs.c2c(r, ss[i], ax[i], true, norm);
        return FftPairs.c2r(r, ss[last], ax[last], norm);
    }

    /** The shape of the complex array pairs {@code p} hold (without the pair axis). */
    static long[] complexShape(UsmNdArray p) {
        return java.util.Arrays.copyOf(p.shape(), p.ndim() - 1);
    }

    private static void requireAxes(int[] axes, String function) {
        if (axes.length == 0) {
            throw new IllegalArgumentException(function + " needs at least one axis to transform (got none); pass axes or s");
        }
    }
}
