package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.device.Aspect;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.PlanCase;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Elementwise kernels with one element per work-item: on the CPU plan the launch has exactly as
 * many work-items as elements and the kernel has no bounds test; on the GPU plan whole groups
 * cover the elements and the test stays. Either way every element of the target, and nothing
 * beside it, is written: checked on sizes that are and are not multiples of a group, into a
 * slice whose neighbours must keep their values, against plain Java.
 */
class ElementwiseItemsTest {

    static java.util.stream.Stream<PlanCase> plans() {
        return PlanCase.all();
    }

    private static double[] values(int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = scale * ((i % 1013) - 500);
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void triadIntoASliceWritesEachElementOnce(PlanCase c) {
        boolean fp64 = c.device().aspects().contains(Aspect.FP64);
        DType t = fp64 ? DType.FLOAT64 : DType.FLOAT32;
        for (int n : new int[] {1, 31, 1000, 4096, (1 << 20) + 3}) {
            double[] b = values(n, 0.25), cc = values(n, -0.5);
            double[] around = values(n + 2, 2.0);
            ArrayOptions on = ArrayOptions.on(c.device()).dtype(t);
            UsmNdArray target = Tensor.asarray(around, new long[] {n + 2}, on);
            UsmNdArray bv = Tensor.asarray(b, new long[] {n}, on), cv = Tensor.asarray(cc, new long[] {n}, on);
            c.run(() -> {
                UsmNdArray inner = target.get("1:" + (n + 1));
                inner.addi(bv.add(cv.multiply(5))).sync();
            });
            double[] got = target.toDoubleArray();
            assertEquals(around[0], got[0], "the element before the slice, n=" + n + " on " + c);
            assertEquals(around[n + 1], got[n + 1], "the element after the slice, n=" + n + " on " + c);
            for (int i = 0; i < n; i++) {
                double want = fp64 ? around[i + 1] + (b[i] + 5.0 * cc[i])
                        : (float) ((float) around[i + 1] + (float) ((float) b[i] + (float) (5f * (float) cc[i])));
                assertEquals(want, got[i + 1], "element " + i + " of " + n + " on " + c);
            }
        }
    }

    /**
     * The kernels index their offset slices with adds in long (the element bases are declared
     * non-negative); the values themselves must still wrap around as Java's int arithmetic does.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void int32SumsOfOffsetSlicesWrapAsInJava(PlanCase c) {
        int n = 5000;
        int[] a = new int[n + 7], b = new int[n + 3];
        for (int i = 0; i < a.length; i++) a[i] = Integer.MAX_VALUE - i;
        for (int i = 0; i < b.length; i++) b[i] = i * 977;
        ArrayOptions on = ArrayOptions.on(c.device()).dtype(DType.INT32);
        UsmNdArray av = Tensor.asarray(a, new long[] {a.length}, on), bv = Tensor.asarray(b, new long[] {b.length}, on);
        UsmNdArray sum = c.run(() -> av.get("7:").add(bv.get("3:").multiply(3)).sync());
        assertEquals(DType.INT32, sum.dtype(), c.toString());
        int[] got = sum.toIntArray();
        for (int i = 0; i < n; i++) assertEquals(a[i + 7] + b[i + 3] * 3, got[i], "element " + i + " on " + c);
    }
}
