package org.jdpx.kernels.corpus;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.jdpx.kernels.ByteArray;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.ShortArray;

/** Deterministic test data in native memory (what a device buffer would hold). */
final class Data {
    private Data() {
    }

    static MemorySegment mem(long bytes) {
        return Arena.ofAuto().allocate(Math.max(8, bytes), 8);
    }

    static FloatArray floats(int n) { return FloatArray.wrap(mem(4L * n), n); }
    static IntArray ints(int n) { return IntArray.wrap(mem(4L * n), n); }
    static LongArray longs(int n) { return LongArray.wrap(mem(8L * n), n); }
    static DoubleArray doubles(int n) { return DoubleArray.wrap(mem(8L * n), n); }
    static ByteArray bytes(int n) { return ByteArray.wrap(mem(n), n); }
    static ShortArray shorts(int n) { return ShortArray.wrap(mem(2L * n), n); }

    static FloatArray randomFloats(int n, long seed, float lo, float hi) {
        Random r = new Random(seed);
        FloatArray a = floats(n);
        for (int i = 0; i < n; i++) a.set(i, lo + (hi - lo) * r.nextFloat());
        return a;
    }

    static IntArray randomInts(int n, long seed, int bound) {
        Random r = new Random(seed);
        IntArray a = ints(n);
        for (int i = 0; i < n; i++) a.set(i, bound <= 0 ? r.nextInt() : r.nextInt(bound));
        return a;
    }

    static FloatArray matrix(int rows, int cols, long seed) {
        Random r = new Random(seed);
        FloatArray a = FloatArray.wrap(mem(4L * rows * cols), rows, cols);
        for (int i = 0; i < rows * cols; i++) a.set(i, r.nextFloat() - 0.5f);
        return a;
    }
}
