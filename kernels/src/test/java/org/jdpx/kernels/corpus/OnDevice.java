package org.jdpx.kernels.corpus;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.kernels.ArrayView;
import org.jdpx.kernels.ByteArray;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.ShortArray;
import org.jdpx.kernels.WorkRange;
import org.jdpx.usm.UsmMemory;

/**
 * Runs a corpus case on a device the way a user would: each view of Java memory is copied into
 * USM device memory there, the kernel is launched with {@link Kernels}, and the results are
 * copied back into the Java arrays the case's check reads.
 */
final class OnDevice {

    private OnDevice() {
    }

    static void launch(Device device, Method kernel, int[] global, int[] local, Object[] args) {
        List<UsmMemory> memories = new ArrayList<>();
        List<MemorySegment> hosts = new ArrayList<>();
        Object[] deviceArgs = args.clone();
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof ArrayView v) {
                    MemorySegment host = v.segment();
                    UsmMemory m = UsmMemory.allocateDevice(device, host.byteSize());
                    m.copyFromHost(host);
                    memories.add(m);
                    hosts.add(host);
                    deviceArgs[i] = like(v, m);
                }
            }
            Kernels.launch(kernel, range(global, local), deviceArgs);
            for (int i = 0; i < memories.size(); i++) {
                memories.get(i).copyToHost(hosts.get(i));
            }
        } finally {
            memories.forEach(UsmMemory::close);
        }
    }

    private static WorkRange range(int[] global, int[] local) {
        long[] g = java.util.Arrays.stream(global).asLongStream().toArray();
        if (local != null) {
            return NdRange.of(g, java.util.Arrays.stream(local).asLongStream().toArray());
        }
        return switch (g.length) {
            case 1 -> Range.of(g[0]);
            case 2 -> Range.of(g[0], g[1]);
            default -> Range.of(g[0], g[1], g[2]);
        };
    }

    /** A view of {@code m} with the same offset, shape and strides as {@code v}. */
    private static ArrayView like(ArrayView v, UsmMemory m) {
        long[] shape = new long[v.rank()];
        long[] strides = new long[v.rank()];
        for (int d = 0; d < v.rank(); d++) {
            shape[d] = v.shape(d);
            strides[d] = v.stride(d);
        }
        MemorySegment seg = m.jvmSegment() != null ? m.jvmSegment() : MemorySegment.NULL;
        return switch (v) {
            case FloatArray f -> new FloatArray(seg, v.offset(), shape, strides, m);
            case DoubleArray f -> new DoubleArray(seg, v.offset(), shape, strides, m);
            case IntArray f -> new IntArray(seg, v.offset(), shape, strides, m);
            case LongArray f -> new LongArray(seg, v.offset(), shape, strides, m);
            case ShortArray f -> new ShortArray(seg, v.offset(), shape, strides, m);
            case ByteArray f -> new ByteArray(seg, v.offset(), shape, strides, m);
        };
    }
}
