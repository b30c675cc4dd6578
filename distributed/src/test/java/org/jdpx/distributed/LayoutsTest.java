package org.jdpx.distributed;

import static org.jdpx.distributed.DistArrayTest.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.dpnp.RandomState;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.fusion.FusionDiagnostics;
import org.junit.jupiter.api.Test;

/**
 * The 1D_Cyclic and 2D_Block layouts and redistribution on the shared {@code local[3]} Spark,
 * with short last chunks, empty partitions and empty grid rows/columns: every result equals the
 * single-process jdpx result (integers exactly, floats within reassociation bounds), and the
 * report names each array's layout, why it got it, and the shuffles.
 */
class LayoutsTest {
    static final DistContext ctx = LocalSpark.context();
    static final ArrayOptions on = LocalSpark.options();

    static UsmNdArray local(int seed, long... shape) {
        return new RandomState(seed, on).uniform(-1, 1, shape);
    }

    static UsmNdArray ints(int seed, long... shape) {
        return new RandomState(seed, on).integers(-1000, 1000, shape);
    }

    @Test
    void cyclicArraysRoundTripFuseAndReduceAsOneProcess() {
        UsmNdArray a = local(21, 23, 3), b = local(22, 23, 3);
        // 23 rows in chunks of 5: chunks 0..4 (the last of 3 rows) over 7 partitions, two of them empty
        Layout l = Layout.cyclic(a.shape(), 0, 5, 7);
        assertEquals("1D_Cyclic(axis 0, chunk 5: 5+5+5+5+3+0+0)", l.describe());
        Layout fine = Layout.cyclic(a.shape(), 0, 2, 4);
        assertEquals("1D_Cyclic(axis 0, chunk 2: 6+6+6+5)", fine.describe());
        DistArray x = ctx.fromLocal(a, fine).named("cx"), y = ctx.fromLocal(b, fine).named("cy");
        assertArrayEquals(a.toDoubleArray(), x.toLocal().toDoubleArray());
        assertArrayEquals(a.toDoubleArray(), ctx.fromLocal(a, l).collect().toDoubleArray());
        DistArray z = x.add(y).multiply(2).subtract(x.exp()).named("cz");
        FusionDiagnostics.clear();
        assertEquals(4, z.eval().rdd().count());
        assertEquals(4, FusionDiagnostics.events().stream().filter(e -> e.startsWith("kernel ")).count(), FusionDiagnostics.report());
        close(a.add(b).multiply(2).subtract(Tensor.exp(a)).eval(), z.toLocal(), 1e-15);
        assertEquals("1D_Cyclic(axis 0, chunk 2: 6+6+6+5)", ctx.report().array("cz").layout());
        assertTrue(ctx.report().array("cx").why().contains("split from a local array on the driver into the requested 1D_Cyclic"),
                ctx.report().toString());
        close(a.sum(), x.sum(), 1e-14);
        assertEquals(a.max().item(), x.max().item());
        close(a.matmul(local(23, 3)), x.matmul(local(23, 3)).toLocal(), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> x.add(ctx.fromLocal(b, l)));
        UsmNdArray n = ints(24, 23);
        DistArray xn = ctx.fromLocal(n, Layout.cyclic(n.shape(), 0, 4, 3));
        assertEquals(n.sum().itemLong(), xn.sum().itemLong());
        assertEquals(Tensor.matmul(n, n).itemLong(), xn.dot(xn).itemLong());
        // along axis 1
        UsmNdArray c = local(25, 5, 11);
        assertArrayEquals(c.toDoubleArray(), ctx.fromLocal(c, Layout.cyclic(c.shape(), 1, 3, 2)).toLocal().toDoubleArray());
    }

    @Test
    void generatorsInEveryLayoutGiveOneProcesssNumbers() {
        assertArrayEquals(Tensor.arange(0, 1000, 1, on).toLongArray(), ctx.arange(Layout.cyclic(new long[] {1000}, 0, 7, 3)).toLocal().toLongArray());
        assertArrayEquals(Tensor.arange(0, 5, 1, on).toLongArray(), ctx.arange(Layout.cyclic(new long[] {5}, 0, 2, 4)).toLocal().toLongArray());
        DistRandom r = ctx.random(91);
        RandomState one = new RandomState(91, on);
        assertArrayEquals(one.random(new long[] {41, 3}, null).toDoubleArray(),
                r.random(Layout.cyclic(new long[] {41, 3}, 0, 4, 3), null).toLocal().toDoubleArray());
        assertArrayEquals(one.integers(-5, 50, 9, 7).toLongArray(),
                r.integers(-5, 50, Layout.block2dSized(new long[] {9, 7}, new long[] {4, 0, 5}, new long[] {3, 4})).toLocal().toLongArray());
        assertArrayEquals(one.uniform(2, 3, 6, 8).toDoubleArray(), r.uniform(2, 3, Layout.cyclic(new long[] {6, 8}, 1, 3, 2)).toLocal().toDoubleArray());
        Layout grid = Layout.block2d(new long[] {5, 4}, 2, 3);
        assertArrayEquals(Tensor.full(new long[] {5, 4}, 7, on).toLongArray(), ctx.full(grid, 7, null).toLocal().toLongArray());
    }

    @Test
    void redistributionMovesDataAndTheReportSaysWhy() {
        long[] sizes = {0, 5, 3, 0, 9, 1, 4, 0};
        UsmNdArray a = local(31, 22, 2);
        DistArray x = ctx.fromLocal(a, Layout.sized(a.shape(), 0, sizes)).named("bx");
        ctx.report().clear();
        DistArray c = x.redistribute(Layout.cyclic(a.shape(), 0, 3, 4)).named("rc");
        assertEquals("1D_Cyclic(axis 0, chunk 3: 6+6+6+4)", c.layout().describe());
        assertArrayEquals(a.toDoubleArray(), c.toLocal().toDoubleArray());
        assertTrue(ctx.report().array("rc").why().contains("redistribute(1D_Cyclic) asked for: redistributed from bx (1D_Block"),
                ctx.report().toString());
        assertEquals("redistribute bx 1D_Block -> 1D_Cyclic", ctx.report().shuffles().get(0).operation());
        DistArray back = c.redistribute(x.layout());
        assertEquals(x.layout(), back.layout());
        assertArrayEquals(a.multiply(2).toDoubleArray(), back.add(x).toLocal().toDoubleArray());
        DistArray grid = c.redistribute(Layout.block2dSized(a.shape(), new long[] {7, 0, 15}, new long[] {1, 1}));
        assertArrayEquals(a.toDoubleArray(), grid.toLocal().toDoubleArray());
        assertArrayEquals(a.toDoubleArray(), grid.redistribute(Layout.block(a.shape(), 1, 3)).toLocal().toDoubleArray());
        // slicing needs blocks: a clear error naming the layout and the fix
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.slice(1, 4));
        assertTrue(e.getMessage().contains("1D_Cyclic(axis 0, chunk 3") && e.getMessage().contains("redistribute(Layout.block"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.reshape(44));
        // a stencil redistributes by itself, and says so
        ctx.report().clear();
        BlockFunction smooth = (blk, info) -> {
            UsmNdArray inner = blk.get(info.haloBefore() + ":" + (blk.shape()[0] - info.haloAfter()));
            return inner.multiply(2);
        };
        assertArrayEquals(a.multiply(2).toDoubleArray(), c.stencil(1, smooth).toLocal().toDoubleArray());
        assertTrue(ctx.report().shuffles().stream().anyMatch(o -> o.operation().equals("redistribute rc 1D_Cyclic -> 1D_Block")), ctx.report().toString());
        assertTrue(ctx.report().arrays().stream().anyMatch(r -> r.why().startsWith("a stencil needs contiguous blocks along its axis")),
                ctx.report().toString());
        // mapBlocks keeps a cyclic layout when blocks keep their shapes
        DistArray m = c.mapBlocks((blk, info) -> blk.add(1));
        assertEquals(c.layout(), m.layout());
        assertArrayEquals(a.add(1).toDoubleArray(), m.toLocal().toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> c.mapBlocks((blk, info) -> blk.get("0:1")));
    }

    @Test
    void twoDimensionalBlocksComputeReduceTransposeAndMultiply() {
        UsmNdArray a = local(41, 13, 10), ai = ints(42, 13, 10);
        Layout l = Layout.block2dSized(a.shape(), new long[] {5, 0, 8}, new long[] {5, 5, 0});
        assertEquals("2D_Block(3x3: rows 5+0+8, cols 5+5+0)", l.describe());
        assertEquals(9, l.blocks());
        DistArray x = ctx.fromLocal(a, l).named("A2"), xi = ctx.fromLocal(ai, l).named("I2");
        assertEquals(9, x.rdd().getNumPartitions());
        assertArrayEquals(a.toDoubleArray(), x.toLocal().toDoubleArray());
        assertEquals("2D_Block(3x3: rows 5+0+8, cols 5+5+0)", ctx.report().array("A2").layout());
        assertTrue(ctx.report().array("A2").why().contains("into the requested 2D_Block"), ctx.report().toString());
        close(a.multiply(a).add(0.5).eval(), x.multiply(x).add(0.5).toLocal(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> x.add(local(43, 10)));
        close(a.sum(), x.sum(), 1e-14);
        assertEquals(ai.sum().itemLong(), xi.sum().itemLong());
        assertEquals(ai.min().itemLong(), xi.min().itemLong());
        int[] ax0 = {0}, ax1 = {1};
        close(Tensor.sum(a, ax0, false), x.sum(0).toLocal(), 1e-14);
        close(Tensor.sum(a, ax1, false), x.sum(1).toLocal(), 1e-14);
        assertArrayEquals(Tensor.sum(ai, ax1, false).toLongArray(), xi.sum(1).toLocal().toLongArray());
        assertArrayEquals(Tensor.min(ai, ax0, false).toLongArray(), xi.min(0).toLocal().toLongArray());
        assertArrayEquals(Tensor.max(a, ax1, false).toDoubleArray(), x.max(1).toLocal().toDoubleArray());
        assertEquals("1D_Block(axis 0: 5+5+0)", x.sum(0).layout().describe());
        assertEquals("1D_Block(axis 0: 5+0+8)", x.sum(1).layout().describe());
        assertTrue(ctx.report().shuffles().stream().anyMatch(o -> o.operation().equals("sum along axis 1 of I2")), ctx.report().toString());
        assertArrayEquals(a.T().copy().toDoubleArray(), x.transpose().toLocal().toDoubleArray());
        assertEquals("2D_Block(3x3: rows 5+5+0, cols 5+0+8)", x.transpose().layout().describe());
        DistArray rows = ctx.fromLocal(a, 0, 4);
        assertEquals("1D_Block(axis 1: 4+3+3+3)", rows.transpose().layout().describe());
        assertArrayEquals(a.T().copy().toDoubleArray(), rows.transpose().toLocal().toDoubleArray());
        // SUMMA: A's column blocks are B's row blocks
        UsmNdArray b = local(44, 10, 7), bi = ints(45, 10, 7);
        Layout lb = Layout.block2dSized(b.shape(), new long[] {5, 5, 0}, new long[] {3, 4});
        ctx.report().clear();
        DistArray p = x.matmul(ctx.fromLocal(b, lb).named("B2"));
        assertEquals("2D_Block(3x2: rows 5+0+8, cols 3+4)", p.layout().describe());
        assertEquals("2D_Block(3x2: rows 5+0+8, cols 3+4)", ctx.report().array(p.name()).layout());
        close(a.matmul(b), p.toLocal(), 1e-14);
        assertArrayEquals(ai.matmul(bi).toLongArray(), xi.matmul(ctx.fromLocal(bi, lb)).toLocal().toLongArray());
        assertEquals("matmul A2 @ B2 (SUMMA)", ctx.report().shuffles().get(0).operation(), ctx.report().toString());
        assertTrue(ctx.report().array(p.name()).why().startsWith("SUMMA matmul of A2 and B2 (2D_Block)"), ctx.report().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> x.matmul(ctx.fromLocal(b, Layout.block2d(b.shape(), 2, 2))));
        assertTrue(e.getMessage().contains("column blocks must be the right one's row blocks"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> x.matmul(b));
    }

    @Test
    void anExecutorsJdpxErrorArrivesAsItself() {
        UsmNdArray a = local(51, 12, 3);
        DistArray x = ctx.fromLocal(a, Layout.cyclic(a.shape(), 0, 2, 3));
        // the block (4, 3) plus a (7,) vector fails in jdpx's broadcasting on the executor
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> x.mapBlocks((blk, info) -> blk.add(Tensor.arange(0, 7, 1, ArrayOptions.on(blk.queue())))));
        UsmNdArray one = Tensor.arange(0, 7, 1, on);
        IllegalArgumentException local = assertThrows(IllegalArgumentException.class, () -> a.get("0:4").add(one).eval());
        assertEquals(local.getMessage().replaceAll("\\[4, 3\\]", ""), e.getMessage().replaceAll("\\[4, 3\\]", ""));
        assertTrue(e.getSuppressed()[0] instanceof org.apache.spark.SparkException, e.toString());
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> x.mapBlocks((blk, info) -> blk.add(Tensor.arange(0, 7, 1, ArrayOptions.on(blk.queue())))).sum());
        assertEquals(e.getMessage(), sum.getMessage());
    }
}
