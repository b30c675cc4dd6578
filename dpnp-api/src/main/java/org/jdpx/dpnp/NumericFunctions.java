package org.jdpx.dpnp;

import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's einsum, convolutions, finite differences and array products, inherited by {@link Dpnp}
 * (call them as {@code Dpnp.einsum(...)}); a separate file only to keep {@code Dpnp} short. Each
 * runs on its arguments' device and returns its result there; shape and argument errors are
 * {@link IllegalArgumentException}s with NumPy's wording, arrays on different queues an
 * {@link org.jdpx.device.ExecutionPlacementError}.
 */
public abstract non-sealed class NumericFunctions extends NumpyDefaults {

    NumericFunctions() {
    }

    /**
     * NumPy's {@code einsum(subscripts, *operands)}: explicit ({@code "ij,jk->ik"}) or implicit output,
     * {@code ...} broadcasting, repeated labels for diagonals and traces. Pairs contract on the GEMM in
     * {@link #einsumPath}'s greedy order.
     */
    public static UsmNdArray einsum(String subscripts, UsmNdArray... operands) { return Einsum.einsum(subscripts, operands); }

    /** NumPy's {@code einsum_path(subscripts, *operands, optimize='greedy')}: the contraction order and its report (host-side planning). */
    public static EinsumPathInfo einsumPath(String subscripts, UsmNdArray... operands) {
        long[][] shapes = new long[operands.length][];
        for (int i = 0; i < operands.length; i++) shapes[i] = operands[i].shape();
        EinsumSpec spec = EinsumSpec.parse(subscripts, shapes);
        java.util.List<int[]> path = EinsumPath.path(spec);
        return new EinsumPathInfo(path, EinsumPath.report(spec, path));
    }

    /** NumPy's {@code convolve(a, v, mode)} of 1-D arrays; mode "full", "same" or "valid". On the GEMM. */
    public static UsmNdArray convolve(UsmNdArray a, UsmNdArray v, String mode) { return Convolution.convolve(a, v, mode); }
    /** NumPy's {@code convolve(a, v)}: mode "full". */
    public static UsmNdArray convolve(UsmNdArray a, UsmNdArray v) { return Convolution.convolve(a, v, "full"); }
    /** NumPy's {@code correlate(a, v, mode)} of 1-D real arrays; mode "valid", "same" or "full". On the GEMM. */
    public static UsmNdArray correlate(UsmNdArray a, UsmNdArray v, String mode) { return Convolution.correlate(a, v, mode); }
    /** NumPy's {@code correlate(a, v)}: mode "valid". */
    public static UsmNdArray correlate(UsmNdArray a, UsmNdArray v) { return Convolution.correlate(a, v, "valid"); }

    /**
     * NumPy's {@code gradient(f, *varargs, axis, edge_order)}: one array per axis (NumPy returns the array
     * itself for one axis). {@code spacing}: none (unit), one for all axes, or one per axis, each a Number or
     * a 1-D coordinate array; {@code axes} null for all; edge_order 1 or 2.
     */
    public static UsmNdArray[] gradient(UsmNdArray f, Object[] spacing, int[] axes, int edgeOrder) {
        return Calculus.gradient(f, spacing, axes, edgeOrder);
    }
    /** NumPy's {@code gradient(f)}: unit spacing, every axis, edge_order=1. */
    public static UsmNdArray[] gradient(UsmNdArray f) { return Calculus.gradient(f, null, null, 1); }

    /** NumPy's {@code trapezoid(y, x, dx, axis)}; {@code x} null for the uniform step {@code dx}. */
    public static UsmNdArray trapezoid(UsmNdArray y, UsmNdArray x, double dx, int axis) { return Calculus.trapezoid(y, x, dx, axis); }
    /** NumPy's {@code trapezoid(y)}: dx=1, the last axis. */
    public static UsmNdArray trapezoid(UsmNdArray y) { return Calculus.trapezoid(y, null, 1.0, -1); }

    /** NumPy's {@code unwrap(p, discont, axis, period)}; {@code discont} null for period/2. */
    public static UsmNdArray unwrap(UsmNdArray p, Double discont, int axis, double period) { return Calculus.unwrap(p, discont, axis, period); }
    /** NumPy's {@code unwrap(p)}: period 2*pi along the last axis. */
    public static UsmNdArray unwrap(UsmNdArray p) { return Calculus.unwrap(p, null, -1, 2 * Math.PI); }

    /** NumPy's {@code cross(a, b, axis=axis)} of 2- or 3-vectors (a 2-vector's z is 0; two 2-vectors give the z component). */
    public static UsmNdArray cross(UsmNdArray a, UsmNdArray b, int axis) { return ArrayProducts.cross(a, b, axis); }
    /** NumPy's {@code cross(a, b)}: vectors along the last axis. */
    public static UsmNdArray cross(UsmNdArray a, UsmNdArray b) { return ArrayProducts.cross(a, b, -1); }
    /** NumPy's {@code kron(a, b)}: the Kronecker product, one fused broadcast multiply. */
    public static UsmNdArray kron(UsmNdArray a, UsmNdArray b) { return ArrayProducts.kron(a, b); }
    /** NumPy's {@code vander(x, N, increasing)}; {@code n} null for len(x). */
    public static UsmNdArray vander(UsmNdArray x, Long n, boolean increasing) { return ArrayProducts.vander(x, n, increasing); }
    /** NumPy's {@code vander(x)}: square, decreasing powers. */
    public static UsmNdArray vander(UsmNdArray x) { return ArrayProducts.vander(x, null, false); }
    /** NumPy's {@code matvec(x1, x2)}: matrix-vector products over broadcast stacks, on the GEMM. */
    public static UsmNdArray matvec(UsmNdArray x1, UsmNdArray x2) { return ArrayProducts.matvec(x1, x2); }
    /** NumPy's {@code vecmat(x1, x2)}: vector-matrix products over broadcast stacks, on the GEMM. */
    public static UsmNdArray vecmat(UsmNdArray x1, UsmNdArray x2) { return ArrayProducts.vecmat(x1, x2); }
    /** NumPy's {@code vecdot(x1, x2, axis=axis)}: dot products along {@code axis}, broadcast. */
    public static UsmNdArray vecdot(UsmNdArray x1, UsmNdArray x2, int axis) { return ArrayProducts.vecdot(x1, x2, axis); }
    /** NumPy's {@code vecdot(x1, x2)}: along the last axis. */
    public static UsmNdArray vecdot(UsmNdArray x1, UsmNdArray x2) { return ArrayProducts.vecdot(x1, x2, -1); }
    /** NumPy's {@code matrix_transpose(x)}: the last two axes swapped (a view). */
    public static UsmNdArray matrixTranspose(UsmNdArray x) { return ArrayProducts.matrixTranspose(x); }
}
