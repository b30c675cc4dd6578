package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;

/**
 * NumPy's 1-D convolve and correlate on the operands' device: {@code a} zero-padded by
 * {@code len(v) - 1} on both sides is read as an overlapping (windows, len(v)) view (strides 1, 1,
 * no copy) and multiplied by {@code v} on tensor's GEMM, giving the full correlation; the modes
 * 'same' and 'valid' are NumPy's slices of it.
 */
final class Convolution {

    private Convolution() {
    }

    static UsmNdArray convolve(UsmNdArray a, UsmNdArray v, String mode) {
        check("convolve", a, v);
        UsmNdArray full = full(a, Manipulation.flip(v, 0));
        long n = Math.min(a.size(), v.size());
        return slice("convolve", full, a.size(), v.size(), mode, (n - 1) / 2);
    }

    static UsmNdArray correlate(UsmNdArray a, UsmNdArray v, String mode) {
        check("correlate", a, v);
        UsmNdArray full = full(a, v);
        long n = a.size();
        long m = v.size();
        long same = Math.max(n, m);
        long start = n >= m ? (m - 1) / 2 : (n + m - 1) - same - (n - 1) / 2;
        return slice("correlate", full, n, m, mode, start);
    }

    private static void check(String fn, UsmNdArray a, UsmNdArray v) {
        if (a.ndim() != 1 || v.ndim() != 1) {
            throw new IllegalArgumentException(fn + ": object too deep for desired array: a and v must be 1-D, got "
                    + Shapes.describe(a.shape()) + " and " + Shapes.describe(v.shape()));
        }
        if (a.size() == 0) throw new IllegalArgumentException(fn + ": a cannot be empty");
        if (v.size() == 0) throw new IllegalArgumentException(fn + ": v cannot be empty");
    }

    /** {@code c[i] = sum_j apad[i + j] * v[j]}, i in 0..n+m-2, on the GEMM. */
    private static UsmNdArray full(UsmNdArray a, UsmNdArray v) {
        long n = a.size();
        long m = v.size();
        DType t = DTypes.forDevice(Promotion.result(a.dtype(), v.dtype()), a.device(), false);
        UsmNdArray pad = Tensor.zeros(new long[] {n + 2 * (m - 1)}, ArrayOptions.on(a.queue()).dtype(t));
        pad.set((m - 1) + ":" + (m - 1 + n), a.astype(t));
        UsmNdArray windows = UsmNdArray.wrap(pad.memory(), new View(new long[] {n + m - 1, m}, new long[] {1, 1},
                pad.view().offset()), t, pad.queue());
        return Tensor.matmul(windows, v.astype(t));
    }

    private static UsmNdArray slice(String fn, UsmNdArray full, long n, long m, String mode, long sameStart) {
        long len = full.size();
        return switch (mode) {
            case "full" -> full;
            case "same" -> full.get(sameStart + ":" + (sameStart + Math.max(n, m))).copy().eval();
            case "valid" -> {
                long start = Math.min(n, m) - 1;
                yield full.get(start + ":" + (len - start)).copy().eval();
            }
            default -> throw new IllegalArgumentException(fn + ": mode must be 'full', 'same' or 'valid', not '" + mode + "'");
        };
    }
}
