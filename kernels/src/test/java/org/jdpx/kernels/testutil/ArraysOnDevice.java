package org.jdpx.kernels.testutil;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.kernels.ByteArray;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.KernelBoundsException;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.ShortArray;
import org.jdpx.kernels.WorkRange;
import org.jdpx.usm.UsmMemory;

/**
 * Launches a compiled kernel on a device with Java arrays as its view arguments: each array is
 * copied into USM device memory there, passed as a 1-D view starting {@code offset} elements into
 * that memory (so views with an element offset are exercised), and copied back after the kernel.
 * Other arguments pass through unchanged.
 */
public final class ArraysOnDevice {
    private ArraysOnDevice() {
    }

    /** Runs {@code k} over {@code range}, with views starting at their allocation. */
    public static void launch(Device device, CompiledKernel k, WorkRange range, Object... args) {
        launchAtOffset(device, k, range, 0, args);
    }

    /** Runs {@code k} over {@code range}, each view starting {@code offset} elements into its USM allocation. */
    public static void launchAtOffset(Device device, CompiledKernel k, WorkRange range, int offset, Object... args) {
        List<UsmMemory> memories = new ArrayList<>();
        List<Object> arrays = new ArrayList<>();
        Object[] deviceArgs = args.clone();
        try {
            for (int i = 0; i < args.length; i++) {
                MemorySegment host = host(args[i]);
                if (host == null) continue;
                long elem = host.byteSize() / java.lang.reflect.Array.getLength(args[i]);
                UsmMemory m = UsmMemory.allocateDevice(device, host.byteSize() + elem * offset + 8);
                m.copyFromHostAsync(host, elem * offset).await();
                memories.add(m);
                arrays.add(args[i]);
                deviceArgs[i] = view(args[i], m, offset);
            }
            KernelBoundsException outOfBounds = null;
            try {
                Kernels.launchAsync(k, range, List.of(), deviceArgs).await();
            } catch (KernelBoundsException e) {
                outOfBounds = e; // checked mode: the kernel ran, skipping the bad access; its results come back too
            }
            for (int i = 0; i < memories.size(); i++) {
                MemorySegment host = host(arrays.get(i));
                long elem = host.byteSize() / java.lang.reflect.Array.getLength(arrays.get(i));
                memories.get(i).copyToHostAsync(host, elem * offset).await();
            }
            if (outOfBounds != null) throw outOfBounds;
        } finally {
            memories.forEach(UsmMemory::close);
        }
    }

    private static MemorySegment host(Object a) {
        return switch (a) {
            case float[] f -> MemorySegment.ofArray(f);
            case double[] d -> MemorySegment.ofArray(d);
            case int[] i -> MemorySegment.ofArray(i);
            case long[] l -> MemorySegment.ofArray(l);
            case short[] s -> MemorySegment.ofArray(s);
            case byte[] b -> MemorySegment.ofArray(b);
            default -> null;
        };
    }

    private static Object view(Object a, UsmMemory m, int offset) {
        MemorySegment seg = m.jvmSegment() != null ? m.jvmSegment() : MemorySegment.NULL;
        long[] shape = {java.lang.reflect.Array.getLength(a)};
        return switch (a) {
            case float[] f -> new FloatArray(seg, offset, shape, null, m);
            case double[] d -> new DoubleArray(seg, offset, shape, null, m);
            case int[] i -> new IntArray(seg, offset, shape, null, m);
            case long[] l -> new LongArray(seg, offset, shape, null, m);
            case short[] s -> new ShortArray(seg, offset, shape, null, m);
            case byte[] b -> new ByteArray(seg, offset, shape, null, m);
            default -> throw new IllegalArgumentException(a.getClass().toString());
        };
    }
}
