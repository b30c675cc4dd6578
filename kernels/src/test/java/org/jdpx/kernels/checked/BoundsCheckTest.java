package org.jdpx.kernels.checked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.KernelBoundsException;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LocalMemory;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.testutil.ArraysOnDevice;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.Test;

/**
 * Checked mode on every device: out-of-bounds writes, reads and atomics at index n and -1, through
 * views that start inside their allocation, in 1-D and 2-D kernels, in a helper, on {@code @Local}
 * and private arrays and in a kernel built from IR, each reported after the launch as a
 * {@link KernelBoundsException} naming kernel, source line, memory, index and length, while the
 * in-range work-items' results stay right. Unchecked kernels are never launched out of bounds on
 * OpenCL devices here (that may crash the JVM).
 */
class BoundsCheckTest {
    private static final int OFFSET = 3;

    private static CompiledKernel kernel(String name) {
        return KernelCompiler.compile(BoundsKernels.class, name);
    }

    /** The line of the {@code // site:NAME} marker in BoundsKernels.java. */
    private static String site(String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/test/java/org/jdpx/kernels/checked/BoundsKernels.java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("// site:" + name)) return "BoundsKernels.java:" + (i + 1);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no site marker " + name);
    }

    private static KernelBoundsException checkedThrows(Runnable launch) {
        return assertThrows(KernelBoundsException.class, () -> Kernels.checked(launch));
    }

    private static void assertReport(KernelBoundsException e, String kernel, String memory, String access, String site,
                                     long index, long length) {
        String m = e.getMessage();
        assertEquals(index, e.index(), m);
        assertEquals(length, e.length(), m);
        assertEquals(kernel, e.kernel(), m);
        assertEquals(memory, e.memory(), m);
        assertEquals(access, e.access(), m);
        assertEquals(site, e.sourcePosition(), m);
        assertTrue(m.startsWith("Index " + index + " out of bounds for length " + length), m);
        assertTrue(m.contains("kernel " + kernel) && m.contains("'" + memory + "'"), m);
        assertTrue(site == null ? m.contains("no source line") : m.contains(" at " + site + " "), m);
    }

    @OnEveryDevice
    void writeAtLengthIsReportedAndSkipped(Device device) {
        int n = 200;
        int[] out = new int[n];
        KernelBoundsException e = checkedThrows(() ->
                ArraysOnDevice.launchAtOffset(device, kernel("shiftedWrite"), Range.of(n), OFFSET, out, 1));
        assertReport(e, "shiftedWrite", "out", "write", site("shiftedWrite"), n, n);
        assertEquals(0, out[0], device.toString());
        for (int k = 1; k < n; k++) assertEquals(k, out[k], device + " at " + k);
    }

    @OnEveryDevice
    void writeAtMinusOneIsReportedAndSkipped(Device device) {
        int n = 130;
        int[] out = new int[n];
        KernelBoundsException e = checkedThrows(() ->
                ArraysOnDevice.launchAtOffset(device, kernel("shiftedWrite"), Range.of(n), OFFSET, out, -1));
        assertReport(e, "shiftedWrite", "out", "write", site("shiftedWrite"), -1, n);
        for (int k = 0; k < n - 1; k++) assertEquals(k + 2, out[k], device + " at " + k);
        assertEquals(0, out[n - 1], device.toString());
    }

    @OnEveryDevice
    void readPastTheEndGivesZeroAndIsReported(Device device) {
        int n = 64;
        float[] in = new float[n], out = new float[n];
        for (int i = 0; i < n; i++) in[i] = i * 0.5f;
        KernelBoundsException e = checkedThrows(() ->
                ArraysOnDevice.launchAtOffset(device, kernel("shiftedRead"), Range.of(n), OFFSET, in, out, 1));
        assertReport(e, "shiftedRead", "in", "read", site("shiftedRead"), n, n);
        for (int i = 0; i < n - 1; i++) assertEquals(in[i + 1] + 1f, out[i], device + " at " + i);
        assertEquals(1f, out[n - 1], "the skipped read gives 0 on " + device);
    }

    @OnEveryDevice
    void readAtMinusOneIsReported(Device device) {
        int n = 64;
        float[] in = new float[n], out = new float[n];
        KernelBoundsException e = checkedThrows(() ->
                ArraysOnDevice.launchAtOffset(device, kernel("shiftedRead"), Range.of(n), OFFSET, in, out, -1));
        assertReport(e, "shiftedRead", "in", "read", site("shiftedRead"), -1, n);
    }

    @OnEveryDevice
    void twoDimensionalWritePastTheLastRow(Device device) {
        int rows = 6, cols = 10;
        try (UsmMemory mem = UsmMemory.allocateDevice(device, 4L * rows * cols)) {
            mem.fill(-1f);
            FloatArray m = FloatArray.on(mem, rows, cols);
            KernelBoundsException e = checkedThrows(() -> Kernels.launch(BoundsKernels::rows, Range.of(rows, cols), m, 1));
            assertTrue(e.index() >= (long) rows * cols && e.index() < (long) (rows + 1) * cols, e.getMessage());
            assertReport(e, "rows", "m", "write", site("rows"), e.index(), (long) rows * cols);
            float[] got = new float[rows * cols];
            mem.copyToHost(got);
            for (int j = 0; j < cols; j++) assertEquals(-1f, got[j], device.toString());
            for (int i = 0; i < rows - 1; i++) {
                for (int j = 0; j < cols; j++) assertEquals(i * 100 + j, got[(i + 1) * cols + j], device + " at " + i + "," + j);
            }
        }
    }

    @OnEveryDevice
    void atomicOnAMissingBinIsReportedAndSkipped(Device device) {
        int n = 256;
        int[] data = new int[n], bins = new int[16], expected = new int[16];
        for (int i = 0; i < n; i++) {
            data[i] = i == 77 ? 16 : (i * 7) % 16;
            if (i != 77) expected[data[i]]++;
        }
        KernelBoundsException e = checkedThrows(() ->
                ArraysOnDevice.launchAtOffset(device, kernel("histogram"), Range.of(n), OFFSET, data, bins));
        assertReport(e, "histogram", "bins", "atomic add", site("histogram"), 16, 16);
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(bins), device.toString());
    }

    @OnEveryDevice
    void accessInAHelperNamesTheHelperLine(Device device) {
        int n = 50;
        int[] out = new int[n];
        KernelBoundsException e = checkedThrows(() ->
                ArraysOnDevice.launchAtOffset(device, kernel("throughHelper"), Range.of(n), OFFSET, out, 1));
        assertReport(e, "throughHelper", "a", "write", site("put"), n, n);
        assertTrue(e.getMessage().contains("in helper ") && e.getMessage().contains("put in kernel"), e.getMessage());
        for (int k = 1; k < n; k++) assertEquals(7 * (k - 1), out[k], device + " at " + k);
    }

    @OnEveryDevice
    void localMemoryIsChecked(Device device) {
        int n = 128, group = 32;
        try (UsmMemory mem = UsmMemory.allocateDevice(device, 4L * n)) {
            IntArray out = IntArray.on(mem);
            KernelBoundsException e = checkedThrows(() -> Kernels.launchAsync(kernel("localShift"), NdRange.of(n, group),
                    List.of(), out, LocalMemory.ints(group), 1).await());
            assertReport(e, "localShift", "scratch", "read", site("localShift"), group, group);
            int[] got = new int[n];
            mem.copyToHost(got);
            for (int g = 0; g < n; g++) {
                int l = g % group;
                assertEquals(l + 1 < group ? (l + 1) * 3 : 0, got[g], device + " at " + g);
            }
        }
    }

    @OnEveryDevice
    void privateArrayIsChecked(Device device) {
        int n = 40;
        int[] out = new int[n];
        KernelBoundsException e = checkedThrows(() ->
                ArraysOnDevice.launch(device, kernel("privateArray"), Range.of(n), out, 1));
        assertReport(e, "privateArray", "t", "read", site("privateArray"), 4, 4);
        for (int i = 0; i < n; i++) assertEquals((i & 3) == 3 ? 0 : i + (i & 3) + 1, out[i], device + " at " + i);
    }

    /** {@code out[gid + shift] = gid} built with IrBuilder, so it has an OFFSET argument and no source lines. */
    private static CompiledKernel irShiftedWrite() {
        IrBuilder b = IrBuilder.kernel("irShiftedWrite");
        Var out = b.view("out", Scalar.I32, 0);
        Var shift = b.value("shift", int.class, 1);
        Var i = b.local("i", Scalar.I32);
        b.assign(i, b.globalId(0));
        b.store(b.read(out), b.add(b.read(i), b.read(shift)), b.read(i));
        return KernelCompiler.fromIr(new KernelModule(b.build(), List.of()), "test-irShiftedWrite");
    }

    @OnEveryDevice
    void kernelBuiltFromIrIsChecked(Device device) {
        int n = 33;
        int[] out = new int[n];
        CompiledKernel k = irShiftedWrite();
        KernelBoundsException e = assertThrows(KernelBoundsException.class, () ->
                ArraysOnDevice.launchAtOffset(device, k.checked(), Range.of(n), OFFSET, out, 1));
        assertReport(e, "irShiftedWrite", "out", "write", null, n, n);
        for (int x = 1; x < n; x++) assertEquals(x - 1, out[x], device + " at " + x);
        int[] ok = new int[n];
        ArraysOnDevice.launchAtOffset(device, k.checked(), Range.of(n - 1), OFFSET, ok, 1);
        for (int x = 1; x < n; x++) assertEquals(x - 1, ok[x], device + " at " + x);
    }

    @OnEveryDevice
    void inBoundsKernelsRunCheckedWithoutError(Device device) {
        int n = 100;
        int[] out = new int[n];
        Kernels.checked(() -> ArraysOnDevice.launchAtOffset(device, kernel("shiftedWrite"), Range.of(n), OFFSET, out, 0));
        for (int k = 0; k < n; k++) assertEquals(k + 1, out[k], device + " at " + k);
    }

    @Test
    void systemPropertyTurnsCheckedModeOn() {
        int n = 20;
        int[] out = new int[n];
        assertFalse(Kernels.isChecked(), "tests run unchecked unless they ask");
        System.setProperty("jdpx.checked", "true");
        try {
            assertTrue(Kernels.isChecked());
            KernelBoundsException e = assertThrows(KernelBoundsException.class, () ->
                    ArraysOnDevice.launch(TestDevices.java(), kernel("shiftedWrite"), Range.of(n), out, 1));
            assertEquals(n, e.index());
            Kernels.unchecked(() -> assertFalse(Kernels.isChecked()));
        } finally {
            System.clearProperty("jdpx.checked");
        }
    }

    @Test
    void uncheckedKernelsAreUnchanged() {
        CompiledKernel k = kernel("histogram");
        assertFalse(k.isChecked());
        assertFalse(k.openclSource().contains("bounds_"), k.openclSource());
        assertTrue(k.checked().openclSource().contains("bounds_miss_i32"), k.checked().openclSource());
        assertEquals(k.arguments().size() + 3, k.checked().arguments().size(), "two extents and the error view");
        // unchecked on the java device: the view's own IndexOutOfBoundsException, not checked mode's
        int[] out = new int[10];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () ->
                Kernels.unchecked(() -> ArraysOnDevice.launch(TestDevices.java(), kernel("shiftedWrite"), Range.of(10), out, 1000)));
        assertFalse(e instanceof KernelBoundsException, e.toString());
    }
}
