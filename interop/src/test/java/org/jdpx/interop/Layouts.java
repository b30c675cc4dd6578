package org.jdpx.interop;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Random;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.View;

/** The layouts every interop round trip is checked with, and helpers to fill and read raw memory. */
public final class Layouts {

    private Layouts() {
    }

    /** A named layout over a buffer of {@code elements} elements. */
    public record Case(String name, View view, long elements) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** C order, F order, a strided (and reversed) view, 0-d, empty. */
    public static List<Case> all() {
        long[] s = {3, 4};
        return List.of(
                new Case("C", View.contiguous(2, 3, 4), 24),
                new Case("F", new View(new long[] {2, 3, 4}, Shapes.fStrides(new long[] {2, 3, 4}), 0), 24),
                new Case("strided", new View(s, new long[] {16, -2}, 7), 48),
                new Case("0-d", View.contiguous(), 1),
                new Case("empty", View.contiguous(0, 5), 0));
    }

    /** Whether the device can run copies of this dtype (float64 and complex128 need fp64). */
    public static boolean runs(Device d, DType t) {
        return (t != DType.FLOAT64 && t != DType.COMPLEX128) || d.hasAspect(Aspect.FP64);
    }

    /** Native memory of {@code n} elements filled with reproducible bits (0/1 for bool), aligned to 4096. */
    public static MemorySegment filled(Arena arena, DType t, long n, long seed) {
        MemorySegment s = arena.allocate(Math.max(1, n) * t.itemSize(), 4096);
        Random r = new Random(seed);
        for (long i = 0; i < n * t.itemSize(); i++) {
            s.set(ValueLayout.JAVA_BYTE, i, (byte) (t == DType.BOOL ? (i % 3 == 0 ? 1 : 0) : r.nextInt()));
        }
        return s;
    }

    /** The bytes of the elements a view selects from {@code s}, in C order. */
    public static byte[] gather(MemorySegment s, DType t, View v) {
        int item = t.itemSize();
        byte[] out = new byte[Math.toIntExact(v.size() * item)];
        long[] idx = new long[v.rank()];
        for (int k = 0; k < v.size(); k++) {
            long e = v.offset();
            for (int a = 0; a < v.rank(); a++) {
                e += idx[a] * v.strides()[a];
            }
            MemorySegment.copy(s, ValueLayout.JAVA_BYTE, e * item, out, k * item, item);
            for (int a = v.rank() - 1; a >= 0; a--) {
                if (++idx[a] < v.shape()[a]) {
                    break;
                }
                idx[a] = 0;
            }
        }
        return out;
    }
}
