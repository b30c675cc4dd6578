package org.jdpx.tensor.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API loops of the java device's GEMV: a dot product and an axpy over arrays of
 * float32 (accumulating in float lanes, as BLAS's sdot/saxpy do) or float64. Loaded only when
 * {@code jdk.incubator.vector} is present.
 */
final class VectorLoops {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    private VectorLoops() {
    }

    /** {@code sum_i a[i] * x[xOff + i]} for {@code i < len}; a and x are both float[] or both double[]. */
    static double dot(Object a, Object x, int xOff, int len) {
        if (a instanceof float[] fa) {
            float[] fx = (float[]) x;
            FloatVector s = FloatVector.zero(FS);
            int i = 0;
            for (; i <= len - FS.length(); i += FS.length()) {
                s = FloatVector.fromArray(FS, fa, i).fma(FloatVector.fromArray(FS, fx, xOff + i), s);
            }
            float r = s.reduceLanes(VectorOperators.ADD);
            for (; i < len; i++) r += fa[i] * fx[xOff + i];
            return r;
        }
        double[] da = (double[]) a;
        double[] dx = (double[]) x;
        DoubleVector s = DoubleVector.zero(DS);
        int i = 0;
        for (; i <= len - DS.length(); i += DS.length()) {
            s = DoubleVector.fromArray(DS, da, i).fma(DoubleVector.fromArray(DS, dx, xOff + i), s);
        }
        double r = s.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) r += da[i] * dx[xOff + i];
        return r;
    }

    /** {@code y[i] += alpha * x[i]} for {@code i < len}; x and y are both float[] or both double[]. */
    static void axpy(double alpha, Object x, Object y, int len) {
        if (x instanceof float[] fx) {
            float[] fy = (float[]) y;
            float al = (float) alpha;
            int i = 0;
            for (; i <= len - FS.length(); i += FS.length()) {
                FloatVector.fromArray(FS, fx, i).fma(FloatVector.broadcast(FS, al), FloatVector.fromArray(FS, fy, i)).intoArray(fy, i);
            }
            for (; i < len; i++) fy[i] += al * fx[i];
            return;
        }
        double[] dx = (double[]) x;
        double[] dy = (double[]) y;
        int i = 0;
        for (; i <= len - DS.length(); i += DS.length()) {
            DoubleVector.fromArray(DS, dx, i).fma(DoubleVector.broadcast(DS, alpha), DoubleVector.fromArray(DS, dy, i)).intoArray(dy, i);
        }
        for (; i < len; i++) dy[i] += alpha * dx[i];
    }
}
