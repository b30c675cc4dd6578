package org.jdpx.dpnp;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.device.Device;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.WorkRange;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * What the linear-algebra families share: NumPy's dtype rule for linalg (float32 stays float32,
 * everything else computes in float64, float32 on a device without fp64), stacks of matrices as
 * dense {@code (batch, m, n)} work arrays on the input's device, NumPy's shape errors, batched
 * matrix products through the public matmul, and launching the panel kernels of
 * {@link LinalgKernels64}/{@link LinalgKernels32} by the work array's dtype.
 */
final class LinalgBatch {
    private static final Map<String, Method> KERNELS = new ConcurrentHashMap<>();

    private LinalgBatch() {
    }

    /**
     * The dtype linalg computes in for these operands on {@code like}'s device.
     *
     * @throws IllegalArgumentException for float16, which NumPy's linalg refuses too
     * @throws UnsupportedOperationException for complex operands (not implemented in jdpx)
     */
    static DType computeType(UsmNdArray like, UsmNdArray... xs) {
        DType t = xs[0].dtype();
        for (int i = 1; i < xs.length; i++) t = Promotion.result(t, xs[i].dtype());
        if (t == DType.FLOAT16) {
            throw new IllegalArgumentException("array type float16 is unsupported in linalg (as in NumPy); astype float32 first");
        }
        if (t.isComplex()) {
            throw new UnsupportedOperationException("numpy.linalg decompositions of " + t + " matrices are not implemented"
                    + " in jdpx (matmul, dot and norm are); split the problem into real parts or use a real matrix");
        }
        DType c = t == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
        return DTypes.forDevice(c, like.device(), false);
    }

    /** Refuses arrays of fewer than two axes with NumPy's LinAlgError message. */
    static void check2d(UsmNdArray x) {
        if (x.ndim() < 2) {
            throw new LinAlgError(x.ndim() + "-dimensional array given. Array must be at least two-dimensional");
        }
    }

    /** Refuses stacks of non-square matrices with NumPy's LinAlgError message. */
    static void checkSquare(UsmNdArray x) {
        check2d(x);
        long[] s = x.shape();
        if (s[s.length - 1] != s[s.length - 2]) {
            throw new LinAlgError("Last 2 dimensions of the array must be square (got shape " + Shapes.describe(s) + ")");
        }
    }

    /** The leading (batch) axes of a stack of matrices. */
    static long[] batchShape(UsmNdArray x) {
        return Arrays.copyOf(x.shape(), x.ndim() - 2);
    }

    static long rows(UsmNdArray x) {
        return x.shape()[x.ndim() - 2];
    }

    static long cols(UsmNdArray x) {
        return x.shape()[x.ndim() - 1];
    }

    /** {@code batch ++ tail} as one shape. */
    static long[] shape(long[] batch, long... tail) {
        long[] r = Arrays.copyOf(batch, batch.length + tail.length);
        System.arraycopy(tail, 0, r, batch.length, tail.length);
        return r;
    }

    /** A fresh dense {@code (batch, m, n)} copy of a stack of matrices in dtype {@code t}, the kernels' work array. */
    static UsmNdArray work(UsmNdArray x, DType t) {
        long m = rows(x);
        long n = cols(x);
        long batch = Shapes.size(batchShape(x));
        UsmNdArray out = Dense.allocate(x, t, batch, m, n);
        if (out.size() > 0) out.assign((x.dtype() == t ? x : x.astype(t)).reshape(batch, m, n));
        return out;
    }

    /** {@code batch} identities of {@code n x m} as a dense work array of dtype {@code t}. */
    static UsmNdArray eye(UsmNdArray like, DType t, long batch, long n, long m) {
        UsmNdArray out = Dense.allocate(like, t, batch, n, m);
        if (out.size() > 0) out.assign(Creation.eye(n, m, 0, ArrayOptions.on(like.queue()).dtype(t)));
        return out;
    }

    /** Matrix products of two {@code (batch, m, k)} and {@code (batch, k, n)} stacks (a batch of 1 broadcasts), through matmul. */
    static UsmNdArray mm(UsmNdArray a, UsmNdArray b) {
        if (a.ndim() == 3 && b.ndim() == 3 && a.shape()[0] == 1 && b.shape()[0] == 1) {
            return Dpnp.matmul(a.get("0"), b.get("0")).expandDims(0);
        }
        return Dpnp.matmul(a, b);
    }

    /** NumPy's matmul for stacks of any rank with equal batch axes (through matmul, 3-D at most). */
    static UsmNdArray matmul(UsmNdArray a, UsmNdArray b) {
        if (a.ndim() <= 3 && b.ndim() <= 3) return Dpnp.matmul(a, b);
        long[] bs = batchShape(a);
        UsmNdArray r = Dpnp.matmul(a.reshape(-1, rows(a), cols(a)), b.reshape(-1, rows(b), cols(b)));
        return r.reshape(shape(bs, rows(r), cols(r)));
    }

    /** {@code target -= a @ b} in place (target a view of a work array). */
    static void subProduct(UsmNdArray target, UsmNdArray a, UsmNdArray b) {
        if (target.size() == 0 || cols(a) == 0) return;
        target.subi(mm(a, b));
    }

    /** The 4-byte int array of {@code n} zeros on {@code like}'s device (pivots, error flags). */
    static UsmNdArray ints(UsmNdArray like, long... shape) {
        UsmNdArray out = Dense.allocate(like, DType.INT32, shape);
        if (out.size() > 0) out.assign(0);
        return out;
    }

    /** The first non-zero entry of an info array read to the host (its position and value), or null when all are 0. */
    static long[] firstError(UsmNdArray info) {
        if (info.size() == 0) return null;
        int[] v = info.toIntArray();
        for (int i = 0; i < v.length; i++) if (v[i] != 0) return new long[] {i, v[i]};
        return null;
    }

    /**
     * Launches panel kernel {@code name} of the float64 or float32 family (by {@code t}) over
     * {@code items} work-items, without waiting for it; array arguments are dense work arrays,
     * passed as typed views (or kernel views already).
     */
    static void launch(String name, DType t, long items, Object... args) {
        run(name, t, Dense.range(items), args);
    }

    /**
     * Launches group kernel {@code name} with one work-group per matrix: {@link LinalgKernels64#GROUP}
     * items on OpenCL devices, one on the java device (its threads gain nothing from a group, and
     * barriers cost it most).
     */
    static void launchGroups(String name, DType t, Device device, long groups, Object... args) {
        long g = DevicePlan.of(device).kind() == DevicePlan.Kind.JAVA ? 1 : LinalgKernels64.GROUP;
        run(name, t, NdRange.of(groups * g, g), args);
    }

    private static void run(String name, DType t, WorkRange range, Object... args) {
        Class<?> owner = t == DType.FLOAT64 ? LinalgKernels64.class : LinalgKernels32.class;
        Method m = KERNELS.computeIfAbsent(owner.getSimpleName() + "." + name, k -> find(owner, name));
        Object[] views = new Object[args.length];
        for (int i = 0; i < args.length; i++) views[i] = view(args[i], t);
        Kernels.launchAsync(m, range, List.of(), views);
    }

    private static Object view(Object arg, DType t) {
        if (arg instanceof Double d) return t == DType.FLOAT64 ? d : (Object) d.floatValue();
        if (!(arg instanceof UsmNdArray x)) return arg;
        if (x.dtype() == DType.INT32) return Dense.ints(x);
        if (x.dtype() != t) throw new IllegalStateException("linalg kernel argument of dtype " + x.dtype() + ", expected " + t);
        return t == DType.FLOAT64 ? DoubleArray.on(x.memory(), Math.max(1, x.size()))
                : FloatArray.on(x.memory(), Math.max(1, x.size()));
    }

    private static Method find(Class<?> owner, String name) {
        for (Method m : owner.getDeclaredMethods()) if (m.getName().equals(name)) return m;
        throw new IllegalStateException("no linalg kernel " + owner.getSimpleName() + "." + name);
    }

    /** Machine epsilon of a float dtype. */
    static double eps(DType t) {
        return t == DType.FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0);
    }

    /** Sum over the last axis of {@code x}, evaluated. */
    static UsmNdArray sumLast(UsmNdArray x, boolean keepdims) {
        return Tensor.sum(x, new int[] {-1}, keepdims).eval();
    }
}
