package org.jdpx.dpnp;

import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * A stable sort of every row of int64 keys on the device: bottom-up merge sort, one kernel
 * launch per doubling of the run width ({@code ceil(log2 n)} launches), each element placing
 * itself by binary search in the neighbouring run.
 */
final class MergeSort {

    private MergeSort() {
    }

    /**
     * The positions that sort each row of {@code keys} (dense int64 of shape {@code (rows, n)}), as
     * a dense int64 {@code (rows, n)} array; equal keys keep their order.
     */
    static UsmNdArray argsortRows(UsmNdArray keys, long rows, long n) {
        long total = rows * n;
        int tot = Dense.count("argsort", total);
        int ni = Dense.count("argsort", n);
        UsmNdArray k = Dense.of(keys, DType.INT64);
        UsmNdArray i = positions(k, total, n);
        if (total == 0 || n < 2) return i;
        // Two pairs of scratch buffers take turns; the caller's keys are only read.
        UsmNdArray[] kb = {Dense.allocate(k, DType.INT64, rows, n), Dense.allocate(k, DType.INT64, rows, n)};
        UsmNdArray[] ib = {Dense.allocate(k, DType.INT64, rows, n), Dense.allocate(k, DType.INT64, rows, n)};
        int w = 0;
        for (long width = 1; width < n; width *= 2) {
            Kernels.launch(DeviceKernels::mergePass, Dense.range(total), Dense.longs(k), Dense.longs(i),
                    Dense.longs(kb[w]), Dense.longs(ib[w]), ni, (int) width, tot);
            k = kb[w];
            i = ib[w];
            w ^= 1;
        }
        return i;
    }

    /** {@code 0..n-1} in every row, as a dense int64 {@code (rows, n)} array. */
    private static UsmNdArray positions(UsmNdArray like, long total, long n) {
        UsmNdArray iota = Creation.iota(like, total);
        return Dense.of(n == 0 ? iota : Tensor.remainder(iota, n)).reshape(total / Math.max(1, n), n);
    }
}
