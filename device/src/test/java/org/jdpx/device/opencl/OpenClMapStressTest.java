package org.jdpx.device.opencl;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.NativeMemory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mapped host copies and host views from several threads at once, on every OpenCL device. */
class OpenClMapStressTest {

    static Stream<Device> devices() {
        return OclTesting.devices().stream();
    }

    /**
     * Regression: Mesa rusticl returned from a blocking {@code clEnqueueMapBuffer} early when
     * another thread flushed or waited on the same queue, and the unmap then failed with
     * {@code CL_INVALID_VALUE} (seen as a rare flake in RandomKernelsTest on opencl:cpu:1).
     * Each thread copies its own block in and out through the mapped path on one shared queue.
     */
    @ParameterizedTest
    @MethodSource("devices")
    void mappedCopiesFromSeveralThreadsOnOneQueueRoundTrip(Device device) throws Exception {
        OpenClQueue q = (OpenClQueue) device.spi().createQueue(false);
        q.useMappedHostCopies(true);
        try {
            onThreads(id -> roundTrips(device, UsmType.DEVICE, id, q,
                    (src, m) -> q.copyFromHost(src, m, 0, List.of()).await()));
        } finally {
            q.release();
        }
    }

    /**
     * The same race through host views, which all blocks of a device map and unmap on its one
     * internal queue: each thread writes its block through a view and reads it back with a copy
     * (which unmaps the view first).
     */
    @ParameterizedTest
    @MethodSource("devices")
    void hostViewsFromSeveralThreadsRoundTrip(Device device) throws Exception {
        OpenClQueue q = (OpenClQueue) device.spi().createQueue(false);
        try {
            onThreads(id -> roundTrips(device, UsmType.HOST, id, q, (src, m) -> m.hostView().copyFrom(src)));
        } finally {
            q.release();
        }
    }

    /** On a fresh block: {@link #ROUNDS} times, {@code put} a pattern into it and copy it back with {@code q}. */
    private static void roundTrips(Device device, UsmType kind, int id, OpenClQueue q,
                                   BiConsumer<MemorySegment, NativeMemory> put) {
        NativeMemory m = device.spi().allocate(kind, BYTES);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment back = arena.allocate(BYTES);
            for (int i = 0; i < ROUNDS; i++) {
                MemorySegment src = OclTesting.pattern(arena, BYTES, id * 1000 + i);
                put.accept(src, m);
                q.copyToHost(m, 0, back, List.of()).await();
                assertEquals(-1L, src.mismatch(back), kind.dpctlName() + " block, thread " + id + ", round " + i);
            }
        } finally {
            m.free();
        }
    }

    private static final int THREADS = 4;
    private static final int ROUNDS = 300;
    private static final long BYTES = 4096;

    /** Runs {@code body} on {@link #THREADS} threads at once and rethrows the first failure. */
    private static void onThreads(IntConsumer body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                fs.add(pool.submit(() -> body.accept(id)));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
