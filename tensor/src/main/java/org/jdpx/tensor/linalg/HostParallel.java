package org.jdpx.tensor.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The worker threads of the java device's host-side loops (GEMM, GEMV, the Vector API fused
 * kernels): one per core, the calling thread included, taking numbered tasks in turn from an
 * atomic cursor. Tasks run on platform threads of one shared daemon pool, so loops of several
 * kinds never oversubscribe the cores.
 */
public final class HostParallel {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static volatile ExecutorService pool;

    private HostParallel() {
    }

    /** Cores the loops use. */
    public static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code task(0..tasks-1)} on all cores (the caller included; only the caller when
     * {@code serial}), each index once, and returns when all are done. After a task throws, the
     * threads take no further tasks, and the failure is rethrown once every thread stopped.
     *
     * @param what what runs, for the message of a failure
     * @throws RuntimeException the first a task threw; IllegalStateException when interrupted
     */
    public static void run(long tasks, boolean serial, String what, LongConsumer task) {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable worker = () -> {
            try {
                for (long t = next.getAndIncrement(); t < tasks && !failed.get(); t = next.getAndIncrement()) task.accept(t);
            } catch (RuntimeException | Error e) {
                failed.set(true); // the other threads take no further tasks
                throw e;
            }
        };
        int helpers = serial ? 0 : (int) Math.min(THREADS - 1, tasks - 1);
        List<Future<?>> fs = new ArrayList<>(Math.max(0, helpers));
        for (int i = 0; i < helpers; i++) fs.add(pool().submit(worker));
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            // the helpers may still touch the command's memory: the command ends only after them
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException ex) {
                    e.addSuppressed(ex.getCause());
                }
            }
            throw e;
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the " + what + " ran", ex);
            } catch (ExecutionException ex) {
                if (ex.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(what + " worker failed", ex.getCause());
            }
        }
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (HostParallel.class) {
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
                        Thread t = new Thread(r, "jdpx-host");
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = pool;
            }
        }
        return p;
    }
}
