package org.jdpx.perf.suite;

import org.jdpx.device.Device;
import org.jdpx.dpnp.DpnpLinalg;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * numpy.linalg.solve of a dense float64 system ({@code n x n} matrix, one right-hand side):
 * DpnpLinalg's blocked LU with partial pivoting and the two triangular solves on the device,
 * rated at LU's {@code 2n^3/3 + 2n^2} flops against the fp64 peak, next to NumPy (LAPACK gesv).
 * The matrix is diagonally dominant, so every run solves the same well-conditioned system; the
 * solution is checked against the known one.
 */
final class SolveWorkloads {
    static final int N = 1024;

    private SolveWorkloads() {
    }

    static Workload solve() {
        return Workload.named("solve_f64_1024").dtype("float64").size(N)
                .rate(Rate.flops(n -> 2.0 * n * n * n / 3 + 2.0 * n * n, true))
                .skipOn(StreamWorkloads::noFp64, "the device has no fp64")
                .body(SolveWorkloads::solveOn)
                .external("numpy")
                .build();
    }

    /** {@code A = J/n + 2I} (J all ones but the diagonal's pattern) and {@code b = A x} for {@code x = 1}. */
    private static Trial solveOn(Device d, long size) {
        int n = (int) size;
        ArrayOptions on = ArrayOptions.on(d).dtype(DType.FLOAT64);
        UsmNdArray i = Tensor.arange(0, n, 1, on).reshape(n, 1);
        UsmNdArray j = Tensor.arange(0, n, 1, on).reshape(1, n);
        UsmNdArray a = Tensor.add(Tensor.divide(Tensor.remainder(Tensor.add(Tensor.multiply(i, 7), j), 13), 13.0 * n),
                Tensor.multiply(Tensor.equal(i, j).astype(DType.FLOAT64), 2)).eval();
        UsmNdArray b = Tensor.sum(a, new int[] {1}, false).eval();
        return Trial.timed(() -> {
            double err = Tensor.max(Tensor.abs(Tensor.subtract(DpnpLinalg.solve(a, b), 1)), null, false).item();
            if (!(err < 1e-9)) throw new IllegalStateException("solve_f64_1024: solution off by " + err);
        });
    }
}
