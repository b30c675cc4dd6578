package org.jdpx.interop.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * Every file NumPy wrote in {@code numpy/npy/generate_npy.py} (each dtype, C and Fortran order,
 * both byte orders, 0-d, empty, versions 1–3, .npz stored and deflated) read by jdpx, element by
 * element equal to NumPy's bits: onto every device, onto the host, and memory-mapped.
 */
class NpyNumpyFilesTest {

    @OnEveryDevice
    void numpyFilesLoadOnEveryDevice(Device device) throws Exception {
        ArrayOptions on = ArrayOptions.on(device);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Golden g : Golden.all()) {
            UsmNdArray x;
            if (g.member().isEmpty()) {
                x = Npy.load(g.path(), on);
            } else {
                try (NpzFile z = Npz.load(g.path(), on)) {
                    x = z.get(g.member());
                }
            }
            String problem = compare(g, x, DTypes.forDevice(g.dtype(), device, false));
            if (problem != null) failures.add(g.name() + ": " + problem);
            if (g.fortran() && !Shapes.isFContiguous(x.shape(), x.strides())) failures.add(g.name() + ": not loaded in Fortran layout");
            checked++;
        }
        assertEquals(91, checked, "arrays in expected.txt");
        assertTrue(failures.isEmpty(), device.filterString() + ":\n" + String.join("\n", failures));
    }

    @Test
    void numpyFilesReadOnTheHost() throws Exception {
        for (Golden g : Golden.all()) {
            if (!g.member().isEmpty()) continue;
            NpyData d = Npy.read(g.path());
            assertEquals(g.dtype(), d.dtype(), g.name());
            assertArrayEquals(g.shape(), d.shape(), g.name());
            assertEquals(g.version(), d.header().version(), g.name());
            assertEquals(g.order(), d.header().byteOrder(), g.name());
            assertEquals(g.fortran(), d.header().fortranOrder(), g.name());
            assertArrayEquals(g.bits(), Golden.bitsOf(d.data(), d.dtype(), Shapes.size(g.shape())), g.name());
        }
    }

    @OnEveryDevice
    void numpyFilesMapOnEveryDevice(Device device) throws Exception {
        ArrayOptions on = ArrayOptions.on(device);
        List<String> failures = new ArrayList<>();
        for (Golden g : Golden.all()) {
            if (!g.member().isEmpty()) continue;
            try (MappedNpy m = Npy.map(g.path())) {
                String problem = compare(g, m.read(on), DTypes.forDevice(g.dtype(), device, false));
                if (problem != null) failures.add(g.name() + ": " + problem);
            }
        }
        assertTrue(failures.isEmpty(), device.filterString() + ":\n" + String.join("\n", failures));
    }

    /** Null when {@code x} holds the golden's elements as {@code held}, else what differs. */
    static String compare(Golden g, UsmNdArray x, DType held) {
        if (x.dtype() != held) return "dtype " + x.dtype() + ", expected " + held;
        if (!java.util.Arrays.equals(x.shape(), g.shape())) return "shape " + Shapes.describe(x.shape()) + ", NumPy " + Shapes.describe(g.shape());
        long[] got = Golden.bitsOf(x);
        if (held != g.dtype()) got = Golden.canonicalFloat32(got);
        long[] want = g.bitsAs(held);
        for (int i = 0; i < want.length; i++) {
            if (got[i] != want[i]) return "element " + i + " has bits " + Long.toHexString(got[i]) + ", NumPy " + Long.toHexString(want[i]);
        }
        return null;
    }
}
