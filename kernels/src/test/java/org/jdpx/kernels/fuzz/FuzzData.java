package org.jdpx.kernels.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.LongArray;

/**
 * The arrays and scalars of one launch of a generated kernel, in parameter order. Inputs come
 * from the kernel's seed (edge values included); outputs start zeroed, so every target starts
 * from the same state.
 */
final class FuzzData {
    final int[] ia, io;
    final long[] la, lo;
    final float[] fa, fo;
    final double[] da, dout;
    final int p;
    final long s;
    final float q;
    private final boolean fp64;

    private FuzzData(boolean fp64, int[] ia, long[] la, float[] fa, double[] da, int p, long s, float q) {
        this.fp64 = fp64;
        this.ia = ia;
        this.la = la;
        this.fa = fa;
        this.da = da;
        this.p = p;
        this.s = s;
        this.q = q;
        int n = FuzzKernel.ITEMS * FuzzKernel.OUT;
        io = new int[n];
        lo = new long[n];
        fo = new float[n];
        dout = new double[n];
    }

    static FuzzData inputs(FuzzKernel k) {
        Random r = new Random(k.seed() ^ 0x5DEECE66DL);
        int n = FuzzKernel.ITEMS * FuzzKernel.IN;
        int[] ia = new int[n];
        long[] la = new long[n];
        float[] fa = new float[n];
        double[] da = new double[n];
        for (int i = 0; i < n; i++) {
            ia[i] = Consts.anInt(r);
            la[i] = Consts.aLong(r);
            fa[i] = Consts.aFloat(r);
            da[i] = Consts.aDouble(r);
        }
        return new FuzzData(k.fp64(), ia, la, fa, da, Consts.anInt(r), Consts.aLong(r), Consts.aFloat(r));
    }

    /** Same inputs, fresh zeroed outputs. */
    FuzzData fresh() {
        return new FuzzData(fp64, ia.clone(), la.clone(), fa.clone(), da.clone(), p, s, q);
    }

    /** Arguments as Java arrays (for launches that copy them to a device). */
    Object[] arrayArgs() {
        List<Object> a = new ArrayList<>(List.of(ia, la, fa));
        if (fp64) a.add(da);
        a.addAll(List.of(io, lo, fo));
        if (fp64) a.add(dout);
        a.addAll(List.of(p, s, q));
        return a.toArray();
    }

    /** Arguments as views of the Java arrays (for runs in this JVM). */
    Object[] viewArgs() {
        Object[] a = arrayArgs();
        for (int i = 0; i < a.length; i++) {
            a[i] = switch (a[i]) {
                case int[] x -> IntArray.of(x);
                case long[] x -> LongArray.of(x);
                case float[] x -> FloatArray.of(x);
                case double[] x -> DoubleArray.of(x);
                default -> a[i];
            };
        }
        return a;
    }

    /** The inputs work-item {@code gid} reads directly, for a failure report. */
    String inputsOf(int gid) {
        StringBuilder sb = new StringBuilder();
        int b = gid * FuzzKernel.IN;
        sb.append("ia[").append(b).append("..]=");
        for (int i = 0; i < 3; i++) sb.append(ia[b + i]).append(' ');
        sb.append(" la=");
        for (int i = 0; i < 3; i++) sb.append(la[b + i]).append(' ');
        sb.append(" fa=");
        for (int i = 0; i < 3; i++) sb.append(Float.toHexString(fa[b + i])).append(' ');
        if (fp64) {
            sb.append(" da=");
            for (int i = 0; i < 3; i++) sb.append(Double.toHexString(da[b + i])).append(' ');
        }
        return sb.append(" p=").append(p).append(" s=").append(s).append(" q=").append(Float.toHexString(q)).toString();
    }
}
