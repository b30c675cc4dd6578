package org.jdpx.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.testutil.ArraysOnDevice;
import org.junit.jupiter.api.Test;

/**
 * Access indices that cannot wrap print as long adds (a CPU compiler then vectorizes them
 * without a run-time overflow test), while every other int sum keeps Java's wrap-around: an
 * index {@code x + y} with one side known {@code >= 0} could only overflow into a negative
 * index, which Java would refuse, so the long add gives every in-bounds access the same element.
 */
class IndexArithmeticTest {

    /** Reads two neighbours through a constant offset; the stored value overflows for i >= 48. */
    @Kernel
    public static void neighbours(KernelContext ctx, IntArray in, IntArray out) {
        int i = ctx.globalId(0);
        int k = i + 2147483600;
        out.set(i, in.get(i + 1) + in.get(i + 2) + k);
    }

    static int[] neighboursInJava(int[] in, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = in[i + 1] + in[i + 2] + (i + 2147483600);
        return out;
    }

    @Test
    void indexPlusANonNegativeConstantIsALongAddButAValueStillWraps() {
        String src = KernelCompiler.compile(IndexArithmeticTest.class, "neighbours").openclSource();
        assertTrue(src.contains("[(long)i + 1]") && src.contains("[(long)i + 2]"), src);
        assertFalse(src.contains("[as_int("), src);
        assertTrue(src.contains("as_int((uint)i + 2147483600u)"), src);
    }

    @Test
    void aDeclaredNonNegativeVariableMakesItsIndexSumALongAddOnlyInIndices() {
        IrBuilder b = IrBuilder.kernel("k");
        Var out = b.view("out", Scalar.I32, 0);
        Var base = b.nonNegativeLocal("base", Scalar.I32);
        Var other = b.local("other", Scalar.I32);
        Var i = b.local("i", Scalar.I32);
        b.assign(base, b.read(b.value("off", int.class, 1)));
        b.assign(other, b.read(b.value("o2", int.class, 2)));
        b.assign(i, b.globalId(0));
        b.store(b.read(out), b.add(b.read(base), b.read(i)), b.add(b.read(base), b.read(i)));
        b.store(b.read(out), b.add(b.read(other), b.read(i)), b.i32(0));
        String src = OpenClEmitter.emit(new KernelModule(b.build(), List.of()));
        assertTrue(src.contains("out[(long)base + i] = as_int((uint)base + (uint)i);"), src);
        assertTrue(src.contains("out[as_int((uint)other + (uint)i)] = 0;"), src);
    }

    @OnEveryDevice
    void longIndicesAndWrappingValuesGiveJavasResults(Device device) {
        int n = 4099;
        int[] in = new int[n + 2];
        for (int i = 0; i < in.length; i++) in[i] = Integer.MAX_VALUE - 3 * i;
        int[] out = new int[n];
        ArraysOnDevice.launchAtOffset(device, KernelCompiler.compile(IndexArithmeticTest.class, "neighbours"), Range.of(n), 3, in, out);
        assertArrayEquals(neighboursInJava(in, n), out, device.toString());
    }
}
