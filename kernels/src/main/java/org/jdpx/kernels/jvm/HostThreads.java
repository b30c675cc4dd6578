package org.jdpx.kernels.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The java device's worker threads: one fixed pool of daemon platform threads, one per core,
 * shared by its kernels ({@link JvmKernelRunner}) and the tensor layer's host loops (fused Vector
 * API lanes, GEMM, GEMV, dot), so loops of several kinds never oversubscribe the cores.
 *
 * <p>The calling thread always works too: it runs the same loop as the pool threads it wakes,
 * instead of parking until they finish. A failure is rethrown only after every thread that
 * started stopped, so none still touches the command's memory when the command ends; a pool copy
 * that had not started by then is claimed and skipped, not waited for, since the caller may
 * itself be a pool thread (a blocking launch runs on its caller's thread).
 *
 * <p>Public for the tensor module; not an API for users.
 */
public final class HostThreads {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static volatile ExecutorService pool;

    private HostThreads() {
    }

    /** Cores the loops use. */
    public static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code task(0..tasks-1)}, each index once, on the calling thread and, unless
     * {@code serial}, on up to {@code threads() - 1} pool threads taking indices in turn; returns
     * when all are done. After a task throws, no thread takes another index.
     *
     * @param what what runs, for the message of a failure
     * @throws RuntimeException the first a task threw; IllegalStateException when interrupted
     */
    public static void run(long tasks, boolean serial, String what, LongConsumer task) {
        AtomicLong next = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable worker = () -> {
            try {
                for (long t = next.getAndIncrement(); t < tasks && !failed.get(); t = next.getAndIncrement()) {
                    task.accept(t);
                }
            } catch (RuntimeException | Error e) {
                failed.set(true);
                throw e;
            }
        };
        if (serial) {
            worker.run();
        } else {
            onAllCores(tasks, worker, what);
        }
    }

    /**
     * Runs {@code worker} on the calling thread and on up to {@code threads() - 1} pool threads
     * (no more than {@code copies - 1}), each copy taking its share of the work from state the
     * worker shares (a cursor); returns once every copy that started has returned.
     *
     * @param what what runs, for the message of a failure
     */
    static void onAllCores(long copies, Runnable worker, String what) {
        int helpers = (int) Math.max(0, Math.min(THREADS, copies) - 1);
        List<Future<?>> fs = new ArrayList<>(helpers);
        AtomicBoolean[] claimed = new AtomicBoolean[helpers];
        for (int t = 0; t < helpers; t++) {
            AtomicBoolean mine = claimed[t] = new AtomicBoolean();
            fs.add(pool().submit(() -> {
                if (mine.compareAndSet(false, true)) worker.run();
            }));
        }
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            try {
                joinStarted(fs, claimed, what);
            } catch (RuntimeException | Error other) {
                e.addSuppressed(other);
            }
            throw e;
        }
        joinStarted(fs, claimed, what);
    }

    /** The pool, made on first use. */
    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (HostThreads.class) {
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(THREADS, r -> {
                        Thread t = new Thread(r, "jdpx-java-device");
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = pool;
            }
        }
        return p;
    }

    /** Waits for the copies that started; claims the others, which then do nothing. */
    private static void joinStarted(List<Future<?>> fs, AtomicBoolean[] claimed, String what) {
        List<Future<?>> started = new ArrayList<>(fs.size());
        for (int t = 0; t < fs.size(); t++) {
            if (!claimed[t].compareAndSet(false, true)) started.add(fs.get(t));
        }
        join(started, what);
    }

    /**
     * Waits for every future; rethrows the first failure (unchecked as it was, anything else
     * wrapped), after all of them ended.
     */
    private static void join(List<Future<?>> fs, String what) {
        Throwable first = null;
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) first = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the " + what + " ran", e);
            }
        }
        if (first instanceof RuntimeException re) throw re;
        if (first instanceof Error er) throw er;
        if (first != null) throw new IllegalStateException("the " + what + " failed", first);
    }
}
