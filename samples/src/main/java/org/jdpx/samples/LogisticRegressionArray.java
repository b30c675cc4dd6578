package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.ArrayScope;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Logistic regression in array style, the one-line ParallelAccelerator loop
 * {@code w -= dot(((1 / (1 + exp(-Y * dot(X, w)))) - 1) * Y, X)}, here with a step size so it
 * converges. Every operation runs on the device of {@code X} and {@code Y}; each step runs in an
 * {@link ArrayScope} that keeps only the new weights, so the step's temporaries give their memory
 * back at once rather than when the garbage collector finds them.
 */
public final class LogisticRegressionArray implements Sample {
    static final int POINTS = 4096, FEATURES = 16, ITERATIONS = 20;
    static final double RATE = 1.0 / POINTS;

    /** The weights after {@code iterations} gradient steps, on the device of {@code x}. */
    public static UsmNdArray train(UsmNdArray y, UsmNdArray x, int iterations, double rate) {
        UsmNdArray w = Tensor.zeros(new long[] {x.shape()[1]}, ArrayOptions.on(x.queue()).dtype(x.dtype()));
        for (int i = 0; i < iterations; i++) {
            try (ArrayScope step = ArrayScope.open()) {
                UsmNdArray sigma = Tensor.divide(1.0, Tensor.exp(y.negative().multiply(x.matmul(w))).add(1.0));
                w = step.keep(w.subtract(sigma.subtract(1.0).multiply(y).matmul(x).multiply(rate)).eval());
            }
        }
        return w;
    }

    @Override public String name() { return "logistic regression"; }
    @Override public Style style() { return Style.ARRAY; }

    @Override
    public Result run(Device device) {
        double[] x = References.uniform(POINTS * FEATURES, -1, 1, 4);
        double[] y = labels(x);
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray w = train(Tensor.asarray(y, null, on), Tensor.asarray(x, new long[] {POINTS, FEATURES}, on),
                ITERATIONS, RATE);
        return Check.arrays("weights", w, References.logisticRegression(y, x, FEATURES, ITERATIONS, RATE), 1e-12, 1e-5);
    }

    /** ±1 labels from a fixed hyperplane, so there is something to learn. */
    static double[] labels(double[] x) {
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double z = 0;
            for (int j = 0; j < FEATURES; j++) z += x[i * FEATURES + j] * (j % 3 - 1 + 0.25 * j);
            y[i] = z >= 0 ? 1 : -1;
        }
        return y;
    }
}
