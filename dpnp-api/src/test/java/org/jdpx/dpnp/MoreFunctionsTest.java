package org.jdpx.dpnp;

import static org.jdpx.dpnp.ErrorsTest.says;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.Ufunc;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MoreFunctions beyond its NumPy goldens ({@link HistTextNumpyTest}): frompyfunc's ufuncs
 * against plain Java on every device, the configuration text naming every device and driver, and
 * what users get for bad arguments and variants left out.
 */
class MoreFunctionsTest {

    static final class Fns {
        static float hinge(float x) { return x > 1f ? x - 1f : 0.5f * x; }

        static float blend(float a, float b) { return 0.25f * a + b * b; }
    }

    @OnEveryDevice
    void frompyfuncAppliesTheJavaMethodElementwiseOnTheDevice(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        float[] a = {-2f, 0.5f, 1f, 1.5f, 7.25f, -0.125f};
        float[] b = {3f, -1f, 0.5f, 2f, 0f, 10f};
        UsmNdArray x = Tensor.asarray(a, new long[] {2, 3}, on);
        UsmNdArray y = Tensor.asarray(b, new long[] {2, 3}, on);
        Ufunc hinge = Dpnp.frompyfunc(Fns::hinge, 1, 1);
        Ufunc blend = Dpnp.frompyfunc(Fns::blend, 2, 1);
        float[] h = hinge.apply(x).toFloatArray();
        float[] g = blend.apply(x, y.get("0:1")).toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertEquals(Fns.hinge(a[i]), h[i], 0f, "hinge at " + i);
            assertEquals(Fns.blend(a[i], b[i % 3]), g[i], 0f, "blend at " + i + " (broadcast row)");
        }
        assertEquals(1, hinge.nin());
        assertEquals(1, hinge.nout());
    }

    @Test
    void showConfigAndRuntimeNameJavaJdpxAndEveryDeviceWithItsDriver() {
        String config = Dpnp.showConfig();
        String runtime = Dpnp.showRuntime();
        for (String s : new String[] {config, runtime}) {
            assertTrue(s.contains(System.getProperty("java.version")), s);
            assertTrue(s.contains("0.1.0"), s);
            for (Device d : Devices.all()) {
                assertTrue(s.contains("filter: " + d.filterString()), d.filterString() + " missing from\n" + s);
                assertTrue(s.contains("driver version: " + d.info().driverVersion()), s);
                assertTrue(s.contains("name: " + d.info().name()), s);
            }
        }
        assertTrue(config.startsWith("Build Dependencies:\n  jdpx: "), config);
        assertTrue(config.contains("kernel compiler: " + org.jdpx.kernels.frontend.Frontend.COMPILER_VERSION), config);
    }

    @OnEveryDevice
    void badArgumentsAndVariantsLeftOutSayWhatToDo(Device device, @TempDir Path tmp) throws IOException {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray s = Dpnp.reshape(Dpnp.arange(0, 12, 1, on), 6, 2);
        says(IllegalArgumentException.class, "histogramdd: bins[1] must be a positive integer, got 0",
                () -> Dpnp.histogramdd(s, new int[] {3, 0}, null, false, null));
        says(IllegalArgumentException.class, "histogramdd: the dimension of bins (3) must equal the dimension of the sample (2)",
                () -> Dpnp.histogramdd(s, new int[] {3, 3, 3}, null, false, null));
        says(IllegalArgumentException.class, "histogramdd: sample must be an (N, D) array",
                () -> Dpnp.histogramdd(Dpnp.reshape(s, 2, 3, 2), new int[] {2, 2}, null, false, null));
        UsmNdArray down = Tensor.asarray(new float[] {0f, 2f, 1f}, null, on);
        says(IllegalArgumentException.class, "histogramdd: bins[0] must be monotonically increasing",
                () -> Dpnp.histogram2d(down, down, down, Tensor.asarray(new float[] {0f, 1f}, null, on), false, null));
        UsmNdArray nan = Tensor.asarray(new float[] {0f, Float.NaN, 1f}, null, on);
        says(IllegalArgumentException.class, "autodetected range of dimension 0 is not finite",
                () -> Dpnp.histogram2d(nan, down, 3, null, false, null));
        says(IllegalArgumentException.class, "range[1] must be finite",
                () -> Dpnp.histogram2d(down, down, 3, new double[][] {{0, 1}, {0, Double.POSITIVE_INFINITY}}, false, null));
        says(IllegalArgumentException.class, "histogramdd: weights must be a 1-D array of 3 values",
                () -> Dpnp.histogram2d(down, down, 3, null, false, Dpnp.ones(new long[] {2}, on)));
        says(UnsupportedOperationException.class, "fromstring: binary mode (sep='') is not supported",
                () -> Dpnp.fromstring("1 2", DType.FLOAT32, -1, "", on));
        says(IllegalArgumentException.class, "fromstring: could not convert string 'x' to a number",
                () -> Dpnp.fromstring("1, x, 3", DType.FLOAT32, -1, ",", on));
        says(IllegalArgumentException.class, "fromstring: string is smaller than requested size",
                () -> Dpnp.fromstring("1 2", DType.INT64, 5, " ", on));
        Path f = Files.writeString(tmp.resolve("t.txt"), "1,2,3\n4,5\n");
        says(IllegalArgumentException.class, "fromregex: the regular expression '\\d+' has no groups",
                () -> Dpnp.fromregex(f, "\\d+", DType.INT64, on));
        says(IllegalArgumentException.class, "genfromtxt: line #2 (got 2 columns instead of 3)",
                () -> Dpnp.genfromtxt(f, DType.FLOAT32, ",", 0, null, null, on));
        says(IllegalArgumentException.class, "genfromtxt: usecols 5 is out of range for line #1",
                () -> Dpnp.genfromtxt(f, DType.FLOAT32, ",", 0, new int[] {5}, null, on));
        says(UnsupportedOperationException.class, "genfromtxt: dtype bool is not supported",
                () -> Dpnp.genfromtxt(f, DType.BOOL, ",", 0, new int[] {0}, null, on));
        assertArrayEquals(new long[] {1, 4}, Dpnp.genfromtxt(f, DType.INT64, ",", 0, new int[] {0}, null, on).toLongArray());
        says(UnsupportedOperationException.class, "frompyfunc: nout=2 is not supported",
                () -> Dpnp.frompyfunc(Fns::hinge, 1, 2));
        says(IllegalArgumentException.class, "frompyfunc: nin=1 but Fns.blend takes 2 arguments",
                () -> Dpnp.frompyfunc(Fns::blend, 1, 1));
    }
}
