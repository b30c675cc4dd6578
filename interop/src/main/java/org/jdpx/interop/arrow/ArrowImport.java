package org.jdpx.interop.arrow;

import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ExtensionTypeVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.jdpx.device.Queue;
import org.jdpx.interop.Borrowed;
import org.jdpx.interop.HostMemory;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.View;

/**
 * Arrow vectors as jdpx arrays: primitive vectors (Bool, Int 8-64 signed or not, Float32/64) as
 * 1-D arrays, {@code arrow.fixed_shape_tensor} vectors as n-d arrays of shape
 * {@code (length, *logical tensor shape)}. The array shares the Arrow data buffer where the queue's
 * device can address host memory in place (it holds a reference to the buffer until the returned
 * {@link Borrowed} is closed or unreachable) and is a copy otherwise; Bool (bit-packed in Arrow) is
 * always copied. jdpx arrays have no nulls: a vector with nulls is refused, unless
 * {@code nullsAsNaN} asks to copy a float vector with NaN in their place.
 */
public final class ArrowImport {

    private static final System.Logger LOG = System.getLogger("org.jdpx.interop");

    private ArrowImport() {
    }

    /**
     * Imports what an Arrow implementation exported through the C Data Interface (Arrow Java's
     * own importer reads the structs; this then borrows its buffers).
     *
     * @throws IllegalArgumentException as {@link #fromVector}
     */
    public static Borrowed fromC(ArrowArray array, ArrowSchema schema, BufferAllocator allocator, Queue queue,
                                 boolean nullsAsNaN) {
        FixedShapeTensorType.register();
        try (FieldVector v = Data.importVector(allocator, array, schema, null)) {
            return fromVector(v, queue, nullsAsNaN);
        }
    }

    /**
     * The vector's values as an array on {@code queue}.
     *
     * @throws IllegalArgumentException for nulls (unless {@code nullsAsNaN} and a float type) and
     *         for types without a jdpx dtype, naming them
     */
    public static Borrowed fromVector(FieldVector vector, Queue queue, boolean nullsAsNaN) {
        FixedShapeTensorType tensor = tensorType(vector);
        FieldVector leaf = vector;
        FixedSizeListVector rows = null;
        long[] shape;
        long[] strides;
        int length = vector.getValueCount();
        if (tensor != null) {
            rows = (FixedSizeListVector) (vector instanceof ExtensionTypeVector<?> e ? e.getUnderlyingVector() : vector);
            leaf = rows.getDataVector();
            long[] logical = tensor.logicalShape();
            long[] physicalStrides = Shapes.cStrides(tensor.shape());
            int[] perm = tensor.permutation();
            shape = new long[logical.length + 1];
            strides = new long[logical.length + 1];
            shape[0] = length;
            strides[0] = tensor.listSize();
            for (int i = 0; i < logical.length; i++) {
                shape[i + 1] = logical[i];
                strides[i + 1] = physicalStrides[perm == null ? i : perm[i]];
            }
        } else {
            shape = new long[] {length};
            strides = new long[] {1};
        }
        DType t = ArrowTypes.dtype(leaf.getField().getType());
        long n = Shapes.size(shape);
        View view = new View(shape, strides, 0);
        int nulls = leaf.getNullCount() + (rows == null ? 0 : rows.getNullCount());
        if (nulls > 0 && !(nullsAsNaN && t.isFloat())) {
            throw new IllegalArgumentException("the Arrow vector '" + vector.getName() + "' has " + nulls
                    + " null values, and jdpx arrays have none; fill them first"
                    + (t.isFloat() ? ", or import with nullsAsNaN=true to read them as NaN" : " (NaN exists only for floats)"));
        }
        if (nulls > 0 || t == DType.BOOL || n == 0) {
            MemorySegment copy = copy(leaf, rows, t, n, tensor == null ? 1 : tensor.listSize());
            LOG.log(Level.DEBUG, () -> "copied Arrow " + t + Shapes.describe(shape) + " (bool, nulls or empty)");
            return Borrowed.copied(HostMemory.wrap(copy, t, view, queue, false, copy).array());
        }
        ArrowBuf data = leaf.getDataBuffer();
        data.getReferenceManager().retain();
        Borrowed b = Borrowed.of(data.memoryAddress(), n * t.itemSize(), t, view, queue, false,
                () -> data.getReferenceManager().release());
        LOG.log(Level.DEBUG, () -> "imported Arrow " + t + Shapes.describe(shape) + " to " + queue.device().filterString()
                + (b.zeroCopy() ? " without copying" : " as a copy"));
        return b;
    }

    /** The tensor type of a fixed_shape_tensor vector (registered or seen as plain storage), else {@code null}. */
    private static FixedShapeTensorType tensorType(FieldVector v) {
        if (v.getField().getType() instanceof FixedShapeTensorType t) {
            return t;
        }
        var meta = v.getField().getMetadata();
        if (v instanceof FixedSizeListVector && meta != null
                && FixedShapeTensorType.NAME.equals(meta.get(ArrowType.ExtensionType.EXTENSION_METADATA_KEY_NAME))) {
            return (FixedShapeTensorType) new FixedShapeTensorType(new long[0], null).deserialize(
                    v.getField().getType(), meta.get(ArrowType.ExtensionType.EXTENSION_METADATA_KEY_METADATA));
        }
        return null;
    }

    /** The values in a new host segment: bits unpacked for bool, NaN where a float value or its row is null. */
    @SuppressWarnings("restricted") // Arrow's data buffer holds n values at its address
    private static MemorySegment copy(FieldVector leaf, FixedSizeListVector rows, DType t, long n, int listSize) {
        MemorySegment out = Arena.ofAuto().allocate(Math.max(1, n) * t.itemSize(), 64);
        if (n == 0) {
            return out;
        }
        if (t == DType.BOOL) {
            BitVector b = (BitVector) leaf;
            for (int i = 0; i < n; i++) {
                out.set(ValueLayout.JAVA_BYTE, i, (byte) (b.isNull(i) ? 0 : b.get(i)));
            }
            return out;
        }
        MemorySegment.copy(MemorySegment.ofAddress(leaf.getDataBuffer().memoryAddress()).reinterpret(n * t.itemSize()), 0,
                out, 0, n * t.itemSize());
        for (int i = 0; i < n; i++) {
            if (leaf.isNull(i) || (rows != null && rows.isNull(i / listSize))) {
                if (t == DType.FLOAT32) {
                    out.setAtIndex(ValueLayout.JAVA_FLOAT, i, Float.NaN);
                } else {
                    out.setAtIndex(ValueLayout.JAVA_DOUBLE, i, Double.NaN);
                }
            }
        }
        return out;
    }
}
