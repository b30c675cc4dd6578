package org.jdpx.dpnp;

import java.util.Arrays;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/** Comparisons of whole arrays, as fused elementwise tests and an all-reduction on the device. */
final class Logic {

    private Logic() {
    }

    static UsmNdArray isclose(UsmNdArray a, Object b, double rtol, double atol, boolean equalNan) {
        UsmNdArray diff = Tensor.abs(Tensor.subtract(a, b));
        UsmNdArray tol = Tensor.add(Tensor.multiply(Tensor.abs(b instanceof UsmNdArray u ? u : Tensor.fullLike(a, b)), rtol), atol);
        UsmNdArray close = Tensor.logicalOr(Tensor.equal(a, b), Tensor.lessEqual(diff, tol));
        close = Tensor.logicalAnd(close, Tensor.logicalOr(Tensor.isfinite(diff), Tensor.equal(a, b)));
        if (equalNan && a.dtype().isFloat()) {
            UsmNdArray bothNan = Tensor.logicalAnd(Tensor.isnan(a), Tensor.isnan(b instanceof UsmNdArray u ? u : Tensor.fullLike(a, b)));
            close = Tensor.logicalOr(close, bothNan);
        }
        return close.eval();
    }

    static UsmNdArray allclose(UsmNdArray a, Object b, double rtol, double atol, boolean equalNan) {
        return Tensor.all(isclose(a, b, rtol, atol, equalNan), null, false);
    }

    /** NumPy's array_equal: same shape and elements (a shape mismatch is false, decided on the host). */
    static UsmNdArray arrayEqual(UsmNdArray a, UsmNdArray b, boolean equalNan) {
        if (!Arrays.equals(a.shape(), b.shape())) return Tensor.full(new long[0], false, ArrayOptions.on(a.queue()));
        UsmNdArray eq = Tensor.equal(a, b);
        if (equalNan && a.dtype().isFloat()) eq = Tensor.logicalOr(eq, Tensor.logicalAnd(Tensor.isnan(a), Tensor.isnan(b)));
        return Tensor.all(eq, null, false);
    }

    /** NumPy's array_equiv: equal after broadcasting. */
    static UsmNdArray arrayEquiv(UsmNdArray a, UsmNdArray b) {
        try {
            Shapes.broadcast(a.shape(), b.shape());
        } catch (IllegalArgumentException e) {
            return Tensor.full(new long[0], false, ArrayOptions.on(a.queue()));
        }
        return Tensor.all(Tensor.equal(a, b), null, false);
    }

    static UsmNdArray countNonzero(UsmNdArray x, int[] axes, boolean keepdims) {
        return Tensor.sum(Tensor.notEqual(x, x.dtype() == DType.BOOL ? (Object) false : (Object) 0), axes, keepdims);
    }
}
