package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.kernels.DoubleStencil;
import org.jdpx.kernels.FloatStencil;
import org.jdpx.kernels.Stencil;
import org.jdpx.tensor.StencilFunction;
import org.jdpx.tensor.UsmNdArray;

/**
 * The Jacobi stencil in stencil style, as the seed writes it with Numba's {@code @stencil}: one
 * grid point's new value from its four neighbours by relative indices; {@link StencilFunction}
 * runs it over the whole grid as one kernel. Writing into the other buffer with
 * {@code applyInto} leaves that buffer's border as it was, so the border stays fixed. The
 * overloads are the float64 and float32 versions (float32 where the device has no fp64).
 */
public final class JacobiStencil implements Sample {
    static final int N = JacobiArray.N, ITERATIONS = JacobiArray.ITERATIONS;
    private static final StencilFunction SWEEP = StencilFunction.of(JacobiStencil.class, "sweep");

    /** The mean of the four neighbours, in float64. */
    @Stencil
    static double sweep(DoubleStencil a) {
        return (a.at(-1, 0) + a.at(1, 0) + a.at(0, -1) + a.at(0, 1)) * 0.25;
    }

    /** The same in float32. */
    @Stencil
    static float sweep(FloatStencil a) {
        return (a.at(-1, 0) + a.at(1, 0) + a.at(0, -1) + a.at(0, 1)) * 0.25f;
    }

    /** {@code iterations} sweeps over a square grid whose border stays fixed, on the grid's device. */
    public static UsmNdArray jacobi(UsmNdArray grid, int iterations) {
        UsmNdArray a = grid.copy().eval(), b = grid.copy().eval();
        for (int it = 0; it < iterations; it++) {
            SWEEP.applyInto(b, a);
            UsmNdArray t = a;
            a = b;
            b = t;
        }
        return a;
    }

    @Override public String name() { return "jacobi stencil"; }
    @Override public Style style() { return Style.STENCIL; }

    @Override
    public Result run(Device device) {
        return JacobiArray.check(device, JacobiStencil::jacobi);
    }
}
