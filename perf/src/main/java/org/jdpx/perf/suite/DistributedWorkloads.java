package org.jdpx.perf.suite;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.distributed.DistArray;
import org.jdpx.distributed.DistContext;
import org.jdpx.distributed.samples.DistL2;
import org.jdpx.distributed.samples.DistLogisticRegression;
import org.jdpx.dpnp.RandomState;
import org.jdpx.samples.L2Array;
import org.jdpx.samples.LogisticRegressionArray;
import org.jdpx.samples.References;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * The distributed samples on an embedded Spark {@code local[cores]} with two blocks per core,
 * each block on the row's device: l2 distance and one logistic-regression gradient step, next to
 * the same program in one jdpx process ({@code jdpxLocal}, the default device) and plain Java
 * ({@code java1}); and an empty Spark stage over the same blocks, the fixed cost every
 * distributed operation pays here (a cluster adds the network and executor launch on top).
 */
final class DistributedWorkloads {
    static final int FEATURES = 16;
    private static DistContext spark;

    private DistributedWorkloads() {
    }

    static List<Workload> all() {
        return List.of(l2(), logisticRegression(), emptyStage());
    }

    /** The shared embedded Spark, started on the first distributed row and stopped at exit. */
    static synchronized DistContext spark() {
        if (spark == null) {
            spark = DistContext.local(JavaLoops.threads());
            Runtime.getRuntime().addShutdownHook(new Thread(spark::close));
        }
        return spark;
    }

    static int blocks() {
        return 2 * JavaLoops.threads();
    }

    static Workload l2() {
        return Workload.named("dist_l2_distance").style("distributed").dtype("float64")
                .sizes(List.of(1L << 22), List.of(1L << 22, 1L << 24))
                .rate(Rate.bandwidth(n -> 16.0 * n))
                .skipOn(StreamWorkloads::noFp64, "the device has no fp64")
                .body((d, n) -> {
                    var r = spark().onDevice(d.filterString()).random(1);
                    DistArray a = r.random(new long[] {n}, DType.FLOAT64, blocks()), b = r.random(new long[] {n}, DType.FLOAT64, blocks());
                    a.rdd().count();
                    b.rdd().count();
                    return Trial.timed(() -> checkL2(DistL2.l2Distance(a, b).item(), n));
                })
                .peer("java1", n -> {
                    double[] a = References.uniform(Math.toIntExact(n), 0, 1, 1), b = References.uniform(Math.toIntExact(n), 0, 1, 2);
                    return Trial.timed(() -> checkL2(References.l2Distance(a, b), n));
                })
                .peer("jdpxLocal", n -> {
                    RandomState r = new RandomState(1, ArrayOptions.defaults().dtype(DType.FLOAT64));
                    UsmNdArray a = r.random(new long[] {n}, DType.FLOAT64), b = r.random(new long[] {n}, DType.FLOAT64);
                    return Trial.timed(() -> checkL2(L2Array.l2Distance(a, b).item(), n));
                })
                .build();
    }

    static Workload logisticRegression() {
        return Workload.named("dist_logistic_regression_step").style("distributed").dtype("float64")
                .sizes(List.of(1L << 18), List.of(1L << 18, 1L << 20))
                .rate(Rate.flops(n -> 4.0 * n * FEATURES, true))
                .skipOn(StreamWorkloads::noFp64, "the device has no fp64")
                .body((d, n) -> {
                    DistContext c = spark().onDevice(d.filterString());
                    UsmNdArray[] yx = data(ArrayOptions.on(c.driverQueue()), n);
                    DistArray y = c.fromLocal(yx[0], 0, blocks()), x = c.fromLocal(yx[1], 0, blocks());
                    y.rdd().count();
                    x.rdd().count();
                    return Trial.timed(() -> checkWeights(DistLogisticRegression.train(y, x, 1, 1.0 / n).toDoubleArray()));
                })
                .peer("java1", n -> {
                    UsmNdArray[] yx = data(ArrayOptions.defaults(), n);
                    double[] y = yx[0].toDoubleArray(), x = yx[1].toDoubleArray();
                    return Trial.timed(() -> checkWeights(References.logisticRegression(y, x, FEATURES, 1, 1.0 / n)));
                })
                .peer("jdpxLocal", n -> {
                    UsmNdArray[] yx = data(ArrayOptions.defaults(), n);
                    return Trial.timed(() -> checkWeights(LogisticRegressionArray.train(yx[0], yx[1], 1, 1.0 / n).toDoubleArray()));
                })
                .build();
    }

    static Workload emptyStage() {
        return Workload.named("dist_empty_stage").style("distributed").dtype("float64").size(1L << 20)
                .rate(Rate.perSecond("stage/s"))
                .skipOn(StreamWorkloads::noFp64, "the device has no fp64")
                .body((Device d, long n) -> {
                    DistArray x = spark().onDevice(d.filterString()).full(new long[] {n}, 1.0, DType.FLOAT64, blocks());
                    x.rdd().count();
                    return Trial.timed(() -> x.rdd().foreachPartition(it -> it.forEachRemaining(b -> { })));
                })
                .build();
    }

    /** Labels from a fixed hyperplane over uniform points in [-1, 1), float64 (on the options' device). */
    static UsmNdArray[] data(ArrayOptions on, long points) {
        UsmNdArray x = new RandomState(4, on.dtype(DType.FLOAT64)).uniform(-1, 1, points, FEATURES);
        UsmNdArray plane = Tensor.linspace(-2, 3, FEATURES, true, on.dtype(DType.FLOAT64));
        UsmNdArray y = Tensor.where(Tensor.greaterEqual(x.matmul(plane), 0), 1.0, -1.0).astype(DType.FLOAT64).eval();
        return new UsmNdArray[] {y, x};
    }

    private static void checkL2(double d, long n) {
        if (Math.abs(d - n / 6.0) > 0.05 * n / 6.0) throw new IllegalStateException("l2 distance² of uniforms came out " + d + " for n = " + n);
    }

    private static void checkWeights(double[] w) {
        for (double v : w) if (!Double.isFinite(v)) throw new IllegalStateException("logistic regression weight " + v);
    }
}
