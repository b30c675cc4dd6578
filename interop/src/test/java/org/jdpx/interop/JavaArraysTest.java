package org.jdpx.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

class JavaArraysTest {

    @OnEveryDevice
    void everyDtypeGoesInAndOutBitForBit(Device device) {
        for (DType t : DType.values()) {
            if (!Layouts.runs(device, t)) {
                continue;
            }
            MemorySegment bits = Layouts.filled(Arena.ofAuto(), t, 6, t.ordinal());
            Object in = t == DType.BOOL ? new boolean[] {true, false, false, true, false, false} : toTyped(bits, t);
            UsmNdArray a = JavaArrays.fromJava(in, t, device.defaultQueue(), 2, 3);
            assertEquals(t, a.dtype());
            Object out = JavaArrays.toJava(a);
            assertSame(JavaArrays.javaType(t), out.getClass(), t.toString());
            assertEquals(java.util.Arrays.deepToString(new Object[] {in}), java.util.Arrays.deepToString(new Object[] {out}),
                    t + " on " + device);
            Object transposed = JavaArrays.toJava(a.T());
            int parts = t.isComplex() ? 2 : 1; // complex elements are (real, imaginary) pairs
            for (int p = 0; p < parts; p++) {
                assertEquals(java.lang.reflect.Array.get(in, parts + p), java.lang.reflect.Array.get(transposed, 2 * parts + p),
                        t + " F view");
            }
        }
    }

    private static Object toTyped(MemorySegment s, DType t) {
        int n = 6 * (t.isComplex() ? 2 : 1);
        Object a = java.lang.reflect.Array.newInstance(JavaArrays.javaType(t).getComponentType(), n);
        MemorySegment.copy(s, t.layout(), 0, a, 0, n);
        return a;
    }

    @OnEveryDevice
    void emptyAndZeroDimensionalArrays(Device device) {
        UsmNdArray e = JavaArrays.fromJava(new int[0], DType.INT32, device.defaultQueue(), 0, 3);
        assertArrayEquals(new int[0], (int[]) JavaArrays.toJava(e));
        UsmNdArray s = JavaArrays.fromJava(new long[] {-5}, DType.UINT64, device.defaultQueue());
        assertArrayEquals(new long[] {-5}, (long[]) JavaArrays.toJava(s));
    }
}
