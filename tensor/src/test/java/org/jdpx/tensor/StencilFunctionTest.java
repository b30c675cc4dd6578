package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jdpx.tensor.UfuncTest.assertMessage;

import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.FloatStencil;
import org.jdpx.kernels.IntStencil;
import org.jdpx.kernels.Stencil;
import org.jdpx.tensor.fusion.FusedKernels;
import org.junit.jupiter.api.Test;

/** {@code @Stencil} kernels over whole arrays, compared with the same method run on the host element by element. */
class StencilFunctionTest {

    /** The stencils under test, also run on the host as the reference. */
    static final class Fns {
        @Stencil
        static float cross(FloatStencil a) { return 0.25f * (a.at(-1, 0) + a.at(1, 0) + a.at(0, -1) + a.at(0, 1)); }

        /** Asymmetric neighbourhood, a scalar argument, two arrays. */
        @Stencil(cval = -1)
        static float skew(FloatStencil a, FloatStencil b, float w) { return a.at(-2) * w + b.at(1) - a.at(0); }

        /** Computed indices: the neighbourhood is declared. */
        @Stencil(neighborhood = {-1, 1})
        static int boxSum(IntStencil a) {
            int s = 0;
            for (int k = -1; k <= 1; k++) s += a.at(k);
            return s;
        }

        @Stencil
        static int loopWithoutDeclaration(IntStencil a) {
            int s = 0;
            for (int k = -1; k <= 1; k++) s += a.at(k);
            return s;
        }

        @Stencil
        static float mixedRanks(FloatStencil a) { return a.at(1) + a.at(0, 1); }

        /** Three axes, an asymmetric neighbourhood. */
        @Stencil
        static float sixPoint(FloatStencil a) {
            return a.at(-1, 0, 0) + 2 * a.at(1, 0, 0) + 3 * a.at(0, -1, 0) + 4 * a.at(0, 2, 0) + 5 * a.at(0, 0, -1)
                    + 6 * a.at(0, 0, 1) - a.at(0, 0, 0);
        }

        float notStatic(FloatStencil a) { return a.at(0); }
    }

    private static float[] data(int n, int seed) {
        return FusionTest.data(n, seed);
    }

    /** The reference: the method run on the host at every element whose neighbourhood fits, {@code cval} elsewhere. */
    private static float[] reference2d(float[] a, int rows, int cols, float cval) {
        float[] out = new float[a.length];
        FloatStencil s = new FloatStencil(a, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                boolean inside = i >= 1 && j >= 1 && i < rows - 1 && j < cols - 1;
                out[i * cols + j] = inside ? Fns.cross((FloatStencil) s.moveTo(i, j)) : cval;
            }
        }
        return out;
    }

    @OnEveryDevice
    void twoDimensionalStencilMatchesTheHostMethodWithCvalBorder(Device device) {
        int rows = 37, cols = 53;
        float[] a = data(rows * cols, 7);
        UsmNdArray A = Tensor.asarray(a, new long[] {rows, cols}, ArrayOptions.on(device));
        StencilFunction cross = StencilFunction.of(Fns.class, "cross");
        long before = FusedKernels.launches();
        UsmNdArray out = cross.apply(A);
        assertEquals(1, FusedKernels.launches() - before, "one kernel for the whole array");
        assertArrayEquals(reference2d(a, rows, cols, 0f), out.toFloatArray(), 0f);
        assertArrayEquals(reference2d(a, rows, cols, 3f), cross.withCval(3).apply(A).toFloatArray(), 0f);
        // A strided input (every other row, transposed) reads through its strides.
        UsmNdArray view = A.get("::2, :").T();
        float[] dense = view.copy().toFloatArray();
        assertArrayEquals(reference2d(dense, cols, (rows + 1) / 2, 0f), cross.apply(view).toFloatArray(), 0f);
    }

    @OnEveryDevice
    void outKeepsItsBorderAndScalarsAndSeveralArraysWork(Device device) {
        int n = 40;
        float[] a = data(n, 8), b = data(n, 9);
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray A = Tensor.asarray(a, null, on), B = Tensor.asarray(b, null, on);
        StencilFunction skew = StencilFunction.of(Fns.class, "skew");
        float[] got = skew.apply(A, B, 0.5f).toFloatArray();
        UsmNdArray out = Tensor.asarray(new float[n], null, on).add(7f).eval();
        skew.applyInto(out, A, B, 0.5f);
        float[] into = out.toFloatArray();
        FloatStencil sa = new FloatStencil(a, n), sb = new FloatStencil(b, n);
        for (int i = 0; i < n; i++) {
            boolean inside = i >= 2 && i < n - 1;
            float want = inside ? Fns.skew((FloatStencil) sa.moveTo(i), (FloatStencil) sb.moveTo(i), 0.5f) : -1f;
            assertEquals(want, got[i], 0f, "element " + i + " (cval -1 from the annotation)");
            assertEquals(inside ? want : 7f, into[i], 0f, "element " + i + " of out");
        }
    }

    @OnEveryDevice
    void threeDimensionalStencilIntoAStridedOutKeepsItsBorder(Device device) {
        int p = 5, q = 7, r = 9;
        float[] a = data(p * q * r, 10);
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray A = Tensor.asarray(a, new long[] {p, q, r}, on);
        // out is every other element of a wider array: its strides are not its shape's
        UsmNdArray wide = Tensor.asarray(new float[p * q * 2 * r], new long[] {p, q, 2 * r}, on).add(7f).eval();
        UsmNdArray out = wide.get("..., ::2");
        StencilFunction six = StencilFunction.of(Fns.class, "sixPoint");
        long before = FusedKernels.launches();
        six.applyInto(out, A);
        assertEquals(1, FusedKernels.launches() - before, "one kernel for the whole array");
        float[] got = out.toFloatArray(), whole = wide.toFloatArray();
        FloatStencil s = new FloatStencil(a, p, q, r);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                for (int k = 0; k < r; k++) {
                    boolean inside = i >= 1 && i < p - 1 && j >= 1 && j < q - 2 && k >= 1 && k < r - 1;
                    float want = inside ? Fns.sixPoint((FloatStencil) s.moveTo(i, j, k)) : 7f;
                    int at = (i * q + j) * r + k;
                    assertEquals(want, got[at], 0f, "element (" + i + ", " + j + ", " + k + ")");
                    assertEquals(7f, whole[at * 2 + 1], 0f, "the element of wide between (" + i + ", " + j + ", " + k + ") and the next");
                }
            }
        }
    }

    @OnEveryDevice
    void declaredNeighbourhoodAllowsComputedIndices(Device device) {
        int[] a = {5, 1, 4, 2, 8, 3};
        UsmNdArray A = Tensor.asarray(a, null, ArrayOptions.on(device));
        assertArrayEquals(new int[] {0, 10, 7, 14, 13, 0}, StencilFunction.of(Fns.class, "boxSum").apply(A).toIntArray());
    }

    @Test
    void badStencilsAndCallsAreRefusedWithTheFix() {
        ArrayOptions on = ArrayOptions.on(TestDevices.all().findFirst().orElseThrow());
        UsmNdArray f1 = Tensor.asarray(new float[] {1, 2, 3}, null, on);
        UsmNdArray i1 = Tensor.asarray(new int[] {1, 2, 3}, null, on);
        UsmNdArray f2 = Tensor.asarray(new float[4], new long[] {2, 2}, on);
        assertMessage(() -> StencilFunction.of(Fns.class, "loopWithoutDeclaration").apply(i1), "neighborhood = {");
        assertMessage(() -> StencilFunction.of(Fns.class, "mixedRanks").apply(f1), "one index per axis");
        assertMessage(() -> StencilFunction.of(Fns.class, "cross").apply(f1), "2 relative indices, but the arrays have 1");
        assertMessage(() -> StencilFunction.of(Fns.class, "cross").apply(i1), "no overload for [int32 array]");
        assertMessage(() -> StencilFunction.of(Fns.class, "notStatic"), "instance method");
        assertMessage(() -> StencilFunction.of(Fns.class, "cross").applyInto(f2, f2), "shares memory");
        assertMessage(() -> StencilFunction.of(Fns.class, "skew").apply(f1, Tensor.asarray(new float[4], null, on), 1f), "share one shape");
    }
}
