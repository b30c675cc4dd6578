package org.jdpx.interop.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.junit.jupiter.api.io.TempDir;

/**
 * loadtxt reads one value as NumPy's loadtxt read it ({@code numpy/npy/text/values.txt}, written by
 * generate_npy.py): Python's float syntax for floats (nan and inf in any case, but no Java
 * {@code d}/{@code f} suffix, no hexadecimal), plain decimal integers for integer dtypes (no
 * {@code True}/{@code False}), Unicode whitespace around a value stripped as Python strips it (a control
 * character is not whitespace), and a clear error for everything NumPy refuses.
 */
class TextFilesValuesTest {

    @OnEveryDevice
    void readsEachValueAsNumpyDid(Device device, @TempDir Path tmp) throws Exception {
        ArrayOptions on = ArrayOptions.on(device);
        Path file = tmp.resolve("v.txt");
        for (String line : Files.readAllLines(Golden.dir().resolveSibling("text").resolve("values.txt"))) {
            String[] f = line.split("\\|", -1);
            DType dtype = f[0].equals("int64") ? DType.INT64 : null;
            Files.writeString(file, f[1] + "\n");
            if (f[2].equals("ValueError")) {
                String m = assertThrows(IllegalArgumentException.class, () -> TextFiles.loadtxt(file, dtype, ",", 0, null, "#", on),
                        "NumPy refuses " + line).getMessage();
                assertTrue(m.contains("could not convert string '" + f[1].strip() + "'"), m);
            } else if (dtype == null) {
                assertEquals(Double.parseDouble(f[2].replace("inf", "Infinity").replace("nan", "NaN")),
                        TextFiles.loadtxt(file, null, ",", 0, null, "#", on).toDoubleArray()[0], 0, line);
            } else {
                assertEquals(Long.parseLong(f[2]), TextFiles.loadtxt(file, dtype, ",", 0, null, "#", on).toLongArray()[0], line);
            }
        }
    }
}
