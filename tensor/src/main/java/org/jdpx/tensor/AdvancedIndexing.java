package org.jdpx.tensor;

import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.tensor.fusion.ElementOp;
import org.jdpx.tensor.fusion.Gather;
import org.jdpx.tensor.fusion.ReduceOp;

/**
 * Integer-array and boolean-mask indexing, which copy (NumPy's advanced indexing). The data
 * never goes to the host: the index range check reads two numbers (min and max) and the mask
 * count one, as dpctl does to size its outputs. A mask on the GPU plan compacts with a block scan
 * ({@link Compaction#suits}); the other plans with a running count and one work-item per element.
 */
final class AdvancedIndexing {

    private AdvancedIndexing() {
    }

    static UsmNdArray take(UsmNdArray x, UsmNdArray indices, int axis) {
        if (x.dtype().isComplex()) {
            // The gather kernels move real elements: take each part, then join them lazily.
            return Elementwise.apply(ElementOp.COMPLEX, take(x.real(), indices, axis), take(x.imag(), indices, axis));
        }
        if (indices.queue() != x.queue()) {
            throw ExecutionPlacementError.of("index", "the array", x.queue(), "the indices", indices.queue());
        }
        if (!indices.dtype().isInteger()) {
            throw new IllegalArgumentException("arrays used as indices must be of integer (or boolean) type, not "
                    + indices.dtype());
        }
        int a = Shapes.axis(axis, x.ndim());
        long n = x.shape()[a];
        if (indices.size() > 0) {
            long lo = Tensor.min(indices, null, false).itemLong();
            long hi = Tensor.max(indices, null, false).itemLong();
            if (lo < -n || hi >= n) {
                throw new IndexOutOfBoundsException("index " + (hi >= n ? hi : lo) + " is out of bounds for axis " + a
                        + " with size " + n);
            }
        }
        UsmNdArray src = x.contiguousAs(x.dtype());
        UsmNdArray idx = indices.reshape(-1).contiguousAs(DType.INT64);
        long[] shape = x.shape();
        long pre = 1;
        long post = 1;
        for (int i = 0; i < a; i++) pre *= shape[i];
        for (int i = a + 1; i < shape.length; i++) post *= shape[i];
        long[] outShape = new long[shape.length - 1 + indices.ndim()];
        int k = 0;
        for (int i = 0; i < a; i++) outShape[k++] = shape[i];
        for (long e : indices.shape()) outShape[k++] = e;
        for (int i = a + 1; i < shape.length; i++) outShape[k++] = shape[i];
        UsmNdArray out = UsmNdArray.allocate(outShape, x.dtype(), x.queue(), x.usmType(), 'C');
        Gather.take(x.queue(), x.dtype(), src.memory(), src.view().offset(), idx.memory(), idx.view().offset(),
                out.memory(), pre, n, post, indices.size());
        return out;
    }

    static UsmNdArray mask(UsmNdArray x, UsmNdArray mask) {
        if (x.dtype().isComplex()) {
            return Elementwise.apply(ElementOp.COMPLEX, mask(x.real(), mask), mask(x.imag(), mask));
        }
        if (mask.queue() != x.queue()) {
            throw ExecutionPlacementError.of("index", "the array", x.queue(), "the mask", mask.queue());
        }
        if (!java.util.Arrays.equals(mask.shape(), x.shape())) {
            throw new IllegalArgumentException("boolean index of shape " + Shapes.describe(mask.shape())
                    + " does not match the array's shape " + Shapes.describe(x.shape()));
        }
        UsmNdArray src = x.contiguousAs(x.dtype());
        if (Compaction.suits(x.device(), x.size())) {
            // Block-scan compaction of the mask, then a gather of the selected elements.
            UsmNdArray pos = Compaction.positions(mask);
            UsmNdArray out = UsmNdArray.allocate(new long[] {pos.size()}, x.dtype(), x.queue(), x.usmType(), 'C');
            Gather.take(x.queue(), x.dtype(), src.memory(), src.view().offset(), pos.memory(), 0, out.memory(), 1,
                    x.size(), 1, pos.size());
            return out;
        }
        UsmNdArray m = mask.contiguousAs(DType.BOOL);
        UsmNdArray rank = Reductions.cumulative(ReduceOp.SUM, m, null);
        long count = x.size() == 0 ? 0 : rank.get(x.size() - 1).itemLong();
        UsmNdArray out = UsmNdArray.allocate(new long[] {count}, x.dtype(), x.queue(), x.usmType(), 'C');
        Gather.compress(x.queue(), x.dtype(), src.memory(), src.view().offset(), m.memory(), m.view().offset(),
                rank.memory(), out.memory(), x.size());
        return out;
    }

}
