package org.jdpx.samples;

import java.util.Locale;
import org.jdpx.samples.Sample.Result;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * Comparisons of a device's result with the plain-Java reference, each giving a {@link Result}
 * whose detail shows the error next to the tolerance it had to meet.
 */
public final class Check {
    private Check() {
    }

    /** A scalar: {@code |got - ref| <= tol * max(1, |ref|)}. */
    public static Result scalar(String what, double got, double ref, double tol, String device, String precision) {
        double err = Math.abs(got - ref) / Math.max(1, Math.abs(ref));
        boolean ok = err <= tol; // false for NaN too
        return new Result(device, precision, ok, String.format(Locale.ROOT,
                "%s = %.9g (reference %.9g, relative error %.1e, tolerance %.0e)", what, got, ref, err, tol), null);
    }

    /**
     * Arrays of equal length: the largest {@code |got[i] - ref[i]|}, relative to {@code max(1, max |ref|)},
     * must not exceed {@code tol}.
     */
    public static Result arrays(String what, double[] got, double[] ref, double tol, String device, String precision) {
        if (got.length != ref.length) {
            return new Result(device, precision, false,
                    what + ": " + got.length + " values, the reference has " + ref.length, null);
        }
        double scale = 1;
        for (double r : ref) scale = Math.max(scale, Math.abs(r));
        double worst = 0;
        int at = 0;
        for (int i = 0; i < ref.length; i++) {
            double e = Math.abs(got[i] - ref[i]);
            if (!(e <= worst)) { // NaN counts as worse than anything
                worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                at = i;
            }
        }
        double rel = worst / scale;
        return new Result(device, precision, rel <= tol, String.format(Locale.ROOT,
                "%s: %d values, largest error %.1e at [%d] (relative to %.3g: %.1e, tolerance %.0e)",
                what, ref.length, worst, at, scale, rel, tol), null);
    }

    /** {@code float[]} results against a {@code double[]} reference. */
    public static Result arrays(String what, float[] got, double[] ref, double tol, String device) {
        return arrays(what, widen(got), ref, tol, device, "float32");
    }

    /** The values as doubles. */
    public static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    /**
     * A one-element array against its reference, with tolerance {@code tol64} when it is float64
     * and {@code tol32} when it is float32 (a device without fp64).
     */
    public static Result scalar(String what, UsmNdArray got, double ref, double tol64, double tol32) {
        return scalar(what, got.item(), ref, tolerance(got, tol64, tol32), where(got), got.dtype().numpyName());
    }

    /** An array against its reference values in C order, tolerances as for {@link #scalar(String, UsmNdArray, double, double, double)}. */
    public static Result arrays(String what, UsmNdArray got, double[] ref, double tol64, double tol32) {
        return arrays(what, new UsmNdArray[] {got}, ref, tol64, tol32);
    }

    /** Several arrays of one device and dtype, their values one after the other, against one reference. */
    public static Result arrays(String what, UsmNdArray[] got, double[] ref, double tol64, double tol32) {
        double[] all = new double[0];
        for (UsmNdArray g : got) {
            double[] v = g.toDoubleArray();
            int at = all.length;
            all = java.util.Arrays.copyOf(all, at + v.length);
            System.arraycopy(v, 0, all, at, v.length);
        }
        return arrays(what, all, ref, tolerance(got[0], tol64, tol32), where(got[0]), got[0].dtype().numpyName());
    }

    private static double tolerance(UsmNdArray a, double tol64, double tol32) {
        return a.dtype() == DType.FLOAT64 ? tol64 : tol32;
    }

    private static String where(UsmNdArray a) {
        return a.device().filterString();
    }
}
