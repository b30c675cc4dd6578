package org.jdpx.samples;

import java.util.function.Function;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.prange.Prange;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.usm.UsmMemory;

/**
 * Each sample's computation on its tour inputs, split for the performance report: the inputs made
 * once, then {@link Timed#device()} readies the sample's device code on a device (compiling where
 * the sample compiles ahead), whose runs go from host inputs to a host result (uploads, launches and
 * read-back included, the check not), and {@link Timed#reference()} is its plain-Java reference
 * ({@link References}) on the same inputs.
 */
public final class SampleTimings {
    private SampleTimings() {
    }

    /**
     * One sample ready to time.
     *
     * @param size      the problem size the report shows (steps, elements, grid or matrix side, pixels)
     * @param device    the sample's device code readied on a device
     * @param reference the plain-Java reference on the same inputs
     */
    public record Timed(long size, Function<Device, Runnable> device, Runnable reference) {
    }

    /** {@code sample} with its inputs made; every sample of {@link Samples#all()} has one. */
    public static Timed of(Sample sample) {
        return switch (sample) {
            case PiArray p -> new Timed(PiArray.STEPS, d -> () -> PiArray.pi(d, PiArray.STEPS).item(),
                    () -> References.pi(PiArray.STEPS));
            case PiPrange p -> piPrange();
            case PiKernel p -> {
                int steps = PiKernel.GROUPS * PiKernel.GROUP * PiKernel.STEPS_PER_ITEM;
                yield new Timed(steps, d -> () -> PiKernel.pi(d, PiKernel.GROUPS), () -> References.pi(steps));
            }
            case L2Array p -> {
                double[] a = References.uniform(L2Array.N, 0, 1, 1), b = References.uniform(L2Array.N, 0, 1, 2);
                yield new Timed(L2Array.N, d -> () -> L2Array.l2Distance(SampleTimings.upload(a, d), SampleTimings.upload(b, d)).item(),
                        () -> References.l2Distance(a, b));
            }
            case L2Prange p -> l2Prange();
            case L2Kernel p -> {
                int n = L2Kernel.ROWS * L2Kernel.COLS;
                double[] a = References.uniform(n, 0, 1, 1), b = References.uniform(n, 0, 1, 2);
                float[] fa = References.toFloats(a), fb = References.toFloats(b);
                yield new Timed(n, d -> () -> L2Kernel.l2Distance(d, fa, fb, L2Kernel.ROWS, L2Kernel.COLS),
                        () -> References.l2Distance(a, b));
            }
            case LogisticRegressionArray p -> {
                int points = LogisticRegressionArray.POINTS, features = LogisticRegressionArray.FEATURES;
                double[] x = References.uniform(points * features, -1, 1, 4), y = LogisticRegressionArray.labels(x);
                int iterations = LogisticRegressionArray.ITERATIONS;
                double rate = LogisticRegressionArray.RATE;
                yield new Timed(points, d -> () -> LogisticRegressionArray.train(SampleTimings.upload(y, d),
                        SampleTimings.upload(x, new long[] {points, features}, d), iterations, rate).toDoubleArray(),
                        () -> References.logisticRegression(y, x, features, iterations, rate));
            }
            case SoftmaxArray p -> {
                double[] a = References.uniform(SoftmaxArray.N, -10, 10, 3);
                yield new Timed(SoftmaxArray.N, d -> () -> SoftmaxArray.softmax(SampleTimings.upload(a, d)).toDoubleArray(),
                        () -> References.softmax(a));
            }
            default -> SampleTimingsMore.of(sample);
        };
    }

    /** {@code a} on {@code d}, as the samples upload their inputs. */
    static UsmNdArray upload(double[] a, Device d) {
        return Tensor.asarray(a, null, ArrayOptions.on(d));
    }

    /** {@code a} on {@code d} in {@code shape}. */
    static UsmNdArray upload(double[] a, long[] shape, Device d) {
        return Tensor.asarray(a, shape, ArrayOptions.on(d));
    }

    /** Compiled for the device, float where it has no fp64, as the sample does. */
    private static Timed piPrange() {
        int steps = PiPrange.STEPS;
        return new Timed(steps, d -> {
            if (d.hasAspect(Aspect.FP64)) {
                Prange.F1<Integer, Double> pi = Prange.compile(PiPrange::pi, d);
                return () -> pi.apply(steps);
            }
            Prange.F1<Integer, Float> pi = Prange.compile(PiPrange::piFloat, d);
            return () -> pi.apply(steps / PiPrange.BLOCK);
        }, () -> References.pi(steps));
    }

    /** As the sample runs it: both vectors copied to fresh device memory, the loop, the scalar back. */
    private static Timed l2Prange() {
        int n = L2Prange.N;
        double[] a = References.uniform(n, 0, 1, 1), b = References.uniform(n, 0, 1, 2);
        float[] fa = References.toFloats(a), fb = References.toFloats(b);
        return new Timed(n, d -> {
            boolean fp64 = d.hasAspect(Aspect.FP64);
            Prange.F2<DoubleArray, DoubleArray, Double> l64 = fp64 ? Prange.compile(L2Prange::l2Distance, d) : null;
            Prange.F2<FloatArray, FloatArray, Float> l32 = fp64 ? null : Prange.compile(L2Prange::l2DistanceFloat, d);
            return () -> {
                try (UsmMemory am = UsmMemory.allocateDevice(d, (fp64 ? 8L : 4L) * n);
                     UsmMemory bm = UsmMemory.allocateDevice(d, (fp64 ? 8L : 4L) * n)) {
                    if (fp64) {
                        am.copyFromHost(a);
                        bm.copyFromHost(b);
                        l64.apply(DoubleArray.on(am), DoubleArray.on(bm));
                    } else {
                        am.copyFromHost(fa);
                        bm.copyFromHost(fb);
                        l32.apply(FloatArray.on(am), FloatArray.on(bm));
                    }
                }
            };
        }, () -> References.l2Distance(a, b));
    }
}
