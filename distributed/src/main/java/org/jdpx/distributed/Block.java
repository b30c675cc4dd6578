package org.jdpx.distributed;

import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * One block of a distributed array as it travels between JVMs: its index, dtype, shape and C-order
 * bytes. Device memory never travels; an executor turns a block into a jdpx array on its own
 * device ({@link #toArray}) and back ({@link #of}).
 *
 * @param index block number (the Spark partition that holds it)
 * @param dtype NumPy name of the element type
 * @param shape the block's shape
 * @param data  the elements in C order, native byte order
 */
public record Block(int index, String dtype, long[] shape, byte[] data) implements Serializable {

    /** The block holding {@code a}'s elements (read from its device; waits for pending work). */
    public static Block of(int index, UsmNdArray a) {
        byte[] bytes = a.size() == 0 ? new byte[0] : a.toHostSegment().toArray(ValueLayout.JAVA_BYTE);
        return new Block(index, a.dtype().numpyName(), a.shape(), bytes);
    }

    /** The element type. */
    public DType type() {
        return DType.of(dtype);
    }

    /** Number of elements. */
    public long size() {
        long n = 1;
        for (long s : shape) n *= s;
        return n;
    }

    /** A new array with this block's elements in device memory of {@code queue}. */
    public UsmNdArray toArray(Queue queue) {
        UsmNdArray a = UsmNdArray.allocate(shape, type(), queue, UsmType.DEVICE, 'C');
        if (data.length > 0) a.memory().copyFromHost(MemorySegment.ofArray(data));
        return a;
    }

    /** The same data as block {@code newIndex}. */
    public Block withIndex(int newIndex) {
        return new Block(newIndex, dtype, shape, data);
    }
}
