package org.jdpx.dpnp;

import org.jdpx.device.Queue;
import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * A seeded random stream on one device, dpnp's {@code RandomState} / NumPy's {@code Generator}:
 * counter-based Philox4x32-10 computed by a kernel, so a seed gives the same numbers on every
 * device (integers and uniforms bit for bit; normals up to the device's {@code log}/{@code cos}
 * rounding). Every call takes fresh counters. NumPy's own streams are not reproduced.
 *
 * <p>Uniform floats use the top bits of the Philox words: 53 bits for float64, 24 for float32.
 * Not thread-safe: use one stream per thread. {@link #positioned} gives the part of a call's
 * numbers that starts at an element offset, which is how a distributed array's block gets the
 * numbers one process would have drawn for its elements.
 */
public final class RandomState {
    private final int key0;
    private final int key1;
    private final ArrayOptions options;
    private int call;
    /** Elements of the next call to skip ({@link #positioned}); 0 for an ordinary stream. */
    private final long skip;

    /** A stream seeded with {@code seed} on the options' device (default: the default device). */
    public RandomState(long seed, ArrayOptions options) {
        this.key0 = (int) seed;
        this.key1 = (int) (seed >>> 32);
        this.options = options;
        this.skip = 0;
    }

    private RandomState(RandomState from, int call, long skip) {
        this.key0 = from.key0;
        this.key1 = from.key1;
        this.options = from.options;
        this.call = call;
        this.skip = skip;
    }

    /**
     * A stream of the same seed and device whose next call is this stream's call number
     * {@code call} and gives the elements from {@code firstElement} on: {@code positioned(c, k).random(shape)}
     * equals elements {@code k..k+size-1} of the (flattened) {@code c}-th call's result with a longer shape.
     * Supported for {@code random}, {@code rand}, {@code uniform}, {@code normal} and {@code integers}.
     *
     * @throws IllegalArgumentException for a negative call or offset
     */
    public RandomState positioned(int call, long firstElement) {
        if (call < 0 || firstElement < 0) {
            throw new IllegalArgumentException("positioned: call and firstElement must be >= 0, got " + call + ", " + firstElement);
        }
        return new RandomState(this, call, firstElement);
    }

    /** How many calls this stream has made (the call number of the next one). */
    public int calls() {
        return call;
    }

    /** A stream seeded with {@code seed} on the default device. */
    public RandomState(long seed) {
        this(seed, ArrayOptions.defaults());
    }

    /** {@code 4 * blocks} raw 32-bit words (uint32) from the next counter range. */
    UsmNdArray words(long count) {
        return words(options.resolveQueue(), count, 1);
    }

    /**
     * The next {@code count} raw words, computed on {@code q}, after the {@link #skip} elements
     * of {@code wordsPerElement} words each.
     */
    UsmNdArray words(Queue q, long count, int wordsPerElement) {
        long first = skip * wordsPerElement;
        long lead = first % 4;
        long blocks = (lead + count + 3) / 4;
        int b = Dense.count("random", blocks);
        int firstBlock = (int) (first / 4);
        Dense.count("random", first / 4 + blocks);
        UsmNdArray out = UsmNdArray.allocate(new long[] {blocks * 4}, DType.UINT32, q, options.usmType(), 'C');
        int c = call++;
        if (blocks > 0) Kernels.launch(DeviceKernels::philox, Dense.range(blocks), Dense.ints(out), key0, key1, c, 0, firstBlock, b);
        return out.get(lead + ":" + (lead + count));
    }

    private DType floatType(DType requested) {
        Queue q = options.resolveQueue();
        DType t = requested != null ? requested : options.dtype() != null ? options.dtype() : DTypes.defaultFloat(q.device());
        if (!t.isFloat()) throw new IllegalArgumentException("random: dtype must be float32 or float64, got " + t);
        return DTypes.forDevice(t, q.device(), true);
    }

    /** Uniform floats in [0, 1) of {@code shape} and dtype {@code dtype} (null: the options' or the default float). */
    public UsmNdArray random(long[] shape, DType dtype) {
        return random(shape, dtype, 1);
    }

    /** Uniforms where one element of the caller is {@code group} of these (normal draws pairs). */
    private UsmNdArray random(long[] shape, DType dtype, int group) {
        DType t = floatType(dtype);
        long n = Shapes.size(shape);
        Queue q = options.resolveQueue();
        if (t == DType.FLOAT32) {
            UsmNdArray w = words(q, n, group);
            return Tensor.multiply(Tensor.rightShift(w, 8).astype(DType.FLOAT32), 0x1p-24f).reshape(shape).eval();
        }
        UsmNdArray w = words(q, 2 * n, 2 * group).reshape(n, 2);
        UsmNdArray hi = Tensor.rightShift(w.get(":, 0"), 5).astype(DType.FLOAT64);
        UsmNdArray lo = Tensor.rightShift(w.get(":, 1"), 6).astype(DType.FLOAT64);
        return Tensor.multiply(Tensor.add(Tensor.multiply(hi, 67108864.0), lo), 0x1p-53).reshape(shape).eval();
    }

    /** Uniform floats in [0, 1) (NumPy's {@code random_sample} / {@code rand}). */
    public UsmNdArray rand(long... shape) {
        return random(shape, null);
    }

    /** Uniform floats in [low, high). */
    public UsmNdArray uniform(double low, double high, long... shape) {
        UsmNdArray u = random(shape, null);
        return Tensor.add(Tensor.multiply(u, high - low), low).eval();
    }

    /** Standard normal floats (Box-Muller on two uniforms). */
    public UsmNdArray randn(long... shape) {
        return normal(0, 1, shape);
    }

    /** Standard normal floats, NumPy's {@code standard_normal}. */
    public UsmNdArray standardNormal(long... shape) {
        return normal(0, 1, shape);
    }

    /** Normal floats with mean {@code loc} and standard deviation {@code scale}. */
    public UsmNdArray normal(double loc, double scale, long... shape) {
        if (scale < 0) throw new IllegalArgumentException("normal: scale must be non-negative, got " + scale);
        long n = Shapes.size(shape);
        UsmNdArray u = random(new long[] {n, 2}, null, 2);
        UsmNdArray u1 = Tensor.subtract(1.0, u.get(":, 0"));
        UsmNdArray r = Tensor.sqrt(Tensor.multiply(Tensor.log(u1), -2.0));
        UsmNdArray z = Tensor.multiply(r, Tensor.cos(Tensor.multiply(u.get(":, 1"), 2 * Math.PI)));
        return Tensor.add(Tensor.multiply(z, scale), loc).reshape(shape).eval();
    }

    /**
     * Integers in [low, high) as int64 (NumPy's {@code Generator.integers}; {@code randint}),
     * from one 32-bit word each, so the range may span at most 2^32 values.
     */
    public UsmNdArray integers(long low, long high, long... shape) {
        long range = high - low;
        if (range <= 0) throw new IllegalArgumentException("integers: low >= high (" + low + " >= " + high + ")");
        if (range > 0x1_0000_0000L) {
            throw new UnsupportedOperationException("integers: ranges wider than 2^32 are not implemented (got " + range + ")");
        }
        UsmNdArray w = words(Shapes.size(shape)).astype(DType.INT64);
        return Tensor.add(Tensor.remainder(w, range), low).reshape(shape).eval();
    }

    /** {@link #integers} under RandomState's name. */
    public UsmNdArray randint(long low, long high, long... shape) {
        return integers(low, high, shape);
    }

    /** A random permutation of {@code 0..n-1} (int64): a device sort of 64-bit random keys. */
    public UsmNdArray permutation(long n) {
        return permutation(options.resolveQueue(), n);
    }

    private UsmNdArray permutation(Queue q, long n) {
        if (skip != 0) throw new UnsupportedOperationException("permutation: not available on a positioned stream; draw it whole");
        UsmNdArray w = words(q, 2 * n, 2).reshape(n, 2).astype(DType.INT64);
        UsmNdArray keys = Dense.of(Tensor.bitwiseOr(Tensor.leftShift(w.get(":, 0"), 32L), w.get(":, 1")));
        return MergeSort.argsortRows(keys, 1, n).reshape(n);
    }

    /** {@code x} with its first axis randomly permuted (a new array on x's device). */
    public UsmNdArray permutation(UsmNdArray x) {
        if (x.ndim() == 0) throw new IllegalArgumentException("permutation: x must be at least 1-d");
        return Sorting.take(x, permutation(x.queue(), x.shape()[0]), 0);
    }

    /** Permutes {@code x} along its first axis in place. */
    public void shuffle(UsmNdArray x) {
        x.assign(permutation(x));
    }
}
