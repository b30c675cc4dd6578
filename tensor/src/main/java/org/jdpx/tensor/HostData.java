package org.jdpx.tensor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.LongAdder;

/**
 * Element access on host segments holding one dtype, and conversion of Java arrays into
 * them: the only host-side arithmetic the tensor module does (staging data in and out).
 * float16 elements are IEEE half bits; a complex element is a (real, imaginary) pair, read
 * here by its real part ({@link #getImag} gives the other).
 */
final class HostData {

    private static final LongAdder STAGED = new LongAdder();

    private HostData() {
    }

    /** A new native segment for {@code n} elements of {@code t} (8-byte aligned, freed by GC). */
    static MemorySegment allocate(DType t, long n) {
        return Arena.ofAuto().allocate(Math.max(1, n) * t.itemSize(), 8);
    }

    /** {@link #allocate} for data converted on its way between a Java array and a device (counted). */
    static MemorySegment staging(DType t, long n) {
        STAGED.add(n * t.itemSize());
        return allocate(t, n);
    }

    /** Element {@code i} of {@code s} as a double (uint64 read unsigned, a complex one's real part). */
    static double getDouble(MemorySegment s, DType t, long i) {
        return switch (t) {
            case FLOAT16 -> Float.float16ToFloat(s.getAtIndex(ValueLayout.JAVA_SHORT, i));
            case FLOAT32 -> s.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            case FLOAT64 -> s.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            case COMPLEX64 -> s.getAtIndex(ValueLayout.JAVA_FLOAT, 2 * i);
            case COMPLEX128 -> s.getAtIndex(ValueLayout.JAVA_DOUBLE, 2 * i);
            case UINT64 -> {
                long v = s.getAtIndex(ValueLayout.JAVA_LONG, i);
                yield v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            default -> getLong(s, t, i);
        };
    }

    /** Element {@code i} of {@code s} as a long (floats truncated; unsigned ones zero-extended). */
    static long getLong(MemorySegment s, DType t, long i) {
        return switch (t) {
            case BOOL -> s.get(ValueLayout.JAVA_BYTE, i) != 0 ? 1 : 0;
            case INT8 -> s.get(ValueLayout.JAVA_BYTE, i);
            case UINT8 -> s.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
            case INT16 -> s.getAtIndex(ValueLayout.JAVA_SHORT, i);
            case UINT16 -> s.getAtIndex(ValueLayout.JAVA_SHORT, i) & 0xFFFF;
            case INT32 -> s.getAtIndex(ValueLayout.JAVA_INT, i);
            case UINT32 -> s.getAtIndex(ValueLayout.JAVA_INT, i) & 0xFFFFFFFFL;
            case INT64, UINT64 -> s.getAtIndex(ValueLayout.JAVA_LONG, i);
            case FLOAT16, FLOAT32, FLOAT64, COMPLEX64, COMPLEX128 -> (long) getDouble(s, t, i);
        };
    }

    /** The imaginary part of element {@code i} (0 for a real dtype). */
    static double getImag(MemorySegment s, DType t, long i) {
        return switch (t) {
            case COMPLEX64 -> s.getAtIndex(ValueLayout.JAVA_FLOAT, 2 * i + 1);
            case COMPLEX128 -> s.getAtIndex(ValueLayout.JAVA_DOUBLE, 2 * i + 1);
            default -> 0;
        };
    }

    /** Stores {@code re + im*1j} as element {@code i} of a complex segment (a real one keeps {@code re}). */
    static void putComplex(MemorySegment s, DType t, long i, double re, double im) {
        switch (t) {
            case COMPLEX64 -> {
                s.setAtIndex(ValueLayout.JAVA_FLOAT, 2 * i, (float) re);
                s.setAtIndex(ValueLayout.JAVA_FLOAT, 2 * i + 1, (float) im);
            }
            case COMPLEX128 -> {
                s.setAtIndex(ValueLayout.JAVA_DOUBLE, 2 * i, re);
                s.setAtIndex(ValueLayout.JAVA_DOUBLE, 2 * i + 1, im);
            }
            default -> put(s, t, i, re, toLong(re));
        }
    }

    /**
     * The float16 nearest {@code d} (ties to even) as its bits, rounded once as NumPy rounds a
     * float64: through a float32 rounded to odd, which carries the sticky bit so the second
     * rounding cannot double-round.
     */
    static short toHalf(double d) {
        float f = (float) d;
        if (Float.isFinite(f) && (double) f != d && (Float.floatToRawIntBits(f) & 1) == 0) {
            int bits = Float.floatToRawIntBits(f);
            f = Float.intBitsToFloat(Math.abs(d) > Math.abs((double) f) ? bits + 1 : bits - 1);
        }
        return Float.floatToFloat16(f);
    }
    /** Stores {@code d} (floats) or {@code l} (integers, wrapped to the width) as element {@code i}. */
    static void put(MemorySegment s, DType t, long i, double d, long l) {
        switch (t) {
            case BOOL -> s.set(ValueLayout.JAVA_BYTE, i, (byte) (l != 0 || d != 0 ? 1 : 0));
            case INT8, UINT8 -> s.set(ValueLayout.JAVA_BYTE, i, (byte) l);
            case INT16, UINT16 -> s.setAtIndex(ValueLayout.JAVA_SHORT, i, (short) l);
            case INT32, UINT32 -> s.setAtIndex(ValueLayout.JAVA_INT, i, (int) l);
            case INT64, UINT64 -> s.setAtIndex(ValueLayout.JAVA_LONG, i, l);
            case FLOAT16 -> s.setAtIndex(ValueLayout.JAVA_SHORT, i, toHalf(d));
            case FLOAT32 -> s.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) d);
            case FLOAT64 -> s.setAtIndex(ValueLayout.JAVA_DOUBLE, i, d);
            case COMPLEX64, COMPLEX128 -> putComplex(s, t, i, d, 0);
        }
    }

    /** The dtype a Java array naturally has ({@code float[]} is float32, ...). */
    static DType dtypeOf(Object javaArray) {
        return switch (javaArray) {
            case float[] a -> DType.FLOAT32;
            case double[] a -> DType.FLOAT64;
            case int[] a -> DType.INT32;
            case long[] a -> DType.INT64;
            case short[] a -> DType.INT16;
            case byte[] a -> DType.INT8;
            case boolean[] a -> DType.BOOL;
            case null -> throw new IllegalArgumentException("array is null");
            default -> throw new IllegalArgumentException("cannot make an array from " + javaArray.getClass().getSimpleName()
                    + "; pass a float[], double[], int[], long[], short[], byte[] or boolean[] (flattened, with a shape)");
        };
    }

    /** Length of a Java primitive array. */
    static int length(Object javaArray) {
        return java.lang.reflect.Array.getLength(javaArray);
    }

    /**
     * The values of a Java primitive array as {@code t} (NumPy's astype rules), for one copy to a
     * device: the array itself as a heap segment when it already holds {@code t} (a bulk copy
     * then moves it, with no staging), a converted native copy otherwise.
     */
    static MemorySegment fromJava(Object javaArray, DType t) {
        MemorySegment same = sameType(javaArray, t);
        if (same != null) return same;
        int n = length(javaArray);
        if (t == DType.FLOAT32 && javaArray instanceof double[] a) return narrowed(a);
        MemorySegment s = staging(t, n);
        switch (javaArray) {
            case float[] a -> { for (int i = 0; i < n; i++) put(s, t, i, a[i], toLong(a[i])); }
            case double[] a -> { for (int i = 0; i < n; i++) put(s, t, i, a[i], toLong(a[i])); }
            case int[] a -> { for (int i = 0; i < n; i++) put(s, t, i, a[i], a[i]); }
            case long[] a -> { for (int i = 0; i < n; i++) put(s, t, i, a[i], a[i]); }
            case short[] a -> { for (int i = 0; i < n; i++) put(s, t, i, a[i], a[i]); }
            case byte[] a -> { for (int i = 0; i < n; i++) put(s, t, i, a[i], a[i]); }
            case boolean[] a -> { for (int i = 0; i < n; i++) put(s, t, i, a[i] ? 1 : 0, a[i] ? 1 : 0); }
            default -> dtypeOf(javaArray);
        }
        return s;
    }

    /** {@code javaArray} as a heap segment when its elements already are {@code t}'s, else null. */
    private static MemorySegment sameType(Object javaArray, DType t) {
        return switch (javaArray) {
            case float[] a when t == DType.FLOAT32 -> MemorySegment.ofArray(a);
            case double[] a when t == DType.FLOAT64 -> MemorySegment.ofArray(a);
            case int[] a when t == DType.INT32 -> MemorySegment.ofArray(a);
            case long[] a when t == DType.INT64 -> MemorySegment.ofArray(a);
            case short[] a when t == DType.INT16 -> MemorySegment.ofArray(a);
            case byte[] a when t == DType.INT8 -> MemorySegment.ofArray(a);
            case null, default -> null;
        };
    }

    /** Doubles rounded to float32 in a heap array: the upload path of a device without fp64. */
    private static MemorySegment narrowed(double[] a) {
        STAGED.add(4L * a.length);
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        return MemorySegment.ofArray(f);
    }

    /**
     * Bytes staged on the host since the JVM started: Java arrays converted to another dtype
     * before a copy to a device, and device data read through a host segment before it is
     * converted into a Java array. An upload or read-back of matching type stages nothing.
     */
    static long stagedBytes() {
        return STAGED.sum();
    }

    static long toLong(double d) {
        return d >= 0x1p63 ? (long) (d - 0x1p64) : (long) d;
    }
}
