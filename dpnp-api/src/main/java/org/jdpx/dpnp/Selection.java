package org.jdpx.dpnp;

import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.Compaction;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Selecting positions on the device by stream compaction: a running count of the selected
 * elements ({@code cumsum}), the total read to the host to size the result (as dpnp does), and a
 * kernel that writes each selected position to its slot. The GPU plan (and llvmpipe beyond its
 * loop limit) compacts with a block scan instead ({@link Compaction#suits}).
 */
final class Selection {

    private Selection() {
    }

    /** Positions (int64, C order) where the flattened {@code mask} is non-zero. */
    static UsmNdArray positions(UsmNdArray mask) {
        if (Compaction.suits(mask.device(), mask.size())) return Compaction.positions(mask);
        UsmNdArray flags = Tensor.notEqual(mask.reshape(-1), 0);
        long n = flags.size();
        if (n == 0) return Dense.allocate(mask, DType.INT64, 0);
        UsmNdArray csum = Dense.of(Tensor.cumsum(flags, null), DType.INT64);
        long count = csum.get(String.valueOf(n - 1)).itemLong();
        UsmNdArray out = Dense.allocate(mask, DType.INT64, count);
        if (count > 0) {
            int ni = Dense.count("nonzero", n);
            Kernels.launch(DeviceKernels::compact, Dense.range(n), Dense.longs(csum), Dense.longs(out), ni);
        }
        return out;
    }

    /** NumPy's nonzero: one int64 array of coordinates per axis. */
    static UsmNdArray[] nonzero(UsmNdArray x) {
        if (x.ndim() == 0) {
            throw new IllegalArgumentException("nonzero: calling nonzero on 0d arrays is not allowed; use atleast_1d(x) first");
        }
        UsmNdArray flat = positions(x);
        long[] shape = x.shape();
        UsmNdArray[] out = new UsmNdArray[shape.length];
        long stride = 1;
        for (int a = shape.length - 1; a >= 0; a--) {
            UsmNdArray q = stride == 1 ? flat : Tensor.floorDivide(flat, stride);
            out[a] = (a == 0 ? q : Tensor.remainder(q, shape[a])).copy().eval();
            stride *= shape[a];
        }
        return out;
    }

    /** NumPy's argwhere: the coordinates of non-zero elements as rows of an {@code (N, ndim)} int64 array. */
    static UsmNdArray argwhere(UsmNdArray x) {
        UsmNdArray[] c = nonzero(x.ndim() == 0 ? x.reshape(1) : x);
        long n = c[0].size();
        int d = x.ndim();
        UsmNdArray out = Dense.allocate(x, DType.INT64, n, d);
        for (int a = 0; a < d; a++) out.get(":, " + a).assign(c[a]);
        return out;
    }

    /** NumPy's extract: the elements of the flattened {@code x} where the flattened {@code condition} is true. */
    static UsmNdArray extract(UsmNdArray condition, UsmNdArray x) {
        UsmNdArray pos = positions(condition);
        UsmNdArray flat = Dense.of(x.reshape(-1));
        return Gather.rows(flat.reshape(1, flat.size()), pos, 1, flat.size(), pos.size(), false).reshape(pos.size());
    }
}
