package org.jdpx.distributed.samples;

import org.jdpx.device.Device;
import org.jdpx.distributed.DistArray;
import org.jdpx.distributed.DistContext;
import org.jdpx.samples.Check;
import org.jdpx.samples.LogisticRegressionArray;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Logistic regression with the points split by rows and the weights replicated: per iteration
 * {@code X @ w} with {@code w} broadcast, the sigmoid fused per block, and the gradient
 * {@code r @ X} as partial products tree-reduced into a replicated vector.
 */
public final class DistLogisticRegression extends DistributedSample {
    static final int POINTS = 4096, FEATURES = 16, ITERATIONS = 20;

    /** Logistic regression over {@code ctx} with the points in {@code blocks} blocks. */
    public DistLogisticRegression(DistContext ctx, int blocks) {
        super(ctx, blocks);
    }

    /** The weights after {@code iterations} gradient steps (replicated, on the driver). */
    public static UsmNdArray train(DistArray y, DistArray x, int iterations, double rate) {
        UsmNdArray w = Tensor.zeros(new long[] {x.shape()[1]}, ArrayOptions.on(x.context().driverQueue()).dtype(x.dtype()));
        for (int i = 0; i < iterations; i++) {
            DistArray sigma = y.negative().multiply(x.matmul(w)).exp().add(1.0).rdivide(1.0);
            UsmNdArray grad = sigma.subtract(1.0).multiply(y).matmulToLocal(x);
            w = w.subtract(grad.multiply(rate)).eval();
        }
        return w;
    }

    /** ±1 labels from a fixed hyperplane of uniform points in [-1, 1). */
    static UsmNdArray[] data(ArrayOptions on, int points) {
        UsmNdArray x = new org.jdpx.dpnp.RandomState(4, on).uniform(-1, 1, points, FEATURES);
        UsmNdArray plane = Tensor.asarray(new double[] {-1, 0.25, 1.5, -0.25, 1, 2.25, 0.5, 1.75, 3, 1.25, 2.5, 3.75, 2, 3.25, 4.5, 2.75},
                new long[] {FEATURES}, on.dtype(x.dtype()));
        UsmNdArray y = Tensor.where(Tensor.greaterEqual(x.matmul(plane), 0), 1.0, -1.0).astype(x.dtype()).eval();
        return new UsmNdArray[] {y, x};
    }

    @Override public String name() { return "logistic regression (distributed)"; }

    @Override
    Result run(DistContext on, Device device) {
        UsmNdArray[] yx = data(ArrayOptions.on(device), POINTS);
        double rate = 1.0 / POINTS;
        UsmNdArray one = LogisticRegressionArray.train(yx[0], yx[1], ITERATIONS, rate);
        UsmNdArray w = train(on.fromLocal(yx[0], 0, blocks), on.fromLocal(yx[1], 0, blocks), ITERATIONS, rate);
        return Check.arrays("weights", w, one.toDoubleArray(), 1e-12, 1e-5);
    }
}
