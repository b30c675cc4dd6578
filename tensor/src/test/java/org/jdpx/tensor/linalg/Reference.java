package org.jdpx.tensor.linalg;

import java.util.Arrays;

/** Plain-Java NumPy matmul in double precision (the tests' golden), with broadcasting of stacks. */
final class Reference {

    private Reference() {
    }

    /** The result shape of NumPy's matmul of shapes {@code a} and {@code b}. */
    static long[] shape(long[] a, long[] b) {
        long[] a2 = a.length == 1 ? new long[] {1, a[0]} : a;
        long[] b2 = b.length == 1 ? new long[] {b[0], 1} : b;
        long[] batch = batch(a2, b2);
        long[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = a2[a2.length - 2];
        out[batch.length + 1] = b2[b2.length - 1];
        if (a.length == 1 && b.length == 1) return batch;
        if (a.length == 1) {
            long[] r = Arrays.copyOf(batch, batch.length + 1);
            r[batch.length] = out[batch.length + 1];
            return r;
        }
        if (b.length == 1) return Arrays.copyOf(out, out.length - 1);
        return out;
    }

    /**
     * {@code {A @ B, |A| @ |B|}} in C order, for C-ordered {@code a} and {@code b} of the given
     * shapes.
     */
    static double[][] matmul(double[] a, long[] sa, double[] b, long[] sb) {
        long[] a2 = sa.length == 1 ? new long[] {1, sa[0]} : sa;
        long[] b2 = sb.length == 1 ? new long[] {sb[0], 1} : sb;
        long[] batch = batch(a2, b2);
        int m = (int) a2[a2.length - 2];
        int k = (int) a2[a2.length - 1];
        int n = (int) b2[b2.length - 1];
        int count = (int) Arrays.stream(batch).reduce(1, (x, y) -> x * y);
        double[] c = new double[count * m * n];
        double[] abs = new double[c.length];
        for (int s = 0; s < count; s++) {
            int ao = stackIndex(s, batch, Arrays.copyOf(a2, a2.length - 2)) * m * k;
            int bo = stackIndex(s, batch, Arrays.copyOf(b2, b2.length - 2)) * k * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    double sa2 = 0;
                    for (int p = 0; p < k; p++) {
                        double x = a[ao + i * k + p] * b[bo + p * n + j];
                        sum += x;
                        sa2 += Math.abs(x);
                    }
                    c[(s * m + i) * n + j] = sum;
                    abs[(s * m + i) * n + j] = sa2;
                }
            }
        }
        return new double[][] {c, abs};
    }

    /** {@code v} of shape {@code shape} with its last two axes swapped, in C order. */
    static double[] transposeLast(double[] v, long[] shape) {
        int r = shape.length;
        int rows = (int) shape[r - 2];
        int cols = (int) shape[r - 1];
        double[] out = new double[v.length];
        for (int s = 0; s < v.length / (rows * cols); s++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) out[s * rows * cols + j * rows + i] = v[s * rows * cols + i * cols + j];
            }
        }
        return out;
    }

    private static long[] batch(long[] a, long[] b) {
        int na = a.length - 2;
        int nb = b.length - 2;
        int nr = Math.max(na, nb);
        long[] out = new long[nr];
        for (int d = 0; d < nr; d++) {
            long x = d - (nr - na) >= 0 ? a[d - (nr - na)] : 1;
            long y = d - (nr - nb) >= 0 ? b[d - (nr - nb)] : 1;
            out[d] = Math.max(x, y);
        }
        return out;
    }

    /** Which matrix of an operand with stack shape {@code own} the result's stack element {@code s} uses. */
    private static int stackIndex(int s, long[] batch, long[] own) {
        int idx = 0;
        int mul = 1;
        int rem = s;
        for (int d = batch.length - 1; d >= 0; d--) {
            int pos = (int) (rem % batch[d]);
            rem /= (int) batch[d];
            int od = d - (batch.length - own.length);
            if (od >= 0) {
                if (own[od] != 1) idx += pos * mul;
                mul *= (int) own[od];
            }
        }
        return idx;
    }
}
