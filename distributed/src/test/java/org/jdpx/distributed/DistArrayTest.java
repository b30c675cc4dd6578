package org.jdpx.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jdpx.dpnp.RandomState;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.fusion.FusionDiagnostics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed arrays on an embedded Spark {@code local[3]} with more blocks than threads, uneven
 * and empty blocks: every result equals the single-process jdpx result on the same device
 * (integers exactly, floats within the bound of reassociated sums), and the distribution report
 * says what each operation did.
 */
class DistArrayTest {
    /** Uneven, with empty blocks first, in the middle and last. */
    static final long[] SIZES = {0, 5, 3, 0, 9, 1, 4, 0};
    static final long N = 22;
    static DistContext ctx;
    static ArrayOptions on;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ctx = LocalSpark.context();
        on = ArrayOptions.on(ctx.driverQueue());
    }

    static UsmNdArray local(int seed, long... shape) {
        return new RandomState(seed, on).uniform(-1, 1, shape);
    }

    static void close(UsmNdArray expected, UsmNdArray actual, double rel) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertEquals(expected.dtype(), actual.dtype());
        double[] e = expected.toDoubleArray(), a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) assertEquals(e[i], a[i], rel * (1 + Math.abs(e[i])), "element " + i);
    }

    @Test
    void localArraysRoundTripThroughUnevenAndEmptyBlocks() {
        UsmNdArray a = local(1, N, 3);
        DistArray d = ctx.fromLocal(a, Layout.sized(a.shape(), 0, SIZES));
        assertEquals(8, d.rdd().getNumPartitions());
        assertArrayEquals(a.toDoubleArray(), d.toLocal().toDoubleArray());
        DistArray cols = ctx.fromLocal(a, 1, 5);
        assertEquals("1D_Block(axis 1: 1+1+1+0+0)", cols.layout().describe());
        assertArrayEquals(a.toDoubleArray(), cols.collect().toDoubleArray());
    }

    @Test
    void generatorsGiveWhatOneProcessGives() {
        assertArrayEquals(Tensor.arange(0, 1000, 1, on).toLongArray(), ctx.arange(1000, 7).toLocal().toLongArray());
        UsmNdArray full = ctx.full(new long[] {10, 2}, 2.5, null, 4).toLocal();
        assertArrayEquals(Tensor.full(new long[] {10, 2}, 2.5, on).toDoubleArray(), full.toDoubleArray());
        DistRandom r = ctx.random(77);
        RandomState one = new RandomState(77, on);
        assertArrayEquals(one.random(new long[] {101, 3}, null).toDoubleArray(), r.random(new long[] {101, 3}, null, 6).toLocal().toDoubleArray());
        assertArrayEquals(one.integers(-4, 9, 57).toLongArray(), r.integers(-4, 9, new long[] {57}, 5).toLocal().toLongArray());
        close(one.normal(1, 2, 33), r.normal(1, 2, new long[] {33}, 4).toLocal(), 1e-12);
        close(one.uniform(3, 4, 9, 2), r.uniform(3, 4, new long[] {9, 2}, 4).toLocal(), 0);
    }

    @Test
    void npyFilesInAndOut() {
        UsmNdArray a = local(2, 13, 4);
        Path in = dir.resolve("in.npy"), out = dir.resolve("out.npy");
        Tensor.save(in, a);
        DistArray d = ctx.load(in, 4);
        d.multiply(3).save(out);
        assertArrayEquals(a.multiply(3).toDoubleArray(), Tensor.load(out, on).toDoubleArray());
    }

    @Test
    void elementwiseChainsFuseIntoOneKernelPerBlock() {
        UsmNdArray a = local(3, N), b = local(4, N);
        Layout l = Layout.sized(a.shape(), 0, SIZES);
        DistArray x = ctx.fromLocal(a, l).named("x"), y = ctx.fromLocal(b, l).named("y");
        DistArray z = x.add(y).multiply(2).subtract(x.exp()).named("z");
        assertTrue(z.isLazy());
        FusionDiagnostics.clear();
        assertEquals(8, z.eval().rdd().count()); // Spark is lazy too: count() runs the stage
        long kernels = FusionDiagnostics.events().stream().filter(e -> e.startsWith("kernel ")).count();
        assertEquals(5, kernels, "one kernel per non-empty block:\n" + FusionDiagnostics.report());
        close(a.add(b).multiply(2).subtract(Tensor.exp(a)).eval(), z.toLocal(), 1e-15);
        DistributionReport.ArrayEntry e = ctx.report().array("z");
        assertEquals("1D_Block(axis 0: 0+5+3+0+9+1+4+0)", e.layout());
        assertTrue(e.why().contains("subtract(multiply(add(x, y), 2), exp(x))"), e.why());
        assertTrue(e.why().contains("one kernel per block"), e.why());
        assertThrows(IllegalArgumentException.class, () -> x.add(ctx.fromLocal(a, 0, 3)));
    }

    @Test
    void reductionsEqualOneProcess() {
        UsmNdArray a = local(5, N, 3);
        DistArray x = ctx.fromLocal(a, Layout.sized(a.shape(), 0, SIZES));
        close(a.sum(), x.sum(), 1e-14);
        close(a.mean(), x.mean(), 1e-14);
        assertEquals(a.min().item(), x.min().item());
        assertEquals(a.max().item(), x.max().item());
        UsmNdArray ints = new RandomState(6, on).integers(-1_000_000, 1_000_000, N);
        DistArray xi = ctx.fromLocal(ints, Layout.sized(ints.shape(), 0, SIZES));
        assertEquals(ints.sum().itemLong(), xi.sum().itemLong());
        assertEquals(DType.INT64, xi.sum().dtype());
        assertEquals(ints.min().itemLong(), xi.min().itemLong());
        assertEquals(Tensor.matmul(ints, ints).itemLong(), xi.dot(xi).itemLong());
        assertThrows(IllegalArgumentException.class, () -> ctx.fromLocal(Tensor.empty(new long[] {0}, on), 0, 3).min());
        DistributionReport.ArrayEntry total = ctx.report().array("sum(" + xi.name() + ")");
        assertEquals("REP", total.layout());
        assertTrue(total.why().contains("tree-combined"), total.why());
        assertFalse(ctx.report().operations().stream().filter(o -> o.operation().startsWith("sum")).anyMatch(o -> o.shuffle()));
    }

    @Test
    void matrixProducts() {
        UsmNdArray a = local(7, N, 4), w = local(8, 4), m = local(9, 4, 6);
        Layout rows = Layout.sized(a.shape(), 0, SIZES);
        DistArray x = ctx.fromLocal(a, rows).named("X");
        close(a.matmul(w), x.matmul(w).toLocal(), 1e-14);
        close(a.matmul(m), x.multiply(1.0).matmul(m).toLocal(), 1e-14);
        UsmNdArray v = local(10, N);
        DistArray dv = ctx.fromLocal(v, Layout.sized(v.shape(), 0, SIZES));
        close(v.matmul(a), dv.matmulToLocal(x), 1e-14);
        UsmNdArray b = local(11, 4, 5);
        DistArray db = ctx.fromLocal(b, 0, 3).named("B");
        ctx.report().clear();
        close(a.matmul(b), x.matmul(db).toLocal(), 1e-14);
        assertEquals(1, ctx.report().shuffles().size(), ctx.report().toString());
        assertTrue(ctx.report().shuffles().get(0).operation().equals("matmul X @ B"), ctx.report().toString());
        assertThrows(IllegalArgumentException.class, () -> dv.matmul(x));
    }

    @Test
    void slicesAndReshapesKeepTheBlocks() {
        UsmNdArray a = local(12, N, 2);
        DistArray x = ctx.fromLocal(a, Layout.sized(a.shape(), 0, SIZES));
        DistArray s = x.slice(4, 15);
        assertEquals("1D_Block(axis 0: 0+1+3+0+7+0+0+0)", s.layout().describe());
        assertArrayEquals(a.get("4:15").toDoubleArray(), s.toLocal().toDoubleArray());
        DistArray flat = x.reshape(N * 2);
        assertEquals("1D_Block(axis 0: 0+10+6+0+18+2+8+0)", flat.layout().describe());
        assertArrayEquals(a.ravel().toDoubleArray(), flat.toLocal().toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> x.reshape(11, 4));
    }
}
