package org.jdpx.device.opencl;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.KernelDriver;
import org.jdpx.device.spi.LaunchRange;
import org.jdpx.device.spi.LocalArg;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.ProgramDriver;
import org.jdpx.device.spi.ProgramSource;
import org.jdpx.device.spi.QueueDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code cl_kernel} keeps its arguments between launches and {@link OpenClKernel} sets only those
 * that changed: every launch must still see its own arguments, whether they alternate, come from
 * several threads at once, or name a block freed and reallocated (possibly at the same address).
 */
class OpenClKernelArgsTest {

    static final String SOURCE = """
            __kernel void affine(__global float* out, __global const float* in, float a, int b, uchar neg) {
                int i = get_global_id(0);
                float v = a * in[i] + (float) b;
                out[i] = neg ? -v : v;
            }

            __kernel void group_size(__global int* out, __local int* scratch) {
                scratch[get_local_id(0)] = 1;
                barrier(CLK_LOCAL_MEM_FENCE);
                if (get_local_id(0) == 0) out[get_group_id(0)] = (int) get_local_size(0);
            }
            """;
    static final int N = 256;

    static Stream<Device> devices() {
        return OclTesting.devices().stream();
    }

    /** The program, a queue and the blocks a test allocates, released together. */
    private static final class Fixture implements AutoCloseable {
        final Device device;
        final ProgramDriver program;
        final QueueDriver q;
        private final List<NativeMemory> blocks = new ArrayList<>();

        Fixture(Device device) {
            this.device = device;
            this.program = device.spi().buildProgram(new ProgramSource.OpenClC(SOURCE, ""));
            this.q = device.spi().createQueue(false);
        }

        NativeMemory block(UsmType kind) {
            NativeMemory m = device.spi().allocate(kind, 4L * N);
            blocks.add(m);
            return m;
        }

        /** A block holding {@code base + i} at {@code i}. */
        NativeMemory filled(float base) {
            NativeMemory m = block(UsmType.DEVICE);
            float[] v = new float[N];
            for (int i = 0; i < N; i++) v[i] = base + i;
            q.copyFromHost(MemorySegment.ofArray(v), m, 0, List.of()).await();
            return m;
        }

        /** Frees {@code m} now and allocates a block of its size in its place. */
        NativeMemory reallocate(NativeMemory m) {
            blocks.remove(m);
            m.free();
            return block(UsmType.DEVICE);
        }

        @Override
        public void close() {
            blocks.forEach(NativeMemory::free);
            q.release();
            program.release();
        }
    }

    private static float[] read(QueueDriver q, NativeMemory m) {
        float[] v = new float[N];
        q.copyToHost(m, 0, MemorySegment.ofArray(v), List.of()).await();
        return v;
    }

    private static void assertAffine(float[] got, float base, float a, int b, boolean neg, String what) {
        for (int i = 0; i < N; i++) {
            float v = a * (base + i) + b;
            assertEquals(neg ? -v : v, got[i], what + ", element " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void alternatingArgumentsReachEachLaunch(Device device) {
        try (Fixture f = new Fixture(device)) {
            KernelDriver affine = f.program.kernel("affine");
            NativeMemory[] ins = {f.filled(0), f.filled(1000)};
            NativeMemory[] outs = {f.block(UsmType.DEVICE), f.block(UsmType.DEVICE)};
            for (int round = 0; round < 6; round++) {
                boolean odd = round % 2 == 1;
                NativeMemory out = outs[round % 3 == 0 ? 0 : 1];
                float a = round < 3 ? 2f : -0.5f;
                // the flag alternates between a Byte and a Boolean of the same byte, and changes value
                Object neg = round % 4 == 0 ? (Object) (byte) 1 : (Object) (round % 4 == 1);
                boolean negated = round % 4 == 0 || round % 4 == 1;
                f.q.launch(affine, LaunchRange.of(N), List.of(out, ins[odd ? 1 : 0], a, round, neg), List.of()).await();
                assertAffine(read(f.q, out), odd ? 1000 : 0, a, round, negated, "round " + round + " on " + device);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void aFailedSetIsNotRememberedAsSet(Device device) {
        try (Fixture f = new Fixture(device)) {
            KernelDriver affine = f.program.kernel("affine");
            NativeMemory in = f.filled(3);
            NativeMemory out = f.block(UsmType.DEVICE);
            f.q.launch(affine, LaunchRange.of(N), List.of(out, in, 1f, 7, (byte) 0), List.of()).await();
            // a long where the int goes: refused, after the arguments before it were set
            assertThrows(IllegalArgumentException.class,
                    () -> f.q.launch(affine, LaunchRange.of(N), List.of(out, in, 3f, 7L, (byte) 0), List.of()));
            f.q.launch(affine, LaunchRange.of(N), List.of(out, in, 1f, 7, (byte) 0), List.of()).await();
            assertAffine(read(f.q, out), 3, 1f, 7, false, "after a refused launch on " + device);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void localMemorySizeChangesAreSet(Device device) {
        try (Fixture f = new Fixture(device)) {
            KernelDriver groups = f.program.kernel("group_size");
            NativeMemory out = f.block(UsmType.SHARED);
            for (int local : new int[] {16, 64, 16, 32}) {
                f.q.launch(groups, LaunchRange.of(N, local), List.of(out, new LocalArg(4L * local)), List.of()).await();
                MemorySegment v = out.hostView();
                for (int g = 0; g < N / local; g++) {
                    assertEquals(local, v.getAtIndex(ValueLayout.JAVA_INT, g), "group " + g + " of size " + local);
                }
            }
        }
    }

    /** Each thread alternates between two scales and two outputs of its own, all on one cl_kernel. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void threadsAlternatingArgumentsOnOneKernelKeepTheirOwn(Device device) throws Exception {
        try (Fixture f = new Fixture(device)) {
            KernelDriver affine = f.program.kernel("affine");
            NativeMemory in = f.filled(0);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                NativeMemory[] outs = {f.block(UsmType.DEVICE), f.block(UsmType.DEVICE)};
                threads.add(Thread.ofPlatform().start(() -> {
                    QueueDriver q = device.spi().createQueue(false);
                    try {
                        for (int round = 0; round < 60; round++) {
                            float a = id + 1 + (round % 2) * 10;
                            int b = id * 100 + round;
                            NativeMemory out = outs[round % 2];
                            q.launch(affine, LaunchRange.of(N), List.of(out, in, a, b, false), List.of()).await();
                            assertAffine(read(q, out), 0, a, b, false, "thread " + id + " round " + round);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        q.release();
                    }
                }));
            }
            for (Thread t : threads) t.join();
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    /**
     * The output is freed and a new block allocated before every launch; drivers often hand the
     * freed address out again (the test notes how often), and the new block must get the results.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void aBlockReallocatedAtTheSameAddressIsSetAgain(Device device) {
        try (Fixture f = new Fixture(device)) {
            KernelDriver affine = f.program.kernel("affine");
            NativeMemory in = f.filled(5);
            NativeMemory out = f.block(UsmType.DEVICE);
            int sameAddress = 0;
            for (int round = 0; round < 20; round++) {
                f.q.launch(affine, LaunchRange.of(N), List.of(out, in, 1f, round, false), List.of()).await();
                assertAffine(read(f.q, out), 5, 1f, round, false, "round " + round + " on " + device);
                long before = out.deviceHandle();
                out = f.reallocate(out);
                if (out.deviceHandle() == before) sameAddress++;
            }
            System.out.println(device + ": " + sameAddress + " of 20 reallocations reused the freed cl_mem address");
        }
    }
}
