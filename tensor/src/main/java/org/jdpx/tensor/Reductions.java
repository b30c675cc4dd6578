package org.jdpx.tensor;

import org.jdpx.tensor.fusion.ElementOp;
import org.jdpx.tensor.fusion.FusedKernels;
import org.jdpx.tensor.fusion.Node;
import org.jdpx.tensor.fusion.ReduceOp;

/**
 * Reductions over a set of axes with NumPy's keepdims, built on one reduction kernel that
 * computes the (possibly lazy) input graph in the same pass. A full reduction may leave its
 * result as partials that the next kernel folds in (see {@link Node.Combine}); mean, var and
 * std are compositions whose divisions stay lazy.
 */
final class Reductions {

    private Reductions() {
    }

    /** Which axes {@code axes} (null: all) marks in an array of {@code rank}. */
    static boolean[] mask(int rank, int[] axes) {
        boolean[] m = new boolean[rank];
        if (axes == null) {
            java.util.Arrays.fill(m, true);
            return m;
        }
        for (int a : axes) {
            int k = Shapes.axis(a, rank);
            if (m[k]) throw new IllegalArgumentException("duplicate value in 'axis': " + a);
            m[k] = true;
        }
        return m;
    }

    static long[] outShape(long[] shape, boolean[] reduced, boolean keepdims) {
        long[] out = new long[shape.length];
        int k = 0;
        for (int a = 0; a < shape.length; a++) {
            if (!reduced[a]) out[k++] = shape[a];
            else if (keepdims) out[k++] = 1;
        }
        return java.util.Arrays.copyOf(out, k);
    }

    static long count(long[] shape, boolean[] reduced) {
        long n = 1;
        for (int a = 0; a < shape.length; a++) if (reduced[a]) n *= shape[a];
        return n;
    }

    /**
     * {@code op} of {@code x} over {@code axes} (null: all).
     *
     * @throws IllegalArgumentException for min/max/argmin/argmax of an empty selection
     */
    static UsmNdArray reduce(ReduceOp op, UsmNdArray x, int[] axes, boolean keepdims) {
        if (x.dtype().isComplex()) return ComplexReductions.reduce(op, x, axes, keepdims);
        boolean[] red = mask(x.ndim(), axes);
        if (!op.hasIdentity() && count(x.shape(), red) == 0 && Shapes.size(x.shape()) == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + op.numpyName()
                    + " which has no identity");
        }
        long[] out = outShape(x.shape(), red, keepdims);
        FusedKernels.Reduced r;
        Node graph = x.node();
        if (x.isLazy() && FusedKernels.expensive(graph, x.device())) {
            // Softmax's exp(x - max) on the java device: computed once, summed and kept for the scale pass.
            Node.Leaf side = UsmNdArray.allocate(x.shape(), x.dtype(), x.queue(), x.usmType(), 'C').leaf();
            r = FusedKernels.reduce(op, graph, red, x.queue(), side);
            x.computedAs(side);
        } else {
            r = FusedKernels.reduce(op, graph, red, x.queue());
        }
        if (op.isArg()) {
            return UsmNdArray.over(r.positions(), View.contiguous(out), DType.INT64, x.queue());
        }
        if (r.parts() == 1) {
            return UsmNdArray.over(r.values(), View.contiguous(out), r.dtype(), x.queue());
        }
        return UsmNdArray.lazy(new Node.Combine(op, r.dtype(), r.values(), (int) r.parts(), out), x.queue(), x.usmType());
    }

    /** The arithmetic mean; integer input gives the default float. */
    static UsmNdArray mean(UsmNdArray x, int[] axes, boolean keepdims) {
        boolean[] red = mask(x.ndim(), axes);
        long n = count(x.shape(), red);
        UsmNdArray f = x.dtype().isInexact() ? x : x.astype(DTypes.defaultFloat(x.device()));
        UsmNdArray s = reduce(ReduceOp.SUM, f, axes, keepdims);
        return Elementwise.apply(ElementOp.DIVIDE, s, n == 0 ? Double.NaN : (double) n);
    }

    /** The variance with {@code ddof} delta degrees of freedom, as NumPy's {@code var}. */
    static UsmNdArray var(UsmNdArray x, int[] axes, boolean keepdims, int ddof) {
        boolean[] red = mask(x.ndim(), axes);
        long n = count(x.shape(), red);
        UsmNdArray f = x.dtype().isInexact() ? x : x.astype(DTypes.defaultFloat(x.device()));
        UsmNdArray m = mean(f, axes, true);
        UsmNdArray d = Elementwise.apply(ElementOp.SUBTRACT, f, m);
        // |d|^2: for complex values the squared parts, a real result as NumPy's var gives.
        UsmNdArray sq = !d.dtype().isComplex() ? Elementwise.apply(ElementOp.MULTIPLY, d, d)
                : Elementwise.apply(ElementOp.ADD, Elementwise.apply(ElementOp.SQUARE, Tensor.real(d)),
                Elementwise.apply(ElementOp.SQUARE, Tensor.imag(d)));
        UsmNdArray s = reduce(ReduceOp.SUM, sq, axes, keepdims);
        return Elementwise.apply(ElementOp.DIVIDE, s, (double) Math.max(0, n - ddof));
    }

    /** Cumulative {@code op} (sum or prod) along {@code axis}; null flattens first, as NumPy does. */
    static UsmNdArray cumulative(ReduceOp op, UsmNdArray x, Integer axis) {
        if (x.dtype().isComplex()) return ComplexReductions.cumulative(op, x, axis);
        UsmNdArray src = axis == null ? x.reshape(-1) : x;
        int a = axis == null ? 0 : Shapes.axis(axis, src.ndim());
        DType t = op.accumulatorType(src.dtype());
        UsmNdArray out = UsmNdArray.allocate(src.shape(), t, src.queue(), src.usmType(), 'C');
        FusedKernels.scan(op, src.node(), a, out.leaf(), src.queue());
        return out;
    }
}
