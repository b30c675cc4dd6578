package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.ArrayScope;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * The Jacobi stencil in array style: each sweep writes the mean of the four neighbours into the
 * interior through shifted views ({@code a[:-2, 1:-1]}, ...), fused into one kernel; no data
 * is copied to make the views. Each sweep runs in an {@link ArrayScope}, which releases its lazy
 * temporaries at once: without it they would count as readers of the grid until the garbage
 * collector found them, and the next sweep's write would copy the grid to preserve their values.
 */
public final class JacobiArray implements Sample {
    static final int N = 256, ITERATIONS = 50;

    /** {@code iterations} sweeps over a square grid whose border stays fixed, on the grid's device. */
    public static UsmNdArray jacobi(UsmNdArray grid, int iterations) {
        UsmNdArray a = grid.copy().eval(), b = grid.copy().eval();
        for (int it = 0; it < iterations; it++) {
            try (ArrayScope sweep = ArrayScope.open()) {
                b.set("1:-1, 1:-1", a.get(":-2, 1:-1").add(a.get("2:, 1:-1")).add(a.get("1:-1, :-2"))
                        .add(a.get("1:-1, 2:")).multiply(0.25));
            }
            UsmNdArray t = a;
            a = b;
            b = t;
        }
        return a;
    }

    @Override public String name() { return "jacobi stencil"; }
    @Override public Style style() { return Style.ARRAY; }

    @Override
    public Result run(Device device) {
        return check(device, JacobiArray::jacobi);
    }

    /** Runs a Jacobi of this sample's grid on {@code device} and checks it against plain Java. */
    static Result check(Device device, java.util.function.BiFunction<UsmNdArray, Integer, UsmNdArray> jacobi) {
        double[] grid = References.uniform(N * N, 0, 1, 5);
        UsmNdArray out = jacobi.apply(Tensor.asarray(grid, new long[] {N, N}, ArrayOptions.on(device)), ITERATIONS);
        return Check.arrays("grid", out, References.jacobi(grid, N, ITERATIONS), 1e-12, 1e-5);
    }
}
