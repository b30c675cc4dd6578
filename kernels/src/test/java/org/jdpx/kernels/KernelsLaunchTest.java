package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.Event;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.corpus.Corpus;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kernels.launch on every device: results against plain Java, placement, aspects, the program cache. */
class KernelsLaunchTest {

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextFloat() * 2 - 1;
        }
        return a;
    }

    private static UsmMemory upload(Device d, float[] data) {
        UsmMemory m = UsmMemory.allocateDevice(d, 4L * data.length);
        m.copyFromHost(data);
        return m;
    }

    @OnEveryDevice
    void saxpyMatchesPlainJava(Device device) {
        int n = 10_007;
        float[] x = random(n, 1);
        float[] y = random(n, 2);
        try (UsmMemory xm = upload(device, x); UsmMemory ym = upload(device, y)) {
            Kernels.launch(Corpus::saxpy, Range.of(n), 2.5f, FloatArray.on(xm), FloatArray.on(ym));
            float[] got = new float[n];
            ym.copyToHost(got);
            for (int i = 0; i < n; i++) {
                assertEquals(2.5f * x[i] + y[i], got[i], 0f, "element " + i + " (same float ops as Java)");
            }
        }
    }

    @OnEveryDevice
    void tiledMatmulWithLocalMemoryAndBarriers(Device device) {
        int n = 64;
        float[] a = random(n * n, 3);
        float[] b = random(n * n, 4);
        try (UsmMemory am = upload(device, a); UsmMemory bm = upload(device, b);
             UsmMemory cm = UsmMemory.allocateDevice(device, 4L * n * n)) {
            Kernels.launch(Corpus::matmulTiled, NdRange.of(new long[] {n, n}, new long[] {8, 8}),
                    FloatArray.on(am, n, n), FloatArray.on(bm, n, n), FloatArray.on(cm, n, n), n);
            float[] c = new float[n * n];
            cm.copyToHost(c);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double ref = 0;
                    for (int k = 0; k < n; k++) {
                        ref += (double) a[i * n + k] * b[k * n + j];
                    }
                    assertEquals(ref, c[i * n + j], 1e-4, "c[" + i + "][" + j + "]");
                }
            }
        }
    }

    /** 2-D and large enough that the java device runs it through its generated loop, row by row. */
    @OnEveryDevice
    void naiveMatmulOverA2dRange(Device device) {
        int n = 96;
        float[] a = random(n * n, 6);
        float[] b = random(n * n, 7);
        try (UsmMemory am = upload(device, a); UsmMemory bm = upload(device, b);
             UsmMemory cm = UsmMemory.allocateDevice(device, 4L * n * n)) {
            Kernels.launch(Corpus::matmulNaive, Range.of(n, n), FloatArray.on(am, n, n), FloatArray.on(bm, n, n),
                    FloatArray.on(cm, n, n), n);
            float[] c = new float[n * n];
            cm.copyToHost(c);
            for (int row = 0; row < n; row++) {
                for (int col = 0; col < n; col++) {
                    float ref = 0f;
                    for (int k = 0; k < n; k++) {
                        ref += a[row * n + k] * b[k * n + col];
                    }
                    assertEquals(ref, c[row * n + col], 1e-5f, "c[" + row + "][" + col + "]");
                }
            }
        }
    }

    @OnEveryDevice
    void workGroupReductionWithLaunchSizedLocalMemory(Device device) throws NoSuchMethodException {
        java.lang.reflect.Method reduceSum = Corpus.class.getMethod("reduceSum", KernelContext.class, FloatArray.class,
                FloatArray.class, float[].class);
        int n = 4096;
        int group = 64;
        float[] in = random(n, 5);
        try (UsmMemory im = upload(device, in); UsmMemory pm = UsmMemory.allocateDevice(device, 4L * n / group)) {
            Event e = Kernels.launchAsync(reduceSum, NdRange.of(n, group), List.of(), FloatArray.on(im),
                    FloatArray.on(pm), LocalMemory.floats(group));
            e.await();
            float[] partial = new float[n / group];
            pm.copyToHost(partial);
            for (int g = 0; g < n / group; g++) {
                double ref = 0;
                for (int i = 0; i < group; i++) {
                    ref += in[g * group + i];
                }
                assertEquals(ref, partial[g], 1e-4, "group " + g);
            }
        }
    }

    @OnEveryDevice
    void asyncLaunchesWaitForTheirDependencies(Device device) {
        int n = 1 << 16;
        try (Queue q2 = device.createQueue(false);
             UsmMemory xm = UsmMemory.allocateDevice(device, 4L * n);
             UsmMemory ym = UsmMemory.allocate(q2, UsmType.DEVICE, 4L * n)) {
            Event filled = xm.fillAsync(java.lang.foreign.MemorySegment.ofArray(new float[] {1f}), 0, 4L * n);
            ym.fill(3f);
            // y lives on q2, x on the default queue: one device, two queues, so this is refused.
            ExecutionPlacementError e = assertThrows(ExecutionPlacementError.class, () ->
                    Kernels.launch(Corpus::saxpy, Range.of(n), 2f, FloatArray.on(xm), FloatArray.on(ym)));
            assertTrue(e.getMessage().contains("two different queues of " + device.filterString()), e.getMessage());
            try (UsmMemory y1 = UsmMemory.allocateDevice(device, 4L * n)) {
                y1.fill(3f);
                Event done = Kernels.launchAsync(Corpus::saxpy, Range.of(n), List.of(filled), 2f, FloatArray.on(xm),
                        FloatArray.on(y1));
                done.await();
                float[] got = new float[n];
                y1.copyToHost(got);
                assertEquals(5f, got[0]);
                assertEquals(5f, got[n - 1]);
            }
        }
    }

    @Test
    void argumentsOnTwoDevicesAreAPlacementErrorNamingBothAndTheFix() {
        List<Device> devices = TestDevices.all().toList();
        Assumptions.assumeTrue(devices.size() >= 2, "needs two devices");
        Device d0 = devices.get(0);
        Device d1 = devices.get(1);
        try (UsmMemory x = UsmMemory.allocateDevice(d0, 64); UsmMemory y = UsmMemory.allocateDevice(d1, 64)) {
            ExecutionPlacementError e = assertThrows(ExecutionPlacementError.class,
                    () -> Kernels.launch(Corpus::saxpy, Range.of(16), 1f, FloatArray.on(x), FloatArray.on(y)));
            String msg = e.getMessage();
            assertTrue(msg.contains("argument 'x'") && msg.contains("argument 'y'"), msg);
            assertTrue(msg.contains(d0.filterString()) && msg.contains(d1.filterString()), msg);
            assertTrue(msg.contains("copyAcrossDevices") && !msg.contains(".toDevice("), msg);
        }
    }

    @Test
    void javaMemoryViewsRunOnTheJavaDeviceAndAreRefusedElsewhere() {
        float[] x = {1, 2, 3, 4};
        float[] y = {10, 20, 30, 40};
        Kernels.launch(Corpus::saxpy, Range.of(4), 2f, FloatArray.of(x), FloatArray.of(y));
        assertEquals(2f * 4 + 40, y[3]);
        Device other = TestDevices.all().filter(d -> !d.backend().equals("java")).findFirst().orElse(null);
        Assumptions.assumeTrue(other != null, "needs a non-java device");
        try (UsmMemory ym = UsmMemory.allocateDevice(other, 16)) {
            ExecutionPlacementError e = assertThrows(ExecutionPlacementError.class,
                    () -> Kernels.launch(Corpus::saxpy, Range.of(4), 2f, FloatArray.of(x), FloatArray.on(ym)));
            assertTrue(e.getMessage().contains("only the java device can address"), e.getMessage());
        }
    }

    @OnEveryDevice
    void kernelsNeedingAMissingAspectAreRefusedClearly(Device device) {
        try (UsmMemory in = UsmMemory.allocateDevice(device, 8 * 64); UsmMemory sums = UsmMemory.allocateDevice(device, 24)) {
            in.fill(1.0);
            sums.fill(0.0);
            if (device.hasAspect(Aspect.FP64) && device.hasAspect(Aspect.ATOMIC64)) {
                Kernels.launch(Corpus::doubleAtomics, Range.of(64), DoubleArray.on(in), DoubleArray.on(sums));
                double[] got = new double[3];
                sums.copyToHost(got);
                assertEquals(64.0, got[0] + got[1] + got[2]);
            } else {
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () ->
                        Kernels.launch(Corpus::doubleAtomics, Range.of(64), DoubleArray.on(in), DoubleArray.on(sums)));
                assertTrue(e.getMessage().contains(device.filterString()) && e.getMessage().contains("needs aspect"),
                        e.getMessage());
            }
        }
    }

    @OnEveryDevice
    void badRangesAndArgumentsAreClearErrors(Device device) {
        try (UsmMemory x = UsmMemory.allocateDevice(device, 64)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NdRange.of(100, 64));
            assertTrue(e.getMessage().contains("not divisible"), e.getMessage());
            long tooBig = device.info().maxWorkGroupSize() * 2;
            e = assertThrows(IllegalArgumentException.class, () -> Kernels.launch(Corpus::saxpy,
                    NdRange.of(tooBig, tooBig), 1f, FloatArray.on(x), FloatArray.on(x)));
            assertTrue(e.getMessage().contains(String.valueOf(tooBig)), e.getMessage());
        }
        IllegalArgumentException lambda = assertThrows(IllegalArgumentException.class, () ->
                Kernels.launch((KernelRef.K1<IntArray>) (ctx, a) -> a.set(0, 1), Range.of(1), IntArray.of(new int[1])));
        assertTrue(lambda.getMessage().contains("not a lambda"), lambda.getMessage());
    }

    @Test
    void programsAreCachedOnDiskAndDamagedEntriesRebuilt(@TempDir Path dir) throws Exception {
        Device device = TestDevices.all().filter(d -> d.backend().equals("opencl")).findFirst().orElse(null);
        Assumptions.assumeTrue(device != null, "needs an OpenCL device");
        withCacheDir(dir, () -> cachedAndRebuilt(device));
    }

    private static void cachedAndRebuilt(Device device) throws IOException {
        try (UsmMemory x = upload(device, new float[] {1, 2}); UsmMemory y = upload(device, new float[] {3, 4})) {
            CompiledKernel k = KernelCompiler.compile(Corpus.class, "saxpy");
            ProgramCache.clearMemory();
            Kernels.launch(Corpus::saxpy, Range.of(2), 1f, FloatArray.on(x), FloatArray.on(y));
            Path entry = ProgramCache.file(device, k);
            assertTrue(Files.size(entry) > 0, "a binary was stored at " + entry);
            ProgramCache.clearMemory();
            Kernels.launch(Corpus::saxpy, Range.of(2), 1f, FloatArray.on(x), FloatArray.on(y));
            Files.write(entry, new byte[] {1, 2, 3, 4, 5});
            ProgramCache.clearMemory();
            Kernels.launch(Corpus::saxpy, Range.of(2), 1f, FloatArray.on(x), FloatArray.on(y));
            assertTrue(Files.size(entry) > 5, "the damaged entry was rebuilt");
            float[] got = new float[2];
            y.copyToHost(got);
            assertEquals(3 + 3 * 1f, got[0]);
            assertEquals(4 + 3 * 2f, got[1]);
        }
    }

    /** A kernel made from IR that stores {@code value} into every element of its view. */
    private static CompiledKernel storeConstant(float value, String contentHash) {
        IrBuilder k = IrBuilder.kernel("store_constant");
        Var y = k.view("y", Scalar.F32, 0);
        k.store(k.read(y), k.globalId(0), k.f32(value));
        return KernelCompiler.fromIr(new KernelModule(k.build(), List.of()), contentHash);
    }

    @Test
    void newCodeUnderAnOldNameDoesNotRunTheOldBinary(@TempDir Path dir) throws Exception {
        // kernels built from IR are named by their builders' keys; the tensor layer once let a
        // changed kernel under an unchanged key run the binary of the old code from the disk cache
        Device device = TestDevices.all().filter(d -> d.backend().equals("opencl")).findFirst().orElse(null);
        Assumptions.assumeTrue(device != null, "needs an OpenCL device");
        withCacheDir(dir, () -> newCodeRuns(device));
    }

    private static void newCodeRuns(Device device) {
        try (UsmMemory y = UsmMemory.allocateDevice(device, 8)) {
            for (float value : new float[] {1, 2, 1}) {
                ProgramCache.clearMemory();
                Kernels.launchOn(y.queue(), storeConstant(value, "test:one-name"), Range.of(2), List.of(), FloatArray.on(y));
                float[] got = new float[2];
                y.copyToHost(got);
                assertEquals(value, got[0], "the kernel storing " + value + " ran");
                assertEquals(value, got[1], "the kernel storing " + value + " ran");
            }
            assertNotEquals(ProgramCache.file(device, storeConstant(1, "test:one-name")),
                    ProgramCache.file(device, storeConstant(2, "test:one-name")), "one cache file per code");
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} with the kernel cache in {@code dir} and nothing built in memory, then restores both. */
    private static void withCacheDir(Path dir, Body body) throws Exception {
        String old = System.getProperty("jdpx.cacheDir");
        System.setProperty("jdpx.cacheDir", dir.toString());
        try {
            ProgramCache.clearMemory();
            body.run();
        } finally {
            ProgramCache.clearMemory();
            if (old == null) {
                System.clearProperty("jdpx.cacheDir");
            } else {
                System.setProperty("jdpx.cacheDir", old);
            }
        }
    }
}
