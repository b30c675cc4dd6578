package org.jdpx.dpnp;

import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;
import org.jdpx.tensor.fusion.ElementOp;

/**
 * Row-wise gathers on the device: {@code out[r, j] = src[r, idx[...]]}, moving raw 8- or 4-byte
 * elements (1- and 2-byte dtypes travel as int32 and are converted back in the same fused pass,
 * float16 as its bits, complex64 as one 8-byte element, complex128 part by part).
 */
final class Gather {

    private Gather() {
    }

    /**
     * Gathers from the rows of {@code src} (dense, shape {@code (rows, n)}) with int64 positions
     * {@code idx}: one shared list of {@code m} positions, or one per row when {@code perRow}.
     * Returns a dense {@code (rows, m)} array of src's dtype.
     */
    static UsmNdArray rows(UsmNdArray src, UsmNdArray idx, long rows, long n, long m, boolean perRow) {
        DType t = src.dtype();
        if (t == DType.FLOAT16) {
            // Move the half bits as int16 (a value conversion through int32 would truncate them).
            return reinterpret(rows(reinterpret(Dense.of(src), DType.INT16), idx, rows, n, m, perRow), DType.FLOAT16);
        }
        if (t == DType.COMPLEX128) {
            // 16-byte elements: gather each part (8 bytes) and join them.
            return Tensor.apply(ElementOp.COMPLEX, rows(src.real(), idx, rows, n, m, perRow),
                    rows(src.imag(), idx, rows, n, m, perRow)).eval();
        }
        if (t.itemSize() < 4) {
            return rows(src.astype(DType.INT32).eval(), idx, rows, n, m, perRow).astype(t).eval();
        }
        UsmNdArray s = Dense.of(src);
        UsmNdArray i = Dense.of(idx, DType.INT64);
        long total = rows * m;
        UsmNdArray out = Dense.allocate(s, t, rows, m);
        if (total == 0) return out;
        int ni = Dense.count("gather", n);
        int mi = Dense.count("gather", m);
        int tot = Dense.count("gather", total);
        if (t.itemSize() == 8) {
            Kernels.launch(DeviceKernels::gatherLong, Dense.range(total), Dense.longs(s), Dense.longs(i),
                    Dense.longs(out), ni, mi, perRow ? mi : 0, tot);
        } else {
            Kernels.launch(DeviceKernels::gatherInt, Dense.range(total), Dense.ints(s), Dense.longs(i),
                    Dense.ints(out), ni, mi, perRow ? mi : 0, tot);
        }
        return out;
    }

    /** The memory of a dense array read as another dtype of the same size (no copy). */
    static UsmNdArray reinterpret(UsmNdArray dense, DType t) {
        return UsmNdArray.wrap(dense.memory(), View.contiguous(dense.shape()), t, dense.queue());
    }
}
