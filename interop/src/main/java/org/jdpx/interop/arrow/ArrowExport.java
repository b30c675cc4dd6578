package org.jdpx.interop.arrow;

import java.lang.System.Logger.Level;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jdpx.device.UsmType;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;
import org.jdpx.usm.UsmMemory;

/**
 * jdpx arrays as Arrow vectors. A 1-D (or 0-d, as one element) array becomes a primitive vector;
 * an n-d array a {@link FixedShapeTensorVector} with one tensor per index of its first axis, the
 * other axes forming each tensor (with a {@code permutation} when they are not in C order).
 * <em>Zero-copy</em> when the array's memory is host-accessible (the java device, {@code host}
 * or {@code shared} USM) and dense with the first axis outermost: the Arrow buffer is the
 * array's memory, and keeps the array alive until Arrow releases it. Otherwise (device memory,
 * F order, strided views, bool, which Arrow packs into bits, and empty arrays) the values are
 * copied to the host first; the result says which happened. On OpenCL devices without
 * fine-grained SVM, {@code host}/{@code shared} memory is a mapping that stays valid until the
 * next jdpx command on that memory.
 */
public final class ArrowExport {

    private static final System.Logger LOG = System.getLogger("org.jdpx.interop");

    private ArrowExport() {
    }

    /**
     * An exported vector and whether it shares the array's memory. Closing it releases this
     * side's reference; the memory stays alive while any other Arrow reference exists.
     */
    public record Exported(FieldVector vector, boolean zeroCopy) implements AutoCloseable {
        @Override
        public void close() {
            vector.close();
        }
    }

    /** Where a view's elements can be shared from: each tensor's physical shape and permutation. */
    private record Layout(long[] physical, int[] permutation) {
    }

    /**
     * The array as an Arrow vector named {@code name} with buffers accounted to {@code allocator}.
     * Computes the array and waits for its queue first.
     */
    public static Exported toVector(UsmNdArray array, String name, BufferAllocator allocator) {
        array.sync();
        DType t = array.dtype();
        View v = array.view();
        MemorySegment host = hostMemory(array.memory());
        Layout layout = layout(v);
        boolean share = t != DType.BOOL && layout != null && host != null && array.size() > 0;
        long address;
        Object owner;
        if (share) {
            address = host.address() + v.offset() * t.itemSize();
            owner = array;
        } else {
            MemorySegment copy = array.toHostSegment();
            address = copy.address();
            owner = copy;
            layout = new Layout(v.rank() < 2 ? new long[0] : Arrays.copyOfRange(v.shape(), 1, v.rank()), null);
        }
        FieldVector out;
        if (v.rank() < 2) {
            out = ArrowTypes.vector(name, t, allocator);
            load(out, t, array.size(), address, owner, allocator);
        } else {
            FixedShapeTensorType type = new FixedShapeTensorType(layout.physical(), layout.permutation());
            FixedSizeListVector list = new FixedSizeListVector(name, allocator,
                    FieldType.notNullable(type.storageType()), null);
            list.addOrGetVector(FieldType.notNullable(ArrowTypes.of(t)));
            load(list.getDataVector(), t, array.size(), address, owner, allocator);
            list.loadFieldBuffers(new ArrowFieldNode(Math.toIntExact(v.shape()[0]), 0), List.of(allocator.getEmpty()));
            out = new FixedShapeTensorVector(new Field(name, FieldType.notNullable(type), list.getField().getChildren()),
                    allocator, list);
        }
        boolean shared = share;
        LOG.log(Level.DEBUG, () -> "exported " + t + Shapes.describe(v.shape()) + " on " + array.device().filterString()
                + " to Arrow " + (shared ? "without copying" : "as a host copy"));
        return new Exported(out, share);
    }

    /**
     * Exports the array through the Arrow C Data Interface into {@code out} and {@code schema},
     * for any Arrow implementation in this process to import (it calls their release callbacks).
     *
     * @return whether the exported buffers are the array's memory (see {@link #toVector})
     */
    public static boolean toC(UsmNdArray array, BufferAllocator allocator, ArrowArray out, ArrowSchema schema) {
        try (Exported e = toVector(array, "jdpx", allocator)) {
            Data.exportVector(allocator, e.vector(), null, out, schema);
            return e.zeroCopy();
        }
    }

    /** Host memory of an allocation, or {@code null} for device memory. */
    private static MemorySegment hostMemory(UsmMemory m) {
        MemorySegment jvm = m.jvmSegment();
        if (jvm != null) {
            return jvm;
        }
        return m.kind() == UsmType.DEVICE ? null : m.hostSegment();
    }

    /** The shareable layout of a view (dense, first axis outermost), or {@code null}. */
    private static Layout layout(View v) {
        long[] sh = v.shape();
        long[] st = v.strides();
        if (v.rank() < 2) {
            return v.rank() == 0 || sh[0] <= 1 || st[0] == 1 ? new Layout(new long[0], null) : null;
        }
        int[] axes = IntStream.range(1, v.rank()).boxed()
                .sorted(Comparator.comparingLong((Integer a) -> -st[a]).thenComparingInt(a -> a))
                .mapToInt(Integer::intValue).toArray();
        long expect = 1;
        for (int j = axes.length - 1; j >= 0; j--) {
            if (sh[axes[j]] > 1 && st[axes[j]] != expect) {
                return null;
            }
            expect *= sh[axes[j]];
        }
        if (sh[0] > 1 && st[0] != expect) {
            return null;
        }
        long[] physical = new long[axes.length];
        int[] perm = new int[axes.length];
        boolean identity = true;
        for (int j = 0; j < axes.length; j++) {
            physical[j] = sh[axes[j]];
            perm[axes[j] - 1] = j;
            identity &= axes[j] == j + 1;
        }
        return new Layout(physical, identity ? null : perm);
    }

    /** Fills an empty leaf vector with {@code n} values at {@code address}: shared, or bit-packed for bool. */
    @SuppressWarnings("restricted") // the address is the array's memory or a host copy, alive while owner is
    private static void load(FieldVector vec, DType t, long n, long address, Object owner, BufferAllocator allocator) {
        int count = Math.toIntExact(n);
        if (t == DType.BOOL) {
            BitVector b = (BitVector) vec;
            b.allocateNew(count);
            MemorySegment bytes = MemorySegment.ofAddress(address).reinterpret(n);
            for (int i = 0; i < count; i++) {
                b.set(i, bytes.get(ValueLayout.JAVA_BYTE, i) != 0 ? 1 : 0);
            }
            b.setValueCount(count);
            return;
        }
        if (count == 0) {
            vec.allocateNew();
            vec.setValueCount(0);
            return;
        }
        ArrowBuf data = allocator.wrapForeignAllocation(new LentMemory(address, n * t.itemSize(), owner));
        vec.loadFieldBuffers(new ArrowFieldNode(count, 0), List.of(allocator.getEmpty(), data));
        data.getReferenceManager().release();
    }
}
