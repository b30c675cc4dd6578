package org.jdpx.samples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.Kernels;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.fusion.FusedKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class SamplesTest {

    @TempDir
    Path dir;

    /** Every sample on every device, each checked against its plain-Java reference by {@link Check}. */
    @OnEveryDevice
    void everySampleMatchesItsReference(Device device) {
        assertAll(everySample(device, false));
    }

    /**
     * The same in checked mode: every kernel the samples launch (their own and the array
     * library's) bounds-checked, with the same results and no violation reported.
     */
    @OnEveryDevice
    void everySampleMatchesItsReferenceInCheckedMode(Device device) {
        assertAll(everySample(device, true));
    }

    private List<Executable> everySample(Device device, boolean checked) {
        return Samples.all(dir.resolve("m.png")).stream().map(s -> (Executable) () -> {
            Tour.Entry[] run = new Tour.Entry[1];
            Runnable tour = () -> run[0] = Tour.runOne(s, device);
            if (checked) {
                Kernels.checked(tour);
            } else {
                Kernels.unchecked(tour);
            }
            Tour.Entry e = run[0];
            assertTrue(e.ok(), s.name() + " (" + s.style().label() + ") on " + device.filterString() + ": " + e.detail());
            assertEquals(device.filterString(), e.device(), s.name() + " (" + s.style().label() + ") ran elsewhere");
            String expected = device.hasAspect(Aspect.FP64) && s.style() != Sample.Style.KERNEL ? "float64" : "float32";
            assertEquals(expected, e.precision(), s.name() + " (" + s.style().label() + ") precision");
        }).toList();
    }

    @OnEveryDevice
    void mandelbrotWritesItsPicture(Device device) throws IOException {
        Path png = dir.resolve("mandelbrot.png");
        Sample.Result r = new MandelbrotKernel(png).run(device);
        assertTrue(r.ok(), r.detail());
        assertEquals(png, r.output());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(MandelbrotKernel.WIDTH, img.getWidth());
        assertEquals(MandelbrotKernel.HEIGHT, img.getHeight());
        // the point c = 0 is in the set (white), the corner c = -2.25 - 1.25i escapes at once (black)
        int cx = Math.round(-MandelbrotKernel.X0 / MandelbrotKernel.STEP), cy = Math.round(-MandelbrotKernel.Y0 / MandelbrotKernel.STEP);
        assertEquals(255, img.getRaster().getSample(cx, cy, 0));
        assertEquals(255 / MandelbrotKernel.MAX_ITER, img.getRaster().getSample(0, 0, 0));
    }

    /**
     * The {@code @Stencil} Jacobi gives the array-style Jacobi's grid bit for bit: the same sums
     * in the same order, float64 where the device has it and float32 where it has not.
     */
    @OnEveryDevice
    void stencilJacobiEqualsArrayJacobi(Device device) {
        int n = 67;
        double[] grid = References.uniform(n * n, 0, 1, 11);
        UsmNdArray g = Tensor.asarray(grid, new long[] {n, n}, ArrayOptions.on(device));
        long before = FusedKernels.launches();
        double[] stencil = JacobiStencil.jacobi(g, 20).toDoubleArray();
        assertEquals(20 + 2, FusedKernels.launches() - before, "two copies, then one kernel per sweep");
        double[] array = JacobiArray.jacobi(g, 20).toDoubleArray();
        assertArrayEquals(array, stencil, 0.0);
        double[] ref = References.jacobi(grid, n, 20);
        assertEquals(ref[n + 1], stencil[n + 1], device.hasAspect(Aspect.FP64) ? 1e-15 : 1e-6, "an interior point, against plain Java");
        assertEquals(grid[5], stencil[5], device.hasAspect(Aspect.FP64) ? 0 : 1e-7, "the border stays fixed");
    }

    @OnEveryDevice
    void mixingDevicesFailsUntilOneArrayMoves(Device device) {
        ComputeFollowsData.Outcome o = ComputeFollowsData.demonstrate(device);
        assertTrue(o.ok(), o.toString());
        assertTrue(o.error().contains("toDevice"), o.error());
        assertEquals(device.filterString(), o.fixedDevice());
    }

    @Test
    void theSeedProgramsAreThereInTheirStyles() {
        Set<String> got = Samples.all().stream().map(s -> s.name() + "/" + s.style().label()).collect(Collectors.toSet());
        assertEquals(Set.of("pi/array", "pi/prange", "pi/kernel", "l2 distance/array", "l2 distance/prange", "l2 distance/kernel", "logistic regression/array",
                "softmax/array", "jacobi stencil/array", "jacobi stencil/kernel", "jacobi stencil/stencil", "black-scholes/array", "black-scholes/kernel",
                "mandelbrot/kernel", "matmul/array", "matmul/kernel", "gemv/array", "gemv/kernel"), got);
    }

    @Test
    void checksRejectWrongResults() {
        assertTrue(Check.scalar("pi", 3.14159265, Math.PI, 1e-8, "d", "float64").ok());
        assertTrue(!Check.scalar("pi", 3.1417, Math.PI, 1e-5, "d", "float64").ok());
        assertTrue(!Check.scalar("pi", Double.NaN, Math.PI, 1e-5, "d", "float64").ok());
        double[] ref = {1, 2, 3};
        assertTrue(Check.arrays("v", new double[] {1, 2, 3 + 1e-9}, ref, 1e-8, "d", "float64").ok());
        assertTrue(!Check.arrays("v", new double[] {1, 2.001, 3}, ref, 1e-5, "d", "float64").ok());
        assertTrue(!Check.arrays("v", new double[] {1, Double.NaN, 3}, ref, 1e-5, "d", "float64").ok());
        assertTrue(!Check.arrays("v", new double[] {1, 2}, ref, 1e-5, "d", "float64").ok());
    }

    @Test
    void aFailingSampleBecomesAFailedEntryWithItsReason() {
        Sample broken = new Sample() {
            @Override public String name() { return "broken"; }
            @Override public Style style() { return Style.KERNEL; }
            @Override public Result run(Device device) { throw new IllegalStateException("no luck", new ArithmeticException("x")); }
        };
        Tour.Entry e = Tour.runOne(broken, null);
        assertTrue(!e.ok());
        assertEquals("java.lang.IllegalStateException: no luck; caused by java.lang.ArithmeticException: x", e.detail());
    }
}
