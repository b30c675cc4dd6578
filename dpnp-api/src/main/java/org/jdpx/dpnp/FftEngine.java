package org.jdpx.dpnp;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LocalMemory;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.WorkRange;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Batched one-dimensional complex transforms on the device of their data: rows of interleaved
 * complex values, a dense {@code (rows, n, 2)} array of float32 or float64, go through one
 * Stockham pass per radix of n ({@link FftKernels64#stockham}) when n's prime factors are 2, 3,
 * 5 and 7, else through Bluestein's chirp-z algorithm, a convolution by three Stockham transforms
 * of a length of factors 2, 3, 5 and 7. Every pass is one launch over all rows.
 */
final class FftEngine {
    private static final Map<String, Method> KERNELS = new ConcurrentHashMap<>();

    private FftEngine() {
    }

    /**
     * The discrete Fourier transform of every row of {@code x} (its inverse, without the 1/n,
     * when {@code inverse}), times {@code scale}: a new dense array of x's shape and dtype.
     */
    static UsmNdArray transform(UsmNdArray x, boolean inverse, double scale) {
        long[] s = x.shape();
        DType t = x.dtype();
        if (s[0] == 0) return Dense.allocate(x, t, s);
        Dense.count("fft", x.size());
        int n = (int) s[1];
        int[] radices = FftTables.radices(n);
        UsmNdArray in = Dense.of(x, t);
        return radices != null ? stockham(in, radices, inverse, scale) : bluestein(in, inverse, scale);
    }

    /**
     * The full Hermitian spectrum of length {@code n} of every row of {@code half}, a dense
     * {@code (rows, n / 2 + 1, 2)} array (irfft's input).
     */
    static UsmNdArray hermitian(UsmNdArray half, int n) {
        long rows = half.shape()[0];
        UsmNdArray out = Dense.allocate(half, half.dtype(), rows, n, 2);
        int total = Dense.count("irfft", rows * n);
        if (total > 0) launch("hermitian", half.dtype(), total, Dense.of(half), out, (int) half.shape()[1], n, total);
        return out;
    }

    private static UsmNdArray stockham(UsmNdArray x, int[] radices, boolean inverse, double scale) {
        DType t = x.dtype();
        long rows = x.shape()[0];
        int n = (int) x.shape()[1];
        if (radices.length == 0) return Dense.of(x.multiply(scale), t);
        UsmNdArray tw = table(x, FftTables.twiddles(n));
        DevicePlan plan = DevicePlan.of(x.device());
        if (inLocalMemory(plan, n, t)) return stockhamLocal(x, tw, radices, inverse, scale, plan);
        UsmNdArray a = Dense.allocate(x, t, rows, n, 2);
        UsmNdArray b = radices.length > 1 ? Dense.allocate(x, t, rows, n, 2) : null;
        UsmNdArray src = x;
        UsmNdArray dst = a;
        int ns = 1;
        for (int i = 0; i < radices.length; i++) {
            int radix = radices[i];
            int total = Dense.count("fft", rows * (n / radix));
            double s = i == radices.length - 1 ? scale : 1.0;
            launch("stockham", t, total, src, dst, tw, n, radix, ns, inverse ? 1 : 0, s, total);
            ns *= radix;
            src = dst;
            dst = dst == a ? b : a;
        }
        return src;
    }

    /**
     * Whether rows of {@code n} values of dtype {@code t} take the local-memory kernel: under the
     * GPU plan, when two copies of a row fill at most half the local memory (at most 16 passes,
     * which every such n has).
     */
    static boolean inLocalMemory(DevicePlan plan, int n, DType t) {
        return plan.isGpu() && 4L * n * (t == DType.FLOAT64 ? 8 : 4) <= plan.localMemBytes() / 2;
    }

    /**
     * The GPU plan's path for rows that fit half the local memory: one work-group per row runs
     * every pass in local memory ({@link FftKernels64#stockhamLocal}), its size the plan's group
     * size or, for short rows, the least power of two covering a pass' butterflies.
     */
    private static UsmNdArray stockhamLocal(UsmNdArray x, UsmNdArray tw, int[] radices, boolean inverse, double scale,
                                            DevicePlan plan) {
        DType t = x.dtype();
        long rows = x.shape()[0];
        int n = (int) x.shape()[1];
        long packed = 0;
        for (int i = 0; i < radices.length; i++) packed |= (long) radices[i] << (4 * i);
        int group = Math.min(plan.groupSize(), Integer.highestOneBit(Math.max(1, n / 2 - 1)) << 1);
        UsmNdArray out = Dense.allocate(x, t, rows, n, 2);
        LocalMemory buf = t == DType.FLOAT64 ? LocalMemory.doubles(4 * n) : LocalMemory.floats(4 * n);
        run("stockhamLocal", t, NdRange.of(Dense.count("fft", rows * group), group), x, out, tw, buf, n, packed, radices.length,
                inverse ? 1 : 0, scale);
        return out;
    }

    private static UsmNdArray bluestein(UsmNdArray x, boolean inverse, double scale) {
        DType t = x.dtype();
        long rows = x.shape()[0];
        int n = (int) x.shape()[1];
        int m = FftTables.convolutionLength(n);
        int[] radices = FftTables.radices(m);
        int inv = inverse ? 1 : 0;
        UsmNdArray chirp = table(x, FftTables.chirp(n));
        UsmNdArray filter = stockham(table(x, FftTables.filter(n, m, inverse)).reshape(1, m, 2), radices, false, 1.0 / m);
        int total = Dense.count("fft", rows * m * 2L) / 2;
        UsmNdArray a = Dense.allocate(x, t, rows, m, 2);
        launch("chirpIn", t, total, x, a, chirp, n, m, inv, total);
        UsmNdArray spectrum = stockham(a, radices, false, 1.0);
        launch("multiplyRows", t, total, spectrum, filter, m, total);
        UsmNdArray conv = stockham(spectrum, radices, true, 1.0);
        UsmNdArray out = Dense.allocate(x, t, rows, n, 2);
        int outTotal = (int) (rows * n);
        launch("chirpOut", t, outTotal, conv, out, chirp, n, m, inv, scale, outTotal);
        return out;
    }

    /** A host table of interleaved complex values as a dense {@code (len, 2)} array of dtype t on x's queue. */
    private static UsmNdArray table(UsmNdArray like, double[] values) {
        return Tensor.asarray(values, new long[] {values.length / 2, 2}, ArrayOptions.on(like.queue()).dtype(like.dtype()));
    }

    private static void launch(String name, DType t, int items, Object... args) {
        run(name, t, Dense.range(items), args);
    }

    private static void run(String name, DType t, WorkRange range, Object... args) {
        Class<?> owner = t == DType.FLOAT64 ? FftKernels64.class : FftKernels32.class;
        Method m = KERNELS.computeIfAbsent((t == DType.FLOAT64 ? "64." : "32.") + name, k -> find(owner, name));
        Object[] views = new Object[args.length];
        for (int i = 0; i < args.length; i++) views[i] = view(args[i], t);
        Kernels.launch(m, range, views);
    }

    private static Object view(Object arg, DType t) {
        if (arg instanceof Double d) return t == DType.FLOAT64 ? d : (Object) d.floatValue();
        if (!(arg instanceof UsmNdArray x)) return arg;
        return t == DType.FLOAT64 ? DoubleArray.on(x.memory(), Math.max(1, x.size()))
                : FloatArray.on(x.memory(), Math.max(1, x.size()));
    }

    private static Method find(Class<?> owner, String name) {
        for (Method m : owner.getDeclaredMethods()) if (m.getName().equals(name)) return m;
        throw new IllegalStateException("no fft kernel " + owner.getSimpleName() + "." + name);
    }
}
