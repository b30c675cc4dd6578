package org.jdpx.tensor;

import java.util.Arrays;
import org.jdpx.device.Queue;
import org.jdpx.tensor.fusion.ElementOp;
import org.jdpx.tensor.fusion.MatMul;
import org.jdpx.tensor.linalg.Dot;
import org.jdpx.tensor.linalg.Gemm;
import org.jdpx.tensor.linalg.Strided;

/**
 * NumPy's {@code matmul} over stacks: a 1-D left operand is a row and a 1-D right operand a
 * column (those axes dropped from the result), leading axes broadcast as NumPy broadcasts them.
 * float32 and float64 products run on {@link Gemm}, reading transposed and broadcast operands in
 * place (a stack whose broadcast axes cannot be walked with one stride is copied once); other
 * dtypes run the plain kernel, one matrix at a time.
 */
final class Products {

    private Products() {
    }

    /**
     * The dot of two float 1-D arrays of one length, as its own bandwidth-bound reduction on
     * every device ({@link Dot}: each pair read once where it lies, steps and reversed views
     * included, the multiply fused into a blocked sum). Integers run the fused multiply-sum
     * (one pass as well; its 64-bit sum wraps to the dtype as NumPy's does), which, unlike the
     * plain matrix kernel, splits long vectors under llvmpipe's loop limit. Null for anything
     * else: booleans run the plain kernel, matrix-vector products {@link Gemm}'s GEMV kernels.
     */
    private static UsmNdArray vectorDot(Queue q, UsmNdArray a, UsmNdArray b) {
        if (a.ndim() != 1 || b.ndim() != 1 || a.shape()[0] != b.shape()[0]) return null;
        DType t = DTypes.forDevice(Promotion.result(a.dtype(), b.dtype()), q.device(), false);
        if (t.isInteger()) return Tensor.sum(Tensor.multiply(a.astype(t), b.astype(t)), new int[] {-1}, false).astype(t).eval();
        if (t != DType.FLOAT32 && t != DType.FLOAT64) return null;
        UsmNdArray x = computed(a, t);
        UsmNdArray y = computed(b, t);
        UsmNdArray out = UsmNdArray.allocate(new long[0], t, q, Elementwise.usmType(a, b), 'C');
        Dot.run(q, t, x.memory(), x.view().offset(), x.view().strides()[0], y.memory(), y.view().offset(),
                y.view().strides()[0], a.shape()[0], out.memory(), out.view().offset());
        return out;
    }

    /** {@code x} as dtype {@code t} in memory (converted and computed only when it is not). */
    private static UsmNdArray computed(UsmNdArray x, DType t) {
        UsmNdArray y = x.dtype() == t ? x : x.astype(t);
        return y.isLazy() ? y.eval() : y;
    }

    static UsmNdArray matmul(UsmNdArray a, UsmNdArray b) {
        Queue q = Elementwise.placement("matmul", a, b);
        if (a.dtype().isComplex() || b.dtype().isComplex()) return complexMatmul(q, a, b);
        if (a.ndim() == 0 || b.ndim() == 0) {
            throw new IllegalArgumentException("matmul: input operand " + (a.ndim() == 0 ? 0 : 1)
                    + " does not have enough dimensions (a 0-d array); use multiply for scalars");
        }
        UsmNdArray dot = vectorDot(q, a, b);
        if (dot != null) return dot;
        UsmNdArray a2 = a.ndim() == 1 ? a.reshape(1, a.shape()[0]) : a;
        UsmNdArray b2 = b.ndim() == 1 ? b.reshape(b.shape()[0], 1) : b;
        long[] sa = a2.shape();
        long[] sb = b2.shape();
        long m = sa[sa.length - 2];
        long k = sa[sa.length - 1];
        long n = sb[sb.length - 1];
        if (sb[sb.length - 2] != k) {
            throw new IllegalArgumentException("matmul: input operand 1 has a mismatch in its core dimension 0 (size "
                    + sb[sb.length - 2] + " is different from " + k + "): shapes " + Shapes.describe(a.shape()) + " and "
                    + Shapes.describe(b.shape()));
        }
        long[] batchShape;
        try {
            batchShape = Shapes.broadcast(Arrays.copyOf(sa, sa.length - 2), Arrays.copyOf(sb, sb.length - 2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: the stack axes of shapes " + Shapes.describe(a.shape()) + " and "
                    + Shapes.describe(b.shape()) + " do not broadcast", e);
        }
        DType t = DTypes.forDevice(Promotion.result(a.dtype(), b.dtype()), q.device(), false);
        long batch = Shapes.size(batchShape);
        long[] outShape = Arrays.copyOf(batchShape, batchShape.length + 2);
        outShape[batchShape.length] = m;
        outShape[batchShape.length + 1] = n;
        UsmNdArray out = UsmNdArray.allocate(outShape, t, q, Elementwise.usmType(a, b), 'C');
        if (out.size() > 0) {
            if (k == 0) {
                out.assign(0);
            } else if (t == DType.FLOAT32 || t == DType.FLOAT64) {
                UsmNdArray ca = stackable(a2, t, batchShape);
                UsmNdArray cb = stackable(b2, t, batchShape);
                Gemm.run(q, t, ca.memory(), layout(ca, batchShape), cb.memory(), layout(cb, batchShape), out.memory(),
                        Strided.rowMajor(out.view().offset(), m, n), batch, m, n, k, 1.0, 0.0);
            } else {
                plain(q, t, a2, b2, out, batchShape, m, k, n);
            }
        }
        long[] shape = out.shape();
        if (a.ndim() == 1 && b.ndim() == 1) return out.reshape(Arrays.copyOf(shape, shape.length - 2));
        if (a.ndim() == 1) return out.reshape(drop(shape, shape.length - 2));
        if (b.ndim() == 1) return out.reshape(Arrays.copyOf(shape, shape.length - 1));
        return out;
    }

    /**
     * {@code (A + iB)(C + iD) = (AC - BD) + i(AD + BC)}: four real products of the parts (each
     * through the GEMM core for float32/float64), joined lazily into the complex result.
     */
    private static UsmNdArray complexMatmul(Queue q, UsmNdArray a, UsmNdArray b) {
        DType t = DTypes.forDevice(Promotion.result(a.dtype(), b.dtype()), q.device(), false);
        UsmNdArray ca = a.contiguousAs(t);
        UsmNdArray cb = b.contiguousAs(t);
        UsmNdArray ar = ca.real().copy();
        UsmNdArray ai = ca.imag().copy();
        UsmNdArray br = cb.real().copy();
        UsmNdArray bi = cb.imag().copy();
        UsmNdArray re = Elementwise.apply(ElementOp.SUBTRACT, matmul(ar, br), matmul(ai, bi));
        UsmNdArray im = Elementwise.apply(ElementOp.ADD, matmul(ar, bi), matmul(ai, br));
        return Elementwise.apply(ElementOp.COMPLEX, re, im);
    }

    /** {@code x} of dtype {@code t}, computed, with stack axes one stride can walk; copied only when needed. */
    private static UsmNdArray stackable(UsmNdArray x, DType t, long[] batchShape) {
        UsmNdArray y = computed(x, t);
        if (batchStride(y, batchShape) != null) return y;
        long[] s = y.shape();
        long[] full = Arrays.copyOf(batchShape, batchShape.length + 2);
        full[batchShape.length] = s[s.length - 2];
        full[batchShape.length + 1] = s[s.length - 1];
        return y.broadcastTo(full).contiguousAs(t);
    }

    /** The single step between consecutive matrices of {@code x}'s stack broadcast to {@code batchShape}, or null. */
    private static Long batchStride(UsmNdArray x, long[] batchShape) {
        View v = x.view();
        int nb = x.ndim() - 2;
        long[] st = Shapes.broadcastStrides(Arrays.copyOf(x.shape(), nb), Arrays.copyOf(v.strides(), nb), batchShape);
        Long step = null;
        long expect = 0;
        for (int d = batchShape.length - 1; d >= 0; d--) {
            if (batchShape[d] == 1) continue;
            if (step == null) {
                step = st[d];
                expect = st[d] * batchShape[d];
            } else if (st[d] != expect) {
                return null;
            } else {
                expect *= batchShape[d];
            }
        }
        return step == null ? 0L : step;
    }

    private static Strided layout(UsmNdArray x, long[] batchShape) {
        View v = x.view();
        long[] st = v.strides();
        return new Strided(v.offset(), st[st.length - 2], st[st.length - 1], batchStride(x, batchShape));
    }

    /** Integer and boolean products: the plain kernel on C-contiguous copies, one matrix of the stack at a time. */
    private static void plain(Queue q, DType t, UsmNdArray a, UsmNdArray b, UsmNdArray out, long[] batchShape,
                              long m, long k, long n) {
        long[] fa = Arrays.copyOf(batchShape, batchShape.length + 2);
        fa[batchShape.length] = m;
        fa[batchShape.length + 1] = k;
        long[] fb = Arrays.copyOf(batchShape, batchShape.length + 2);
        fb[batchShape.length] = k;
        fb[batchShape.length + 1] = n;
        UsmNdArray ca = a.broadcastTo(fa).contiguousAs(t);
        UsmNdArray cb = b.broadcastTo(fb).contiguousAs(t);
        long batch = Shapes.size(batchShape);
        for (long i = 0; i < batch; i++) {
            MatMul.run(q, t, ca.memory(), ca.view().offset() + i * m * k, cb.memory(), cb.view().offset() + i * k * n,
                    out.memory(), out.view().offset() + i * m * n, m, k, n);
        }
    }

    private static long[] drop(long[] s, int axis) {
        long[] r = new long[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) if (i != axis) r[j++] = s[i];
        return r;
    }
}
