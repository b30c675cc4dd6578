package org.jdpx.dpnp;

import org.jdpx.tensor.Shapes;

/**
 * numpy.fft's argument rules: the norm modes and the scale each gives a direction, the number
 * of points, and the (s, axes) pair of the n-dimensional transforms, with NumPy's messages.
 */
final class FftArgs {

    private FftArgs() {
    }

    /**
     * The factor a transform of {@code n} points multiplies by: "backward" (or null) 1 forward and
     * 1/n inverse, "ortho" 1/sqrt(n) both ways, "forward" 1/n forward and 1 inverse.
     *
     * @throws IllegalArgumentException for any other norm
     */
    static double scale(String norm, long n, boolean inverse) {
        return switch (checkNorm(norm)) {
            case "ortho" -> 1 / Math.sqrt(n);
            case "forward" -> inverse ? 1 : 1.0 / n;
            default -> inverse ? 1.0 / n : 1;
        };
    }

    /** The norm that scales the other direction the same (hfft and ihfft run irfft and rfft with it). */
    static String swapDirection(String norm) {
        return switch (checkNorm(norm)) {
            case "ortho" -> "ortho";
            case "forward" -> "backward";
            default -> "forward";
        };
    }

    private static String checkNorm(String norm) {
        if (norm == null) return "backward";
        if (norm.equals("backward") || norm.equals("ortho") || norm.equals("forward")) return norm;
        throw new IllegalArgumentException("Invalid norm value " + norm + "; should be \"backward\", \"ortho\" or \"forward\".");
    }

    /**
     * {@code n}, when it is a valid number of points (at least 1).
     *
     * @throws IllegalArgumentException NumPy's "Invalid number of FFT data points (n) specified."
     */
    static int points(long n) {
        if (n < 1) throw new IllegalArgumentException("Invalid number of FFT data points (" + n + ") specified.");
        return Dense.count("fft", n);
    }

    /**
     * NumPy's n-dimensional defaults: axes null means the last {@code s.length} axes (all axes
     * when s is null too); s null means the extents along the axes. Axes are normalised to
     * {@code 0..rank-1}; {@code s} entries stay as given (checked by each 1-D transform).
     *
     * @return {s, axes} as long[] and int[]
     * @throws IllegalArgumentException when s and axes differ in length, an axis is out of range
     *         or s has more entries than the array has axes
     */
    static Object[] shapeAndAxes(long[] shape, long[] s, int[] axes) {
        int rank = shape.length;
        int[] ax;
        if (axes == null) {
            int k = s == null ? rank : s.length;
            if (k > rank) {
                throw new IllegalArgumentException("s has " + k + " entries but the array has only " + rank
                        + " axes; pass axes, or fewer entries");
            }
            ax = new int[k];
            for (int i = 0; i < k; i++) ax[i] = rank - k + i;
        } else {
            ax = new int[axes.length];
            for (int i = 0; i < axes.length; i++) ax[i] = Shapes.axis(axes[i], rank);
        }
        if (s != null && s.length != ax.length) throw new IllegalArgumentException("Shape and axes have different lengths.");
        long[] ss = s != null ? s.clone() : new long[ax.length];
        if (s == null) for (int i = 0; i < ax.length; i++) ss[i] = shape[ax[i]];
        return new Object[] {ss, ax};
    }
}
