package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.jdpx.device.CommandTimeoutException;
import org.jdpx.device.Device;
import org.jdpx.device.Event;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.Test;

/**
 * Kernels that run past their caller's patience: {@code launchAsync} returns at once, a timeout
 * arrives while the kernel still runs, the queue then refuses work saying why, and a new queue
 * works. The long kernel is bounded (seconds of work), never endless, so that an OpenCL device
 * that cannot stop it is free again when the test ends.
 */
class LaunchTimeoutTest {

    /** 64 x 1024 work-items, each {@code outer * INNER} dependent steps. */
    private static final int WIDTH = 64;
    private static final int HEIGHT = 1024;
    private static final int INNER = 1000;
    /** On the java device, which stops the kernel: about a minute of work if it did not. */
    private static final int JAVA_OUTER = 1000;
    private static final Duration SHORT = Duration.ofMillis(100);

    @Kernel
    static void spin(KernelContext ctx, IntArray out, int outer, int inner) {
        int i = ctx.globalId(1) * ctx.globalSize(0) + ctx.globalId(0);
        int acc = i;
        for (int r = 0; r < outer; r++) {
            for (int k = 0; k < inner; k++) {
                acc = acc * 1103515245 + 12345;
            }
        }
        out.set(i, acc);
    }

    /** What {@link #spin} computes for work-item {@code i}, in plain Java. */
    private static int spinOf(int i, int outer, int inner) {
        int acc = i;
        for (long s = 0; s < (long) outer * inner; s++) {
            acc = acc * 1103515245 + 12345;
        }
        return acc;
    }

    @OnEveryDevice
    void aKernelPastItsTimeoutThrowsWhileItRunsAndItsQueueRefusesWork(Device device) {
        Queue queue = device.createQueue(false);
        boolean java = device.backend().equals("java");
        try (UsmMemory out = UsmMemory.allocate(queue, UsmType.DEVICE, 4L * WIDTH * HEIGHT)) {
            int outer = java ? JAVA_OUTER : outerForAboutASecond(out);
            Event ev = Kernels.launchAsync(LaunchTimeoutTest::spin, Range.of(WIDTH, HEIGHT), List.of(),
                    IntArray.on(out), outer, INNER);
            if (java) {
                // It used to run the kernel on the caller's thread before returning.
                assertNotEquals(Event.Status.COMPLETE, ev.status(), "launchAsync returned after the kernel ended");
            }

            CommandTimeoutException e = assertThrows(CommandTimeoutException.class, () -> ev.await(SHORT));
            if (!java) {
                assertFalse(ev.spi().await(Duration.ZERO), "the timeout came only after the kernel ended");
            }
            assertTrue(e.getMessage().contains("kernel 'spin' did not finish within 100 ms")
                    && e.getMessage().contains("may still be running it")
                    && e.getMessage().contains("use a new queue"), e.getMessage());

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> out.copyFromHost(new int[WIDTH * HEIGHT]));
            assertTrue(refused.getMessage().contains("kernel 'spin' did not finish within 100 ms"),
                    refused.getMessage());
            assertThrows(IllegalStateException.class, () -> Kernels.launchAsync(LaunchTimeoutTest::spin,
                    Range.of(1), List.of(), IntArray.on(out), 1, 1));

            smallLaunchOnANewQueueMatchesJava(device);
            if (java) {
                // The java device stops the kernel between rows, freeing its threads.
                assertThrows(CancellationException.class, ev::await);
            } else {
                ev.await(); // OpenCL cannot stop it: let the bounded kernel end before its memory is freed
            }
        } finally {
            queue.close();
        }
    }

    /**
     * How many outer rounds make the kernel run about a second on this device (at least twice the
     * one-round launch), so that it is still running when a 100 ms timeout passes on any device and
     * an OpenCL device, which cannot stop it, is busy only briefly.
     */
    /**
     * The outer count that keeps {@link #spin} busy for about a second on this device, scaled from
     * a probe that itself takes at least 20 ms (on a GPU a short probe measures only the launch).
     */
    private static int outerForAboutASecond(UsmMemory out) {
        Kernels.launch(LaunchTimeoutTest::spin, Range.of(WIDTH, HEIGHT), IntArray.on(out), 1, 1); // compiles it
        int outer = 1;
        long took;
        while (true) {
            long start = System.nanoTime();
            Kernels.launch(LaunchTimeoutTest::spin, Range.of(WIDTH, HEIGHT), IntArray.on(out), outer, INNER);
            took = Math.max(1, System.nanoTime() - start);
            if (took >= 20_000_000L || outer >= 1 << 20) break;
            outer *= 8;
        }
        return (int) Math.max(2, Math.min(1 << 24, (long) outer * 1_000_000_000L / took));
    }

    private static void smallLaunchOnANewQueueMatchesJava(Device device) {
        try (Queue fresh = device.createQueue(false);
             UsmMemory out = UsmMemory.allocate(fresh, UsmType.DEVICE, 4L * WIDTH * 2)) {
            Kernels.launch(LaunchTimeoutTest::spin, Range.of(WIDTH, 2), IntArray.on(out), 3, 5);
            int[] got = new int[WIDTH * 2];
            out.copyToHost(got);
            int[] want = new int[WIDTH * 2];
            for (int i = 0; i < want.length; i++) {
                want[i] = spinOf(i, 3, 5);
            }
            assertArrayEquals(want, got, "on a new queue of " + device);
        }
    }

    @Test
    void theDefaultTimeoutBoundsSynchronousLaunches() {
        Device device = TestDevices.java();
        Queue queue = device.createQueue(false);
        System.setProperty(LaunchTimeout.PROPERTY, "100ms");
        try (UsmMemory out = UsmMemory.allocate(queue, UsmType.DEVICE, 4L * WIDTH * HEIGHT)) {
            CommandTimeoutException e = assertThrows(CommandTimeoutException.class, () -> Kernels.launch(
                    LaunchTimeoutTest::spin, Range.of(WIDTH, HEIGHT), IntArray.on(out), JAVA_OUTER, INNER));
            assertTrue(e.getMessage().contains("within 100 ms"), e.getMessage());
            assertTrue(queue.isRefusingWork());
        } finally {
            System.clearProperty(LaunchTimeout.PROPERTY);
            queue.close();
        }
    }

    @Test
    void aMalformedDefaultTimeoutIsNamed() {
        System.setProperty(LaunchTimeout.PROPERTY, "soon");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, LaunchTimeout::fromSettings);
            assertTrue(e.getMessage().contains("-Djdpx.launchTimeout is 'soon'") && e.getMessage().contains("30s"),
                    e.getMessage());
        } finally {
            System.clearProperty(LaunchTimeout.PROPERTY);
        }
    }
}
