package org.jdpx.dpnp;

import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Writes values to computed flat positions of an array on its device ({@link ScatterKernels}):
 * the last of several values aimed at one position wins, as NumPy's sequential put. 1- and
 * 2-byte dtypes travel as int32 and are converted back.
 */
final class Scatter {

    private Scatter() {
    }

    /**
     * {@code dst.flat[idx[j]] = values[j]} for all j, idx already in {@code [0, dst.size)};
     * values are cast to dst's dtype. dst may be any view: it is written through a dense copy
     * when it is not dense.
     */
    static void write(UsmNdArray dst, UsmNdArray idx, UsmNdArray values) {
        long m = idx.size();
        if (m == 0) return;
        DType t = dst.dtype();
        boolean narrow = t.itemSize() < 4;
        DType w = narrow ? DType.INT32 : t;
        UsmNdArray d = narrow ? dst.astype(DType.INT32).eval() : Dense.of(dst);
        UsmNdArray v = Dense.of(values.reshape(-1).astype(t), w);
        UsmNdArray i = Dense.of(idx.reshape(-1), DType.INT64);
        UsmNdArray winner = Tensor.full(new long[] {dst.size()}, -1, ArrayOptions.on(dst.queue()).dtype(DType.INT32));
        int mi = Dense.count("put", m);
        Dense.count("put", dst.size());
        Kernels.launch(ScatterKernels::elect, Dense.range(m), Dense.longs(i), Dense.ints(winner), mi);
        if (w.itemSize() == 8) {
            Kernels.launch(ScatterKernels::writeLong, Dense.range(m), Dense.longs(v), Dense.longs(i), Dense.ints(winner),
                    Dense.longs(d), mi);
        } else {
            Kernels.launch(ScatterKernels::writeInt, Dense.range(m), Dense.ints(v), Dense.longs(i), Dense.ints(winner),
                    Dense.ints(d), mi);
        }
        if (d != dst) dst.assign(narrow ? d.astype(t) : d);
    }

    /** {@code idx} made valid for an axis of {@code n} by NumPy's {@code mode}: raise (checked), wrap or clip. */
    static UsmNdArray indexMode(String fn, UsmNdArray idx, long n, String mode) {
        if (idx.dtype().isFloat() || idx.dtype() == DType.BOOL) {
            throw new IllegalArgumentException(fn + ": indices must be integers, got " + idx.dtype());
        }
        UsmNdArray i = idx.astype(DType.INT64);
        return switch (mode == null ? "raise" : mode) {
            case "raise" -> {
                if (idx.size() > 0) {
                    long lo = Tensor.min(i, null, false).itemLong();
                    long hi = Tensor.max(i, null, false).itemLong();
                    if (lo < -n || hi >= n) {
                        throw new IndexOutOfBoundsException(fn + ": index " + (hi >= n ? hi : lo)
                                + " is out of bounds for axis 0 with size " + n);
                    }
                }
                yield Tensor.where(Tensor.less(i, 0L), Tensor.add(i, n), i).eval();
            }
            case "wrap" -> n == 0 ? i : Tensor.remainder(i, n).eval();
            case "clip" -> Tensor.clip(i, 0L, Math.max(0, n - 1)).eval();
            default -> throw new IllegalArgumentException(fn + ": mode must be 'raise', 'wrap' or 'clip', got '" + mode + "'");
        };
    }
}
