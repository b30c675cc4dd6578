package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's sort order of complex numbers on the device: lexicographic (real part, then imaginary
 * part) with NaNs last as {@code R + Rj < R + nanj < nan + Rj < nan + nanj}, each NaN group
 * ordered by its non-NaN part. Sorted as a stable lexsort of three real keys (that NaN class,
 * the deciding part, the imaginary part), each through the real merge sort.
 */
final class ComplexOrder {

    private ComplexOrder() {
    }

    /** The stable argsort of complex {@code z} along {@code axis} (null: flattened). */
    static UsmNdArray argsort(UsmNdArray z, Integer axis) {
        UsmNdArray m = axis == null ? z.reshape(-1) : z;
        UsmNdArray re = Tensor.real(m).eval();
        UsmNdArray im = Tensor.imag(m).eval();
        UsmNdArray nanRe = Tensor.isnan(re).eval();
        UsmNdArray nanIm = Tensor.isnan(im).eval();
        UsmNdArray nanClass = Tensor.where(nanRe, Tensor.where(nanIm, 3, 2), Tensor.where(nanIm, 1, 0));
        UsmNdArray deciding = Tensor.where(nanRe, Tensor.where(nanIm, 0.0, im), re);
        UsmNdArray imaginary = Tensor.where(Tensor.logicalOr(nanRe, nanIm), 0.0, im);
        return Orderings.lexsort(new UsmNdArray[] {imaginary, deciding, nanClass}, axis == null ? -1 : axis);
    }

    /** Complex {@code z} sorted along {@code axis} (null: flattened). */
    static UsmNdArray sort(UsmNdArray z, Integer axis) {
        UsmNdArray m = axis == null ? z.reshape(-1) : z;
        return Sorting.takeAlongAxis(m, argsort(m, axis == null ? -1 : axis), axis == null ? -1 : axis);
    }

    /**
     * NumPy's sort_complex: {@code x} sorted along its last axis as complex numbers; real input
     * becomes complex64 for 8- and 16-bit integers, complex128 otherwise (complex64 on a device
     * without fp64), as NumPy converts it.
     */
    static UsmNdArray sortComplex(UsmNdArray x) {
        if (x.ndim() == 0) throw new IllegalArgumentException("sort_complex: a 0-d array has no axis to sort along; reshape it to 1-D");
        DType t = x.dtype();
        if (!t.isComplex()) {
            boolean small = t == DType.INT8 || t == DType.INT16 || t == DType.UINT8 || t == DType.UINT16;
            t = DTypes.forDevice(small ? DType.COMPLEX64 : DType.COMPLEX128, x.device(), false);
        }
        return sort(x.astype(t), -1);
    }
}
