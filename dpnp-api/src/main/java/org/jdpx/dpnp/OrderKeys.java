package org.jdpx.dpnp;

import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Maps any dtype to int64 keys whose signed order is NumPy's sort order: integers widen, uint64
 * flips its top bit, floats map their bit patterns so that {@code -inf < ... < -0.0 = 0.0 < ... < inf < nan}
 * (zeros and NaNs are made canonical first, so equal values get equal keys).
 */
final class OrderKeys {

    private OrderKeys() {
    }

    /**
     * Dense int64 keys of {@code x} in C order, with x's shape.
     *
     * @throws UnsupportedOperationException for complex arrays (NumPy's lexicographic order is not implemented)
     */
    static UsmNdArray of(UsmNdArray x) {
        DType t = x.dtype();
        if (t.isComplex()) {
            throw new UnsupportedOperationException("sorting and searching " + t + " arrays (NumPy's lexicographic order of"
                    + " complex numbers) is not implemented in jdpx; sort by real(x), imag(x) or abs(x) instead");
        }
        // float16 widens to float32 exactly and in order; its keys are float32's.
        if (t == DType.FLOAT16) return of(x.astype(DType.FLOAT32));
        if (t.isFloat()) {
            UsmNdArray canonical = Dense.of(Tensor.add(Tensor.where(Tensor.isnan(x), Double.NaN, x), 0.0));
            UsmNdArray keys = Dense.allocate(canonical, DType.INT64, x.shape());
            int n = Dense.count("sort", x.size());
            if (n == 0) return keys;
            if (t == DType.FLOAT64) {
                Kernels.launch(DeviceKernels::doubleKeys, Dense.range(n), Dense.longs(canonical), Dense.longs(keys), n);
            } else {
                Kernels.launch(DeviceKernels::floatKeys, Dense.range(n), Dense.ints(canonical), Dense.longs(keys), n);
            }
            return keys;
        }
        if (t == DType.UINT64) {
            return Dense.of(Tensor.bitwiseXor(Gather.reinterpret(Dense.of(x), DType.INT64), Long.MIN_VALUE));
        }
        return Dense.of(x, DType.INT64);
    }
}
