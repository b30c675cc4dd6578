package org.jdpx.device.opencl;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.KernelDriver;
import org.jdpx.device.spi.LaunchRange;
import org.jdpx.device.spi.LocalArg;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.ProgramBuildException;
import org.jdpx.device.spi.ProgramDriver;
import org.jdpx.device.spi.ProgramSource;
import org.jdpx.device.spi.QueueDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Building OpenCL C programs and launching their kernels through the program/launch SPI. */
class OpenClProgramTest {

    static final String SOURCE = """
            __kernel void vadd(__global const float* a, __global const float* b, __global float* c,
                               float scale, int n) {
                int i = get_global_id(0);
                if (i < n) c[i] = a[i] + scale * b[i];
            }

            __kernel void block_sum(__global const int* in, __global long* out, __local long* scratch) {
                size_t lid = get_local_id(0);
                size_t size = get_local_size(0);
                scratch[lid] = in[get_global_id(0)];
                barrier(CLK_LOCAL_MEM_FENCE);
                for (size_t s = size / 2; s > 0; s >>= 1) {
                    if (lid < s) scratch[lid] += scratch[lid + s];
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
                if (lid == 0) out[get_group_id(0)] = scratch[0];
            }

            __kernel void scalars(__global long* out, char c, uchar flag, short s, ushort ch, long l) {
                out[0] = c; out[1] = flag; out[2] = s; out[3] = ch; out[4] = l;
            }

            __kernel void empty(void) { }
            """;

    static Stream<Device> devices() {
        return OclTesting.devices().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void vectorAddMatchesJava(Device device) {
        int n = 100_003;
        ProgramDriver program = device.spi().buildProgram(new ProgramSource.OpenClC(SOURCE, "-cl-std=CL1.2"));
        QueueDriver q = device.spi().createQueue(false);
        NativeMemory a = device.spi().allocate(UsmType.DEVICE, 4L * n);
        NativeMemory b = device.spi().allocate(UsmType.SHARED, 4L * n);
        NativeMemory c = device.spi().allocate(UsmType.HOST, 4L * n);
        try {
            float[] ha = new float[n];
            float[] hb = new float[n];
            for (int i = 0; i < n; i++) {
                ha[i] = i * 0.25f;
                hb[i] = (i % 97) - 40.5f;
            }
            q.copyFromHost(MemorySegment.ofArray(ha), a, 0, List.of());
            q.copyFromHost(MemorySegment.ofArray(hb), b, 0, List.of());
            KernelDriver vadd = program.kernel("vadd");
            assertSame(vadd, program.kernel("vadd"), "kernels are cached by name");
            assertEquals(5, vadd.argCount());
            q.launch(vadd, LaunchRange.of(((n + 63) / 64) * 64L, 64), List.of(a, b, c, 3.0f, n), List.of()).await();
            MemorySegment view = c.hostView();
            for (int i = 0; i < n; i++) {
                assertEquals(ha[i] + 3.0f * hb[i], view.getAtIndex(ValueLayout.JAVA_FLOAT, i), "c[" + i + "]");
            }
        } finally {
            a.free();
            b.free();
            c.free();
            q.release();
            program.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void workGroupReductionWithLocalMemoryMatchesJava(Device device) {
        int groups = 300;
        int local = 128;
        int n = groups * local;
        ProgramDriver program = device.spi().buildProgram(new ProgramSource.OpenClC(SOURCE, null));
        QueueDriver q = device.spi().createQueue(false);
        NativeMemory in = device.spi().allocate(UsmType.DEVICE, 4L * n);
        NativeMemory out = device.spi().allocate(UsmType.DEVICE, 8L * groups);
        try {
            int[] data = new int[n];
            for (int i = 0; i < n; i++) {
                data[i] = (i * 7919) % 100_000 - 50_000;
            }
            q.copyFromHost(MemorySegment.ofArray(data), in, 0, List.of());
            q.launch(program.kernel("block_sum"), LaunchRange.of(n, local),
                    List.of(in, out, new LocalArg(8L * local)), List.of());
            long[] sums = new long[groups];
            q.copyToHost(out, 0, MemorySegment.ofArray(sums), List.of()).await();
            for (int g = 0; g < groups; g++) {
                long expect = 0;
                for (int i = g * local; i < (g + 1) * local; i++) {
                    expect += data[i];
                }
                assertEquals(expect, sums[g], "group " + g);
            }
        } finally {
            in.free();
            out.free();
            q.release();
            program.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void smallScalarArgumentsArePassedWithTheirWidths(Device device) {
        ProgramDriver program = device.spi().buildProgram(new ProgramSource.OpenClC(SOURCE, ""));
        QueueDriver q = device.spi().createQueue(false);
        NativeMemory out = device.spi().allocate(UsmType.SHARED, 40);
        try {
            q.launch(program.kernel("scalars"), LaunchRange.of(1),
                    List.of(out, (byte) -5, true, (short) -300, '\uffff', Long.MIN_VALUE + 1), List.of()).await();
            MemorySegment v = out.hostView();
            assertEquals(-5, v.getAtIndex(ValueLayout.JAVA_LONG, 0));
            assertEquals(1, v.getAtIndex(ValueLayout.JAVA_LONG, 1));
            assertEquals(-300, v.getAtIndex(ValueLayout.JAVA_LONG, 2));
            assertEquals(65535, v.getAtIndex(ValueLayout.JAVA_LONG, 3));
            assertEquals(Long.MIN_VALUE + 1, v.getAtIndex(ValueLayout.JAVA_LONG, 4));
            IllegalArgumentException wrongWidth = assertThrows(IllegalArgumentException.class,
                    () -> q.launch(program.kernel("scalars"), LaunchRange.of(1),
                            List.of(out, 1, true, (short) 1, 'x', 1L), List.of()));
            assertTrue(wrongWidth.getMessage().contains("argument 1 of kernel 'scalars': a Integer (4 bytes)"),
                    wrongWidth.getMessage());
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> q.launch(program.kernel("scalars"), LaunchRange.of(1), List.of(out), List.of()));
            assertEquals("kernel 'scalars' takes 6 arguments, got 1", count.getMessage());
        } finally {
            out.free();
            q.release();
            program.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void buildErrorsCarryTheCompilerLog(Device device) {
        String bad = "__kernel void broken(__global int* x) {\n  x[0] = undeclared_thing;\n}\n";
        ProgramBuildException e = assertThrows(ProgramBuildException.class,
                () -> device.spi().buildProgram(new ProgramSource.OpenClC(bad, "")));
        assertTrue(e.buildLog().contains("undeclared_thing"), e.buildLog());
        assertTrue(e.sourceHead().contains("   2|   x[0] = undeclared_thing;"), e.sourceHead());
        assertTrue(e.getMessage().contains("CL_BUILD_PROGRAM_FAILURE"), e.getMessage());
        // The device still builds good programs afterwards.
        device.spi().buildProgram(new ProgramSource.OpenClC(SOURCE, "")).release();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void unknownKernelNamesListTheKernels(Device device) {
        ProgramDriver program = device.spi().buildProgram(new ProgramSource.OpenClC(SOURCE, ""));
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> program.kernel("vad"));
            assertTrue(e.getMessage().contains("no kernel 'vad'") && e.getMessage().contains("vadd"), e.getMessage());
        } finally {
            program.release();
        }
        assertThrows(IllegalStateException.class, () -> program.kernel("vadd"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void badLaunchRangesAreRejectedWithTheSizes(Device device) {
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> new LaunchRange(new long[] {1, 2, 3, 4}, null));
        assertEquals("a launch range has 1 to 3 dimensions, got 4: [1, 2, 3, 4]", dims.getMessage());
        IllegalArgumentException div = assertThrows(IllegalArgumentException.class, () -> LaunchRange.of(1000, 64));
        assertTrue(div.getMessage().startsWith("global size [1000] is not divisible by local size [64]"),
                div.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaunchRange.of(0));
        assertThrows(IllegalArgumentException.class, () -> new LaunchRange(new long[] {64}, new long[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new LaunchRange(new long[] {64, 64}, new long[] {8}));

        ProgramDriver program = device.spi().buildProgram(new ProgramSource.OpenClC(SOURCE, ""));
        QueueDriver q = device.spi().createQueue(false);
        try {
            long max = device.info().maxWorkGroupSize();
            long tooBig = max * 2;
            IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
                    () -> q.launch(program.kernel("empty"), LaunchRange.of(tooBig, tooBig), List.of(), List.of()));
            assertTrue(limit.getMessage().contains(tooBig + " > " + device.info().maxWorkItemSizes().get(0))
                    || limit.getMessage().contains("more than the " + max), limit.getMessage());
            long side = (long) Math.ceil(Math.sqrt(max)) + 1;
            IllegalArgumentException total = assertThrows(IllegalArgumentException.class,
                    () -> q.launch(program.kernel("empty"), new LaunchRange(new long[] {side, side},
                            new long[] {side, side}), List.of(), List.of()));
            assertTrue(total.getMessage().contains(side * side + " work-items, more than the " + max),
                    total.getMessage());
        } finally {
            q.release();
            program.release();
        }
    }

    /** A binary from one build, fed back, gives a program that works (the on-disk cache's path). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void binariesRebuildIntoWorkingPrograms(Device device) {
        ProgramDriver first = device.spi().buildProgram(new ProgramSource.OpenClC(SOURCE, ""));
        Optional<byte[]> binary = first.binary();
        first.release();
        assertTrue(binary.isPresent() && binary.get().length > 0, "no binary from " + device);
        ProgramDriver again = device.spi().buildProgram(new ProgramSource.Binary(binary.get(), ""));
        QueueDriver q = device.spi().createQueue(false);
        NativeMemory out = device.spi().allocate(UsmType.SHARED, 40);
        try {
            q.launch(again.kernel("scalars"), LaunchRange.of(1), List.of(out, (byte) 1, false, (short) 2, 'c', 4L),
                    List.of()).await();
            assertEquals('c', out.hostView().getAtIndex(ValueLayout.JAVA_LONG, 3));
        } finally {
            out.free();
            q.release();
            again.release();
        }
        // Foreign or damaged bytes never reach the driver (rusticl aborts the process on them).
        ProgramBuildException garbage = assertThrows(ProgramBuildException.class, () -> device.spi().buildProgram(
                new ProgramSource.Binary(new byte[] {1, 2, 3, 4}, "")));
        assertTrue(garbage.getMessage().contains("not a program binary made by jdpx"), garbage.getMessage());
        byte[] damaged = binary.get().clone();
        damaged[damaged.length - 1] ^= 1;
        ProgramBuildException crc = assertThrows(ProgramBuildException.class, () -> device.spi().buildProgram(
                new ProgramSource.Binary(damaged, "")));
        assertTrue(crc.getMessage().contains("checksum mismatch"), crc.getMessage());
        for (Device other : OclTesting.devices()) {
            if (other != device) {
                ProgramBuildException foreign = assertThrows(ProgramBuildException.class, () -> other.spi()
                        .buildProgram(new ProgramSource.Binary(binary.get(), "")));
                assertTrue(foreign.getMessage().contains("rebuild from source"), foreign.getMessage());
            }
        }
    }

    /** Four threads launch the same cached kernel with different arguments at once. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    void concurrentLaunchesOfOneKernelKeepTheirOwnArguments(Device device) throws Exception {
        int n = 4096;
        ProgramDriver program = device.spi().buildProgram(new ProgramSource.OpenClC(SOURCE, ""));
        KernelDriver vadd = program.kernel("vadd");
        NativeMemory ones = device.spi().allocate(UsmType.DEVICE, 4L * n);
        QueueDriver setup = device.spi().createQueue(false);
        try (Arena arena = Arena.ofShared()) {
            setup.fill(ones, 0, 4L * n, arena.allocateFrom(ValueLayout.JAVA_FLOAT, 1f), List.of()).await();
            List<Thread> threads = new java.util.ArrayList<>();
            java.util.concurrent.ConcurrentLinkedQueue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
            for (int t = 0; t < 4; t++) {
                float scale = t + 1;
                threads.add(Thread.ofPlatform().start(() -> {
                    QueueDriver q = device.spi().createQueue(false);
                    NativeMemory out = device.spi().allocate(UsmType.SHARED, 4L * n);
                    try {
                        for (int round = 0; round < 200; round++) {
                            q.launch(vadd, LaunchRange.of(n), List.of(ones, ones, out, scale, n), List.of());
                        }
                        q.finish();
                        MemorySegment v = out.hostView();
                        for (int i = 0; i < n; i++) {
                            if (v.getAtIndex(ValueLayout.JAVA_FLOAT, i) != 1 + scale) {
                                throw new AssertionError("thread with scale " + scale + " saw "
                                        + v.getAtIndex(ValueLayout.JAVA_FLOAT, i) + " at " + i);
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        out.free();
                        q.release();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(failures.isEmpty(), failures.toString());
        } finally {
            ones.free();
            setup.release();
            program.release();
        }
    }

    @Test
    void spirVIsRefusedClearlyWhereTheDeviceTakesNoIl() {
        for (Device device : OclTesting.devices()) {
            byte[] module = {0x03, 0x02, 0x23, 0x07, 0, 0, 1, 0};
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> device.spi().buildProgram(new ProgramSource.SpirV(module, "")));
            assertTrue(e.getMessage().contains("does not accept SPIR-V"), e.getMessage());
        }
    }
}
