package org.jdpx.tensor;

import java.lang.foreign.MemorySegment;
import org.jdpx.device.Aspect;
import org.jdpx.device.Queue;
import org.jdpx.tensor.fusion.ElementOp;
import org.jdpx.tensor.fusion.RangeKernels;
import org.jdpx.tensor.fusion.ReduceOp;

/**
 * The array functions of {@code dpctl.tensor} (the Array API standard's namespace) over
 * {@link UsmNdArray}: creation with device / queue / USM kind / dtype options, elementwise
 * functions, reductions and matmul. Every function runs on the queue of its array operands and
 * returns an array there; creation functions use {@link ArrayOptions}. Elementwise results are
 * lazy and fuse (see {@link UsmNdArray}).
 *
 * <p>Operands are {@link UsmNdArray}s or Java scalars ({@code Number}, {@code Boolean}), which
 * take the array's dtype as weak scalars. Mixing arrays of two queues throws
 * {@link org.jdpx.device.ExecutionPlacementError}.
 */
public final class Tensor {
    /** Elements from which {@link #arange} computes on the device instead of copying host values there. */
    private static final long DEVICE_RANGE = 4096;

    private Tensor() {
    }

    // ---- creation ----

    /** An uninitialized array of {@code shape} with default options. */
    public static UsmNdArray empty(long... shape) {
        return empty(shape, ArrayOptions.defaults());
    }

    /** An uninitialized array of {@code shape}. */
    public static UsmNdArray empty(long[] shape, ArrayOptions o) {
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, DType.FLOAT64);
        checkShape(shape);
        return UsmNdArray.allocate(shape, t, q, o.usmType(), o.order());
    }

    /** An array of zeros (default float dtype unless the options name one). */
    public static UsmNdArray zeros(long... shape) {
        return zeros(shape, ArrayOptions.defaults());
    }

    /** An array of zeros (default float dtype unless the options name one). */
    public static UsmNdArray zeros(long[] shape, ArrayOptions o) {
        return fill(shape, 0, DType.FLOAT64, o);
    }

    /** An array of ones (default float dtype unless the options name one). */
    public static UsmNdArray ones(long... shape) {
        return ones(shape, ArrayOptions.defaults());
    }

    /** An array of ones (default float dtype unless the options name one). */
    public static UsmNdArray ones(long[] shape, ArrayOptions o) {
        return fill(shape, 1, DType.FLOAT64, o);
    }

    /**
     * An array filled with {@code value}; without an explicit dtype a boolean gives bool, an
     * integer int64 and a float the default float.
     */
    public static UsmNdArray full(long[] shape, Object value, ArrayOptions o) {
        DType natural = switch (value) {
            case Boolean b -> DType.BOOL;
            case Complex c -> DType.COMPLEX128;
            case Double d -> DType.FLOAT64;
            case Float f -> DType.FLOAT64;
            case Number n -> DType.INT64;
            case null, default -> throw new IllegalArgumentException("fill value must be a Java number, boolean or Complex, not "
                    + value);
        };
        return fill(shape, value, natural, o);
    }

    private static UsmNdArray fill(long[] shape, Object value, DType natural, ArrayOptions o) {
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, natural);
        checkShape(shape);
        UsmNdArray a = UsmNdArray.allocate(shape, t, q, o.usmType(), o.order());
        if (a.size() > 0) {
            MemorySegment pattern = HostData.allocate(t, 1).asSlice(0, t.itemSize());
            double d = value instanceof Boolean b ? (b ? 1 : 0) : value instanceof Complex c ? c.re() : ((Number) value).doubleValue();
            long l = value instanceof Boolean b ? (b ? 1 : 0) : value instanceof Number num && !(value instanceof Double)
                    && !(value instanceof Float) ? num.longValue() : (long) d;
            if (value instanceof Complex c) {
                if (!t.isComplex()) {
                    throw new IllegalArgumentException("cannot fill a " + t + " array with the complex value " + c
                            + "; ask for a complex dtype");
                }
                HostData.putComplex(pattern, t, 0, c.re(), c.im());
            } else {
                HostData.put(pattern, t, 0, d, l);
            }
            a.memory().fillAsync(pattern, 0, a.size() * t.itemSize());
        }
        return a;
    }

    /** Like {@code x}: same shape, dtype, device, queue and USM kind, uninitialized. */
    public static UsmNdArray emptyLike(UsmNdArray x) {
        return UsmNdArray.allocate(x.shape(), x.dtype(), x.queue(), x.usmType(), 'C');
    }

    /** Zeros like {@code x}. */
    public static UsmNdArray zerosLike(UsmNdArray x) {
        return fullLike(x, 0);
    }

    /** Ones like {@code x}. */
    public static UsmNdArray onesLike(UsmNdArray x) {
        return fullLike(x, 1);
    }

    /** {@code value} everywhere, like {@code x}. */
    public static UsmNdArray fullLike(UsmNdArray x, Object value) {
        return full(x.shape(), value, ArrayOptions.on(x.queue()).dtype(x.dtype()).usmType(x.usmType()));
    }

    /**
     * Evenly spaced values in {@code [start, stop)}: int64 when all three are integral, else
     * the default float. Element {@code i} is {@code start + i * step} in float64 (converted to the dtype);
     * from a few thousand elements a kernel on the array's OpenCL device computes them where the
     * device has fp64, else they are computed on the host and copied, like a literal.
     */
    public static UsmNdArray arange(double start, double stop, double step, ArrayOptions o) {
        if (step == 0) throw new IllegalArgumentException("arange: step must not be zero");
        long n = Math.max(0, (long) Math.ceil((stop - start) / step));
        boolean integral = start == Math.rint(start) && stop == Math.rint(stop) && step == Math.rint(step);
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, integral ? DType.INT64 : DType.FLOAT64);
        if (n >= DEVICE_RANGE && (t == DType.FLOAT64 || t == DType.INT64) && q.device().aspects().contains(Aspect.FP64)
                && !q.device().backend().equals("java")) {
            // Computed where it lives: no host array to fill and copy (the java device's memory is the host's).
            UsmNdArray a = UsmNdArray.allocate(new long[] {n}, t, q, o.usmType(), 'C');
            RangeKernels.arange(a.leaf(), start, step, q);
            return a;
        }
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < n; i++) v[i] = start + i * step;
        return fromHost(HostData.fromJava(v, t), new long[] {n}, t, q, o);
    }

    /** {@code 0, 1, ..., stop-1} as int64 on the default device. */
    public static UsmNdArray arange(long stop) {
        return arange(0, stop, 1, ArrayOptions.defaults());
    }

    /** {@code num} evenly spaced values from {@code start} to {@code stop} (included when {@code endpoint}). */
    public static UsmNdArray linspace(double start, double stop, int num, boolean endpoint, ArrayOptions o) {
        if (num < 0) throw new IllegalArgumentException("linspace: number of samples " + num + " must be non-negative");
        double[] v = new double[num];
        double div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : 0;
        for (int i = 0; i < num; i++) v[i] = start + i * step;
        if (endpoint && num > 1) v[num - 1] = stop;
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, DType.FLOAT64);
        return fromHost(HostData.fromJava(v, t), new long[] {num}, t, q, o);
    }

    /** An {@code n x m} array with ones on diagonal {@code k}. */
    public static UsmNdArray eye(long n, long m, int k, ArrayOptions o) {
        double[] v = new double[Math.toIntExact(n * m)];
        for (long i = 0; i < n; i++) {
            long j = i + k;
            if (j >= 0 && j < m) v[(int) (i * m + j)] = 1;
        }
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, DType.FLOAT64);
        return fromHost(HostData.fromJava(v, t), new long[] {n, m}, t, q, o);
    }

    /**
     * An array from a flat Java primitive array in C order and a shape (the length when no
     * shape is given). The dtype follows the Java type ({@code float[]} is float32, {@code double[]}
     * float64, mapped to float32 on a device without fp64) unless the options name one.
     *
     * @throws IllegalArgumentException when the shape does not match the data's length
     */
    public static UsmNdArray asarray(Object javaArray, long[] shape, ArrayOptions o) {
        DType natural = HostData.dtypeOf(javaArray);
        long len = HostData.length(javaArray);
        long[] s = shape == null ? new long[] {len} : shape;
        if (Shapes.size(s) != len) {
            throw new IllegalArgumentException("cannot make an array of shape " + Shapes.describe(s) + " from "
                    + len + " values");
        }
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, natural);
        return fromHost(HostData.fromJava(javaArray, t), s, t, q, o);
    }

    /**
     * A complex array from interleaved (real, imaginary) pairs in C order: {@code 2 * size}
     * values, element i's real part at {@code 2i} (NumPy's memory layout). The dtype is
     * complex64 for a {@code float[]}, complex128 for a {@code double[]} (complex64 on a device
     * without fp64) unless the options name a complex one.
     *
     * @throws IllegalArgumentException when the length is not twice the shape's size, or the
     *         options name a real dtype
     */
    public static UsmNdArray asComplexArray(Object interleaved, long[] shape, ArrayOptions o) {
        double[] v = switch (interleaved) {
            case double[] d -> d;
            case float[] f -> {
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) d[i] = f[i];
                yield d;
            }
            case null, default -> throw new IllegalArgumentException("interleaved complex data must be a float[] or double[]");
        };
        long[] s = shape == null ? new long[] {v.length / 2} : shape;
        if (v.length % 2 != 0 || Shapes.size(s) * 2 != v.length) {
            throw new IllegalArgumentException("cannot make a complex array of shape " + Shapes.describe(s) + " from "
                    + v.length + " interleaved values (need two per element)");
        }
        Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, interleaved instanceof float[] ? DType.COMPLEX64 : DType.COMPLEX128);
        if (!t.isComplex()) throw new IllegalArgumentException("asComplexArray makes complex arrays, not " + t);
        MemorySegment data = HostData.allocate(t, v.length / 2);
        for (int i = 0; i < v.length / 2; i++) HostData.putComplex(data, t, i, v[2 * i], v[2 * i + 1]);
        return fromHost(data, s, t, q, o);
    }

    /**
     * A float16 array from IEEE binary16 bits in C order (NumPy's {@code bits.view(np.float16)}).
     *
     * @throws IllegalArgumentException when the shape does not match the data's length
     */
    public static UsmNdArray fromFloat16Bits(short[] bits, long[] shape, ArrayOptions o) {
        long[] s = shape == null ? new long[] {bits.length} : shape;
        if (Shapes.size(s) != bits.length) {
            throw new IllegalArgumentException("cannot make an array of shape " + Shapes.describe(s) + " from "
                    + bits.length + " values");
        }
        MemorySegment data = HostData.allocate(DType.FLOAT16, bits.length);
        MemorySegment.copy(bits, 0, data, java.lang.foreign.ValueLayout.JAVA_SHORT, 0, bits.length);
        return fromHost(data, s, DType.FLOAT16, o.resolveQueue(), o);
    }

    /** A 1-D array from Java data on the default device. */
    public static UsmNdArray asarray(Object javaArray) {
        return asarray(javaArray, null, ArrayOptions.defaults());
    }

    /** An array from Java data with a shape, on the default device. */
    public static UsmNdArray asarray(Object javaArray, long... shape) {
        return asarray(javaArray, shape, ArrayOptions.defaults());
    }

    /** {@code x} on the options' queue and dtype (no copy when nothing changes). */
    public static UsmNdArray asarray(UsmNdArray x, ArrayOptions o) {
        UsmNdArray r = o.device() == null ? x : x.toDevice(o.resolveQueue());
        return o.dtype() == null || o.dtype() == r.dtype() ? r : r.astype(o.dtype());
    }

    static UsmNdArray fromHost(MemorySegment data, long[] shape, DType t, Queue q, ArrayOptions o) {
        UsmNdArray a = UsmNdArray.allocate(shape, t, q, o.usmType(), 'C');
        if (a.size() > 0) a.memory().copyFromHost(data.asSlice(0, a.size() * t.itemSize()));
        if (o.order() == 'F' && a.ndim() > 1) {
            UsmNdArray f = UsmNdArray.allocate(shape, t, q, o.usmType(), 'F');
            return f.assign(a);
        }
        return a;
    }

    private static void checkShape(long[] shape) {
        for (long e : shape) {
            if (e < 0) throw new IllegalArgumentException("negative dimensions are not allowed: " + Shapes.describe(shape));
        }
    }

    /**
     * Loads a NumPy {@code .npy} file into a new array (NumPy's {@code load}) through the codec of
     * jdpx-interop ({@link NpyProvider}); float64 data becomes float32 on a device without fp64
     * unless the options ask for float64.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read or is not a supported .npy
     * @throws IllegalStateException when jdpx-interop is not on the class or module path
     */
    public static UsmNdArray load(java.nio.file.Path path, ArrayOptions o) {
        try {
            return NpyProvider.find().load(path, o);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Saves {@code x} as a NumPy {@code .npy} file (NumPy's {@code save}) through the codec of
     * jdpx-interop ({@link NpyProvider}); reads it to the host first.
     *
     * @throws java.io.UncheckedIOException when the file cannot be written
     * @throws IllegalStateException when jdpx-interop is not on the class or module path
     */
    public static void save(java.nio.file.Path path, UsmNdArray x) {
        try {
            NpyProvider.find().save(path, x);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- elementwise ----

    /** Applies elementwise operation {@code op} (see {@link ElementOp}) to arrays and scalars. */
    public static UsmNdArray apply(ElementOp op, Object... operands) { return Elementwise.apply(op, operands); }

    public static UsmNdArray add(Object a, Object b) { return Elementwise.apply(ElementOp.ADD, a, b); }
    public static UsmNdArray subtract(Object a, Object b) { return Elementwise.apply(ElementOp.SUBTRACT, a, b); }
    public static UsmNdArray multiply(Object a, Object b) { return Elementwise.apply(ElementOp.MULTIPLY, a, b); }
    public static UsmNdArray divide(Object a, Object b) { return Elementwise.apply(ElementOp.DIVIDE, a, b); }
    public static UsmNdArray floorDivide(Object a, Object b) { return Elementwise.apply(ElementOp.FLOOR_DIVIDE, a, b); }
    public static UsmNdArray remainder(Object a, Object b) { return Elementwise.apply(ElementOp.REMAINDER, a, b); }
    public static UsmNdArray pow(Object a, Object b) { return Elementwise.apply(ElementOp.POWER, a, b); }
    public static UsmNdArray minimum(Object a, Object b) { return Elementwise.apply(ElementOp.MINIMUM, a, b); }
    public static UsmNdArray maximum(Object a, Object b) { return Elementwise.apply(ElementOp.MAXIMUM, a, b); }
    public static UsmNdArray fmin(Object a, Object b) { return Elementwise.apply(ElementOp.FMIN, a, b); }
    public static UsmNdArray fmax(Object a, Object b) { return Elementwise.apply(ElementOp.FMAX, a, b); }
    public static UsmNdArray arctan2(Object a, Object b) { return Elementwise.apply(ElementOp.ARCTAN2, a, b); }
    public static UsmNdArray hypot(Object a, Object b) { return Elementwise.apply(ElementOp.HYPOT, a, b); }
    public static UsmNdArray equal(Object a, Object b) { return Elementwise.apply(ElementOp.EQUAL, a, b); }
    public static UsmNdArray notEqual(Object a, Object b) { return Elementwise.apply(ElementOp.NOT_EQUAL, a, b); }
    public static UsmNdArray less(Object a, Object b) { return Elementwise.apply(ElementOp.LESS, a, b); }
    public static UsmNdArray lessEqual(Object a, Object b) { return Elementwise.apply(ElementOp.LESS_EQUAL, a, b); }
    public static UsmNdArray greater(Object a, Object b) { return Elementwise.apply(ElementOp.GREATER, a, b); }
    public static UsmNdArray greaterEqual(Object a, Object b) { return Elementwise.apply(ElementOp.GREATER_EQUAL, a, b); }
    public static UsmNdArray logicalAnd(Object a, Object b) { return Elementwise.apply(ElementOp.LOGICAL_AND, a, b); }
    public static UsmNdArray logicalOr(Object a, Object b) { return Elementwise.apply(ElementOp.LOGICAL_OR, a, b); }
    public static UsmNdArray logicalXor(Object a, Object b) { return Elementwise.apply(ElementOp.LOGICAL_XOR, a, b); }
    public static UsmNdArray logicalNot(Object a) { return Elementwise.apply(ElementOp.LOGICAL_NOT, a); }
    public static UsmNdArray bitwiseAnd(Object a, Object b) { return Elementwise.apply(ElementOp.BITWISE_AND, a, b); }
    public static UsmNdArray bitwiseOr(Object a, Object b) { return Elementwise.apply(ElementOp.BITWISE_OR, a, b); }
    public static UsmNdArray bitwiseXor(Object a, Object b) { return Elementwise.apply(ElementOp.BITWISE_XOR, a, b); }
    public static UsmNdArray bitwiseNot(Object a) { return Elementwise.apply(ElementOp.BITWISE_NOT, a); }
    public static UsmNdArray leftShift(Object a, Object b) { return Elementwise.apply(ElementOp.LEFT_SHIFT, a, b); }
    public static UsmNdArray rightShift(Object a, Object b) { return Elementwise.apply(ElementOp.RIGHT_SHIFT, a, b); }
    public static UsmNdArray negative(Object a) { return Elementwise.apply(ElementOp.NEGATIVE, a); }
    public static UsmNdArray positive(Object a) { return Elementwise.apply(ElementOp.POSITIVE, a); }
    public static UsmNdArray abs(Object a) { return Elementwise.apply(ElementOp.ABS, a); }
    public static UsmNdArray sign(Object a) { return Elementwise.apply(ElementOp.SIGN, a); }
    public static UsmNdArray square(Object a) { return Elementwise.apply(ElementOp.SQUARE, a); }
    public static UsmNdArray reciprocal(Object a) { return Elementwise.apply(ElementOp.RECIPROCAL, a); }
    public static UsmNdArray sqrt(Object a) { return Elementwise.apply(ElementOp.SQRT, a); }
    public static UsmNdArray cbrt(Object a) { return Elementwise.apply(ElementOp.CBRT, a); }
    public static UsmNdArray exp(Object a) { return Elementwise.apply(ElementOp.EXP, a); }
    public static UsmNdArray exp2(Object a) { return Elementwise.apply(ElementOp.EXP2, a); }
    public static UsmNdArray expm1(Object a) { return Elementwise.apply(ElementOp.EXPM1, a); }
    public static UsmNdArray log(Object a) { return Elementwise.apply(ElementOp.LOG, a); }
    public static UsmNdArray log2(Object a) { return Elementwise.apply(ElementOp.LOG2, a); }
    public static UsmNdArray log10(Object a) { return Elementwise.apply(ElementOp.LOG10, a); }
    public static UsmNdArray log1p(Object a) { return Elementwise.apply(ElementOp.LOG1P, a); }
    public static UsmNdArray sin(Object a) { return Elementwise.apply(ElementOp.SIN, a); }
    public static UsmNdArray cos(Object a) { return Elementwise.apply(ElementOp.COS, a); }
    public static UsmNdArray tan(Object a) { return Elementwise.apply(ElementOp.TAN, a); }
    public static UsmNdArray arcsin(Object a) { return Elementwise.apply(ElementOp.ARCSIN, a); }
    public static UsmNdArray arccos(Object a) { return Elementwise.apply(ElementOp.ARCCOS, a); }
    public static UsmNdArray arctan(Object a) { return Elementwise.apply(ElementOp.ARCTAN, a); }
    public static UsmNdArray sinh(Object a) { return Elementwise.apply(ElementOp.SINH, a); }
    public static UsmNdArray cosh(Object a) { return Elementwise.apply(ElementOp.COSH, a); }
    public static UsmNdArray tanh(Object a) { return Elementwise.apply(ElementOp.TANH, a); }
    public static UsmNdArray deg2rad(Object a) { return Elementwise.apply(ElementOp.DEG2RAD, a); }
    public static UsmNdArray rad2deg(Object a) { return Elementwise.apply(ElementOp.RAD2DEG, a); }
    public static UsmNdArray floor(Object a) { return Elementwise.apply(ElementOp.FLOOR, a); }
    public static UsmNdArray ceil(Object a) { return Elementwise.apply(ElementOp.CEIL, a); }
    public static UsmNdArray trunc(Object a) { return Elementwise.apply(ElementOp.TRUNC, a); }
    /** Rounds half to even, as NumPy's {@code round} with 0 decimals. */
    public static UsmNdArray round(Object a) { return Elementwise.apply(ElementOp.ROUND, a); }
    public static UsmNdArray isnan(Object a) { return Elementwise.apply(ElementOp.ISNAN, a); }
    public static UsmNdArray isinf(Object a) { return Elementwise.apply(ElementOp.ISINF, a); }
    public static UsmNdArray isfinite(Object a) { return Elementwise.apply(ElementOp.ISFINITE, a); }
    /** The real part (a new array; {@link UsmNdArray#real()} is the view). */
    public static UsmNdArray real(Object a) { return Elementwise.apply(ElementOp.REAL, a); }
    /** The imaginary part (zeros for a real array). */
    public static UsmNdArray imag(Object a) { return Elementwise.apply(ElementOp.IMAG, a); }
    /** The complex conjugate (a real array's copy). */
    public static UsmNdArray conj(Object a) { return Elementwise.apply(ElementOp.CONJ, a); }

    /** {@code cond ? a : b} elementwise with broadcasting; a and b promote together. */
    public static UsmNdArray where(Object cond, Object a, Object b) {
        return Elementwise.apply(ElementOp.WHERE, cond, a, b);
    }

    /** {@code min(max(x, lo), hi)}; a null bound is absent. */
    public static UsmNdArray clip(UsmNdArray x, Object lo, Object hi) {
        UsmNdArray r = x;
        if (lo != null) r = maximum(r, lo);
        if (hi != null) r = minimum(r, hi);
        return r == x ? x.copy() : r;
    }

    // ---- reductions ----

    public static UsmNdArray sum(UsmNdArray x, int[] axes, boolean keepdims) { return Reductions.reduce(ReduceOp.SUM, x, axes, keepdims); }
    public static UsmNdArray prod(UsmNdArray x, int[] axes, boolean keepdims) { return Reductions.reduce(ReduceOp.PROD, x, axes, keepdims); }
    public static UsmNdArray min(UsmNdArray x, int[] axes, boolean keepdims) { return Reductions.reduce(ReduceOp.MIN, x, axes, keepdims); }
    public static UsmNdArray max(UsmNdArray x, int[] axes, boolean keepdims) { return Reductions.reduce(ReduceOp.MAX, x, axes, keepdims); }
    public static UsmNdArray any(UsmNdArray x, int[] axes, boolean keepdims) { return Reductions.reduce(ReduceOp.ANY, x, axes, keepdims); }
    public static UsmNdArray all(UsmNdArray x, int[] axes, boolean keepdims) { return Reductions.reduce(ReduceOp.ALL, x, axes, keepdims); }
    public static UsmNdArray mean(UsmNdArray x, int[] axes, boolean keepdims) { return Reductions.mean(x, axes, keepdims); }
    public static UsmNdArray var(UsmNdArray x, int[] axes, boolean keepdims, int ddof) { return Reductions.var(x, axes, keepdims, ddof); }
    public static UsmNdArray std(UsmNdArray x, int[] axes, boolean keepdims, int ddof) { return sqrt(Reductions.var(x, axes, keepdims, ddof)); }

    /** Position of the largest value: along {@code axis}, or in the flattened array when null. */
    public static UsmNdArray argmax(UsmNdArray x, Integer axis) {
        return Reductions.reduce(ReduceOp.ARGMAX, x, axis == null ? null : new int[] {axis}, false);
    }

    /** Position of the smallest value: along {@code axis}, or in the flattened array when null. */
    public static UsmNdArray argmin(UsmNdArray x, Integer axis) {
        return Reductions.reduce(ReduceOp.ARGMIN, x, axis == null ? null : new int[] {axis}, false);
    }

    /** Running sum along {@code axis} (flattened when null); integers accumulate in 64 bits. */
    public static UsmNdArray cumsum(UsmNdArray x, Integer axis) { return Reductions.cumulative(ReduceOp.SUM, x, axis); }

    /** Running product along {@code axis} (flattened when null). */
    public static UsmNdArray cumprod(UsmNdArray x, Integer axis) { return Reductions.cumulative(ReduceOp.PROD, x, axis); }

    // ---- linear algebra ----

    /**
     * NumPy's matmul: 1-D operands are a row (left) or a column (right), whose axes are dropped
     * from the result, and leading axes are stacks that broadcast. float32/float64 run on the
     * GEMM ({@link org.jdpx.tensor.linalg.Gemm}: a Vector API kernel on the java device, a
     * register-tiled one on OpenCL devices), reading transposed operands in place.
     *
     * @throws IllegalArgumentException for 0-d operands, inner extents that differ, or stack axes
     *                                  that do not broadcast
     */
    public static UsmNdArray matmul(UsmNdArray a, UsmNdArray b) {
        return Products.matmul(a, b);
    }

    /** Dot product of 1-D arrays, or matmul of 2-D ones. */
    public static UsmNdArray dot(UsmNdArray a, UsmNdArray b) {
        return matmul(a, b);
    }

}
