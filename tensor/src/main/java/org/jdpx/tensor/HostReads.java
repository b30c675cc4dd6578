package org.jdpx.tensor;

import java.lang.foreign.MemorySegment;
import org.jdpx.tensor.fusion.Node;

/**
 * Reading an array's elements into Java ({@link UsmNdArray}'s {@code to...Array} methods): the
 * array is computed and made C-contiguous first, then copied out in one bulk copy straight into
 * the Java array when its type is the dtype's, or through a staging segment and converted as
 * NumPy's {@code astype} would. Every read waits for the device.
 */
final class HostReads {
    private HostReads() {
    }

    /** The elements in C order in a new host segment. */
    static MemorySegment segment(UsmNdArray a) {
        MemorySegment dst = HostData.allocate(a.dtype(), a.size()).asSlice(0, a.size() * a.dtype().itemSize());
        copyOut(a, dst);
        return dst;
    }

    /** The elements in C order through a counted staging segment, for a conversion into another Java type. */
    private static MemorySegment staged(UsmNdArray a) {
        MemorySegment dst = HostData.staging(a.dtype(), a.size()).asSlice(0, a.size() * a.dtype().itemSize());
        copyOut(a, dst);
        return dst;
    }

    /**
     * Copies the elements in C order into {@code dst} ({@code size() * itemSize} bytes, host or
     * a Java array's heap segment: one bulk copy, no staging), computing the array first and
     * waiting for the device.
     */
    private static void copyOut(UsmNdArray a, MemorySegment dst) {
        Node.Leaf l = a.contiguousAs(a.dtype()).leaf();
        if (l.memory().queue() != a.queue()) {
            a.queue().finish(); // the copy runs on the memory's queue; our kernels ran on this one
        }
        if (a.size() > 0) l.memory().copyToHost(dst, l.view().offset() * a.dtype().itemSize());
    }

    static float[] floats(UsmNdArray a) {
        if (a.dtype() == DType.FLOAT32) {
            float[] f = new float[Math.toIntExact(a.size())];
            copyOut(a, MemorySegment.ofArray(f));
            return f;
        }
        double[] d = doubles(a);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    static double[] doubles(UsmNdArray a) {
        refuseComplex(a, "toDoubleArray", "toComplexDoubleArray()");
        double[] out = new double[Math.toIntExact(a.size())];
        if (a.dtype() == DType.FLOAT64) {
            copyOut(a, MemorySegment.ofArray(out));
            return out;
        }
        MemorySegment s = staged(a);
        for (int i = 0; i < out.length; i++) out[i] = HostData.getDouble(s, a.dtype(), i);
        return out;
    }

    static double[] complexDoubles(UsmNdArray a) {
        MemorySegment s = staged(a);
        double[] out = new double[Math.toIntExact(2 * a.size())];
        for (int i = 0; i < out.length / 2; i++) {
            out[2 * i] = HostData.getDouble(s, a.dtype(), i);
            out[2 * i + 1] = HostData.getImag(s, a.dtype(), i);
        }
        return out;
    }

    static short[] float16Bits(UsmNdArray a) {
        if (a.dtype() != DType.FLOAT16) {
            throw new IllegalArgumentException("toFloat16Bits needs a float16 array, this one is " + a.dtype()
                    + "; use astype(DType.FLOAT16) first");
        }
        short[] bits = new short[Math.toIntExact(a.size())];
        copyOut(a, MemorySegment.ofArray(bits));
        return bits;
    }

    static long[] longs(UsmNdArray a) {
        refuseComplex(a, "toLongArray", "toComplexDoubleArray()");
        long[] out = new long[Math.toIntExact(a.size())];
        if (a.dtype() == DType.INT64 || a.dtype() == DType.UINT64) {
            copyOut(a, MemorySegment.ofArray(out));
            return out;
        }
        MemorySegment s = staged(a);
        for (int i = 0; i < out.length; i++) out[i] = HostData.getLong(s, a.dtype(), i);
        return out;
    }

    static int[] ints(UsmNdArray a) {
        if (a.dtype() == DType.INT32 || a.dtype() == DType.UINT32) {
            int[] out = new int[Math.toIntExact(a.size())];
            copyOut(a, MemorySegment.ofArray(out));
            return out;
        }
        long[] l = longs(a);
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) out[i] = (int) l[i];
        return out;
    }

    static boolean[] booleans(UsmNdArray a) {
        MemorySegment s = staged(a);
        boolean[] out = new boolean[Math.toIntExact(a.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = HostData.getDouble(s, a.dtype(), i) != 0 || HostData.getImag(s, a.dtype(), i) != 0;
        }
        return out;
    }

    /** Refuses a read that would drop a complex array's imaginary parts, naming what to use instead. */
    static void refuseComplex(UsmNdArray a, String what, String instead) {
        if (a.dtype().isComplex()) {
            throw new IllegalArgumentException(what + " would drop the imaginary parts of this " + a.dtype()
                    + " array; use " + instead + ", or real()/imag() first");
        }
    }
}
