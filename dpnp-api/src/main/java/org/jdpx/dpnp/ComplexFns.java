package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/** NumPy's complex helpers as compositions of lazy elementwise operations on the argument's device. */
final class ComplexFns {

    private ComplexFns() {
    }

    /** arctan2(imag, real), in degrees when {@code deg}; real input is promoted to a float first, as NumPy does. */
    static UsmNdArray angle(UsmNdArray z, boolean deg) {
        UsmNdArray re = Tensor.real(z);
        UsmNdArray im = Tensor.imag(z);
        UsmNdArray a = Tensor.arctan2(im, re);
        return deg ? Tensor.rad2deg(a) : a;
    }

    static UsmNdArray iscomplex(UsmNdArray x) {
        return Tensor.notEqual(Tensor.imag(x), 0);
    }

    static UsmNdArray realIfClose(UsmNdArray a, double tol) {
        if (!a.dtype().isComplex()) return a;
        double eps = a.dtype() == DType.COMPLEX64 ? Math.ulp(1.0f) : Math.ulp(1.0);
        double limit = tol > 1 ? tol * eps : tol;
        boolean close = Tensor.all(Tensor.less(Tensor.abs(Tensor.imag(a)), limit), null, false).item() != 0;
        return close ? Tensor.real(a) : a;
    }
}
