package org.jdpx.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.dpnp.RandomState;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.Parallel;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.prange.Prange;
import org.jdpx.distributed.samples.DistJacobi;
import org.jdpx.samples.JacobiArray;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User code per block on its executor's device (a {@code @Kernel}, a prange loop, array code)
 * and stencils with halo exchange, on an embedded {@code local[3]} with uneven and empty blocks,
 * checked against the same code on the whole array in one process.
 */
class BlockFunctionTest {
    static DistContext ctx;
    static ArrayOptions on;

    @BeforeAll
    static void start() {
        ctx = LocalSpark.context();
        on = ArrayOptions.on(ctx.driverQueue());
    }

    /** {@code x[i] = 3 * x[i] + i}, a user kernel. */
    @Kernel
    public static void affine(KernelContext kc, LongArray x) {
        int i = kc.globalId(0);
        x.set(i, 3 * x.get(i) + i);
    }

    /** {@code x[i] = x[i] * x[i]}, a prange loop. */
    public static void squareInPlace(LongArray x) {
        for (@Parallel int i = 0; i < x.length(); i++) x.set(i, x.get(i) * x.get(i));
    }

    @Test
    void kernelsAndPrangeLoopsRunOnEveryBlock() {
        DistArray x = ctx.fromLocal(Tensor.arange(0, 20, 1, on), Layout.sized(new long[] {20}, 0, 6, 0, 7, 7));
        DistArray k = x.mapBlocks((b, info) -> {
            UsmNdArray c = b.copy().eval();
            if (c.size() > 0) Kernels.launch(BlockFunctionTest::affine, Range.of(c.size()), LongArray.on(c.memory(), c.size()));
            return c;
        });
        long[] expected = new long[20];
        long[] local = {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6}; // i is the index within each block
        for (int i = 0; i < 20; i++) expected[i] = 3L * i + local[i];
        assertArrayEquals(expected, k.toLocal().toLongArray());
        DistArray p = x.mapBlocks((b, info) -> {
            UsmNdArray c = b.copy().eval();
            if (c.size() > 0) Prange.compile(BlockFunctionTest::squareInPlace, c.device()).run(LongArray.on(c.memory(), c.size()));
            return c;
        });
        assertArrayEquals(Tensor.square(Tensor.arange(0, 20, 1, on)).toLongArray(), p.toLocal().toLongArray());
        DistArray rows = x.mapBlocks((b, info) -> b.get("::2").add(info.start()));
        assertEquals("1D_Block(axis 0: 3+0+4+4)", rows.layout().describe());
    }

    @Test
    void jacobiWithHalosEqualsTheSingleProcessSweeps() {
        int n = 24;
        UsmNdArray grid = new RandomState(5, on).random(new long[] {n, n}, null);
        DistArray g = ctx.fromLocal(grid, Layout.sized(grid.shape(), 0, 1, 6, 0, 1, 9, 7, 0)).named("grid");
        for (int it = 0; it < 6; it++) g = g.stencil(1, DistJacobi::sweep);
        UsmNdArray expected = JacobiArray.jacobi(grid, 6);
        assertArrayEquals(expected.toDoubleArray(), g.toLocal().toDoubleArray());
        assertTrue(ctx.report().shuffles().stream().anyMatch(o -> o.operation().startsWith("halo exchange of grid")), ctx.report().toString());
        // a function that keeps the halo rows: the executor's error reaches the driver as itself, Spark's job error suppressed
        Exception e = assertThrows(IllegalArgumentException.class, () -> ctx.fromLocal(grid, 0, 2).stencil(1, (b, i) -> b).toLocal());
        assertTrue(e.getMessage().contains("drop the halo rows"), e.toString());
        assertTrue(e.getSuppressed().length == 1 && e.getSuppressed()[0] instanceof org.apache.spark.SparkException, e.toString());
    }
}
