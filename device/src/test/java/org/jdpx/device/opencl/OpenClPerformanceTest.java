package org.jdpx.device.opencl;

import static org.jocl.CL.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.KernelDriver;
import org.jdpx.device.spi.LaunchRange;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.ProgramDriver;
import org.jdpx.device.spi.ProgramSource;
import org.jocl.cl_kernel;
import org.jocl.cl_program;
import org.junit.jupiter.api.Test;

/**
 * The two costs this backend promises to keep low on PoCL: host copies of large blocks (compared
 * with a plain {@link MemorySegment#copy} of the same size) and the overhead of one launch
 * (compared with the same launch through raw JOCL). Best-of-N timings, since the machine is shared.
 */
class OpenClPerformanceTest {

    private static final System.Logger LOG = System.getLogger("org.jdpx.device.opencl.perf");
    private static final long N = 256L << 20;

    @Test
    void mappedHostCopiesRunNearMemorySegmentCopySpeed() {
        Device pocl = OclTesting.pocl();
        OpenClQueue q = (OpenClQueue) pocl.spi().createQueue(false);
        NativeMemory m = pocl.spi().allocate(UsmType.DEVICE, N);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment host = OclTesting.longPattern(arena, N, 5);
            MemorySegment other = arena.allocate(N, 4096);
            other.fill((byte) 1);
            double plain = best(() -> MemorySegment.copy(host, 0, other, 0, N));
            q.useMappedHostCopies(true);
            double mapWrite = best(() -> q.copyFromHost(host, m, 0, List.of()).await());
            double mapRead = best(() -> q.copyToHost(m, 0, other, List.of()).await());
            q.useMappedHostCopies(false);
            double write = best(() -> q.copyFromHost(host, m, 0, List.of()).await());
            double read = best(() -> q.copyToHost(m, 0, other, List.of()).await());
            LOG.log(Level.INFO, String.format(java.util.Locale.ROOT,
                    "256 MiB on PoCL, GB/s: MemorySegment.copy %.1f | host->device map %.1f, WriteBuffer %.1f | "
                            + "device->host map %.1f, ReadBuffer %.1f", gbs(plain), gbs(mapWrite), gbs(write),
                    gbs(mapRead), gbs(read)));
            assertTrue(mapWrite <= plain / 0.8, "host->device by map: " + gbs(mapWrite) + " GB/s vs "
                    + gbs(plain) + " GB/s for MemorySegment.copy");
            assertTrue(mapRead <= plain / 0.8, "device->host by map: " + gbs(mapRead) + " GB/s vs "
                    + gbs(plain) + " GB/s for MemorySegment.copy");
        } finally {
            m.free();
            q.release();
        }
    }

    @Test
    void emptyLaunchCostsLittleMoreThanRawJocl() {
        Device pocl = OclTesting.pocl();
        OpenClDevice dev = OclTesting.driver(pocl);
        String src = "__kernel void empty(__global int* x, int n) { }";
        ProgramDriver program = pocl.spi().buildProgram(new ProgramSource.OpenClC(src, ""));
        OpenClQueue q = (OpenClQueue) pocl.spi().createQueue(false);
        NativeMemory m = pocl.spi().allocate(UsmType.DEVICE, 64);
        KernelDriver k = program.kernel("empty");
        LaunchRange range = LaunchRange.of(64, 64);
        List<Object> args = List.of(m, 1);
        List<org.jdpx.device.spi.EventDriver> none = List.of();

        int[] err = new int[1];
        cl_program raw = clCreateProgramWithSource(dev.context, 1, new String[] {src}, null, err);
        clBuildProgram(raw, 0, null, "", null, null);
        cl_kernel rk = clCreateKernel(raw, "empty", err);
        long[] global = {64};
        long[] local = {64};
        try {
            double ours = 0;
            double jocl = 0;
            for (int round = 0; round < 3; round++) {
                ours = median(3000, () -> {
                    q.launch(k, range, args, none);
                    q.finish();
                });
                jocl = median(3000, () -> {
                    clSetKernelArg(rk, 0, org.jocl.Sizeof.cl_mem, ((OpenClMemory) m).argPointer);
                    clSetKernelArg(rk, 1, org.jocl.Sizeof.cl_int, org.jocl.Pointer.to(new int[] {1}));
                    clEnqueueNDRangeKernel(q.queue, rk, 1, null, global, local, 0, null, null);
                    clFinish(q.queue);
                });
                if (ours - jocl <= 10_000) {
                    break;
                }
            }
            LOG.log(Level.INFO, String.format(java.util.Locale.ROOT,
                    "empty launch + finish on PoCL, median µs: jdpx %.1f, raw JOCL %.1f", ours / 1e3, jocl / 1e3));
            assertTrue(ours - jocl <= 10_000, "launch overhead " + (ours - jocl) / 1e3 + " µs over raw JOCL ("
                    + ours / 1e3 + " vs " + jocl / 1e3 + " µs)");
        } finally {
            clReleaseKernel(rk);
            clReleaseProgram(raw);
            m.free();
            q.release();
            program.release();
        }
    }

    private static double gbs(double nanos) {
        return N / nanos;
    }

    /** Best of 5 runs after one warm-up, in nanoseconds. */
    private static double best(Runnable r) {
        r.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            r.run();
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }

    /** Median of {@code n} runs after {@code n / 3} warm-ups, in nanoseconds. */
    private static double median(int n, Runnable r) {
        for (int i = 0; i < n / 3; i++) {
            r.run();
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return t[n / 2];
    }
}
