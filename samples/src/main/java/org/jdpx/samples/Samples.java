package org.jdpx.samples;

import java.nio.file.Path;
import java.util.List;

/** The registry of samples the tour runs, in the order it runs them. */
public final class Samples {
    private Samples() {
    }

    /** Every sample; Mandelbrot writes its picture to {@code mandelbrotPng}. */
    public static List<Sample> all(Path mandelbrotPng) {
        return List.of(
                new PiArray(), new PiPrange(), new PiKernel(),
                new L2Array(), new L2Prange(), new L2Kernel(),
                new LogisticRegressionArray(),
                new SoftmaxArray(),
                new JacobiArray(), new JacobiKernel(), new JacobiStencil(),
                new BlackScholesArray(), new BlackScholesKernel(),
                new MandelbrotKernel(mandelbrotPng),
                new MatmulArray(), new MatmulKernel(),
                new GemvArray(), new GemvKernel());
    }

    /** Every sample, Mandelbrot writing to {@link MandelbrotKernel#defaultPng()}. */
    public static List<Sample> all() {
        return all(MandelbrotKernel.defaultPng());
    }
}
