package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.Event;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which thread runs a kernel on the java device. A blocking {@code Kernels.launch} with no launch
 * timeout, on an idle queue, runs on the caller's own thread: handing it to a dispatcher thread
 * and waiting to be woken made an empty launch cost 13 us instead of 5. {@code launchAsync}, and
 * any launch while a launch timeout is set, still run on the queue's dispatcher threads, so the
 * caller can give up on them.
 */
class BlockingLaunchThreadTest {
    private static final int N = 1000; // below the size that runs on the pool's threads

    @Kernel
    static void addOne(KernelContext ctx, FloatArray a) {
        int i = ctx.globalId(0);
        a.set(i, a.get(i) + 1f);
    }

    /** Doubles each element after {@code spins} dependent steps (so that it takes a while). */
    @Kernel
    static void slowDouble(KernelContext ctx, FloatArray a, int spins) {
        int i = ctx.globalId(0);
        int acc = i;
        for (int k = 0; k < spins; k++) acc = acc * 1103515245 + 12345;
        a.set(i, a.get(i) * 2f + (acc == 42 && spins < 0 ? 1f : 0f));
    }

    @AfterEach
    void noProbe() {
        JvmKernelRunner.taskArgs = null;
        System.clearProperty("jdpx.launchTimeout");
    }

    private static Set<Thread> probe() {
        Set<Thread> ran = ConcurrentHashMap.newKeySet();
        JvmKernelRunner.taskArgs = args -> ran.add(Thread.currentThread());
        return ran;
    }

    /** {@code m} holding 0, 1, 2, ..., as a view. */
    private static FloatArray countingUp(UsmMemory m) {
        float[] init = new float[N];
        for (int i = 0; i < N; i++) init[i] = i;
        m.copyFromHost(init);
        return FloatArray.on(m);
    }

    private static float[] read(UsmMemory m) {
        float[] got = new float[N];
        m.copyToHost(got);
        return got;
    }

    /** What {@code adds} launches of {@link #addOne} leave in {@link #countingUp} memory. */
    private static float[] expect(int adds) {
        float[] want = new float[N];
        for (int i = 0; i < N; i++) want[i] = i + adds;
        return want;
    }

    @Test
    void aBlockingLaunchRunsOnTheCallersThreadAndTheOthersOnTheQueues() throws Exception {
        Device java = Devices.find("java:cpu:0").orElseThrow();
        try (UsmMemory m = UsmMemory.allocateDevice(java, 4L * N)) {
            FloatArray a = countingUp(m);

            Set<Thread> ran = probe();
            Kernels.launch(BlockingLaunchThreadTest::addOne, Range.of(N), a);
            assertEquals(Set.of(Thread.currentThread()), ran, "a blocking launch on an idle queue");

            ran = probe();
            Event ev = Kernels.launchAsync(BlockingLaunchThreadTest::addOne, Range.of(N), List.of(), a);
            ev.await();
            assertEquals(1, ran.size());
            assertTrue(!ran.contains(Thread.currentThread()), "launchAsync runs on a dispatcher thread: " + ran);

            System.setProperty("jdpx.launchTimeout", "60s");
            ran = probe();
            Kernels.launch(BlockingLaunchThreadTest::addOne, Range.of(N), a);
            assertEquals(1, ran.size());
            assertTrue(!ran.contains(Thread.currentThread()),
                    "with a launch timeout the caller must be able to give up: a dispatcher thread runs it: " + ran);

            assertArrayEquals(expect(3), read(m), 0f);
        }
    }

    /** A queue busy with another thread's kernel: the blocking launch runs after it, in order. */
    @Test
    void aBlockingLaunchWaitsItsTurnOnABusyQueue() throws Exception {
        Device java = Devices.find("java:cpu:0").orElseThrow();
        try (UsmMemory m = UsmMemory.allocateDevice(java, 4L * N)) {
            FloatArray a = countingUp(m);
            Event first = Kernels.launchAsync(BlockingLaunchThreadTest::addOne, Range.of(N), List.of(), a);
            Kernels.launch(BlockingLaunchThreadTest::addOne, Range.of(N), a);
            first.await();
            assertArrayEquals(expect(2), read(m), 0f);
        }
    }

    /**
     * While a blocking launch runs on its caller's thread, another thread enqueues a kernel on the
     * same queue: it must run after the first (in order), not beside it.
     */
    @Test
    void commandsOfOtherThreadsRunAfterACallersLaunch() throws Exception {
        Device java = Devices.find("java:cpu:0").orElseThrow();
        org.jdpx.device.Queue queue = java.defaultQueue();
        try (UsmMemory m = UsmMemory.allocate(queue, org.jdpx.device.UsmType.DEVICE, 4L * N)) {
            FloatArray a = countingUp(m);
            Set<Thread> ran = probe();
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            JvmKernelRunner.taskArgs = args -> {
                ran.add(Thread.currentThread());
                started.countDown();
            };
            java.util.concurrent.atomic.AtomicReference<Event> other = new java.util.concurrent.atomic.AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    started.await();
                    other.set(Kernels.launchAsync(BlockingLaunchThreadTest::addOne, Range.of(N), List.of(), a));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            // about 2e8 steps over 1000 items: tens of ms, long enough for the other thread to enqueue
            Kernels.launch(BlockingLaunchThreadTest::slowDouble, Range.of(N), a, 200_000);
            t.join();
            other.get().await();
            assertTrue(ran.contains(Thread.currentThread()), "the blocking launch ran on the caller: " + ran);
            float[] want = new float[N];
            for (int i = 0; i < N; i++) want[i] = i * 2f + 1f; // doubled first, then one added
            assertArrayEquals(want, read(m), 0f);
        }
    }
}
