package org.jdpx.kernels.jvm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jdpx.device.spi.Cancellation;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.LocalMemory;

/**
 * Runs kernels on the java device, on threads: a {@code @Kernel} method as itself, once per
 * work-item; a kernel built from IR ({@link org.jdpx.kernels.KernelCompiler#fromIr}) through the
 * class {@link JvmEmitter} generates for it, which loops over the items of a row itself.
 *
 * <p><b>Kernels without barriers or local memory</b> run on a fixed pool of platform threads
 * (one per core). The range is cut into chunks handed out through an atomic cursor; each
 * thread reuses one mutable {@link KernelContext} and walks its chunk row by row through the
 * kernel's generated loop ({@link JvmLoops}: a direct static call C2 inlines). Where no loop can
 * be generated it calls the kernel through a {@link MethodHandle} with the arguments bound, a
 * few ns per item. No allocation per item either way.
 *
 * <p><b>Float and double kernels without loops</b> whose views step through consecutive
 * elements along a global id and whose branches test only int conditions of the ids (the
 * l2-distance and Jacobi samples, axpy-like kernels) run a block of items at a time in Vector API
 * lanes instead ({@link LaneKernels}), with the same chunks over the pool threads and, for every
 * stored value, the same bits.
 *
 * <p><b>Kernels with barriers or local memory</b> run, where {@link WorkItemLoops} can split
 * them, as loops over the items of a group cut at each barrier: one pool thread runs a whole group,
 * item after item up to the barrier, then the next region, with the values that live across a
 * barrier kept per item (generated from the kernel's IR, also for a {@code @Kernel} method). The
 * others (a barrier under a condition the pass cannot prove uniform, say) need the items of a group
 * to run concurrently. Each pool thread takes a whole work-group, gives each of its items its own
 * context and a virtual thread, and the items meet at a {@link java.util.concurrent.Phaser}
 * (one party per item; an item that returns deregisters). Each group gets fresh local arrays
 * ({@code @Local} parameters and {@code localFloats(n)}-style requests), zero-filled, which
 * OpenCL does not promise. Cost: one virtual thread per item and a park/unpark per item per
 * barrier, i.e. microseconds per item; fine for testing and modest sizes, not for speed. IR
 * kernels use the same scheme: each item's virtual thread runs the generated {@code run} for a
 * range of one item, with the group's arrays and phaser as arguments.
 *
 * <p><b>Atomic adds to one address per work-group</b> (a sum into {@code out[0]} by every item,
 * {@link org.jdpx.kernels.ir.GroupAtomics}) are summed before they reach memory, instead of one
 * compare-exchange per item that the pool threads contend on: a flat launch of a method whose
 * every atomic is such an add sums the float and double adds of each chunk in item order and
 * makes one atomic per chunk (per address it saw); a kernel that runs from its IR runs the
 * variant that sums per group as work-item loops ({@link JvmGroupSums}).
 *
 * <p>An exception thrown by a work-item stops its group and is rethrown from {@code run}
 * after the launch drains (other groups may have run). Java's own semantics apply here, with one
 * exception that keeps every device alike: integer {@code /} and {@code %} by zero give 0 (as in
 * OpenCL C and SPIR-V, where a device cannot throw) instead of throwing, because a kernel that
 * divides runs as a copy whose divisions go through {@link JvmRuntime#div} ({@link DivisionCopies}),
 * or, where no copy can be made, through its IR.
 *
 * <p>A launch whose caller stopped waiting (a timeout; see {@link Cancellation}) stops early:
 * the threads check the flag between chunks of work-items, rows and work-groups, and {@code run}
 * throws {@link CancellationException}. A single work-item that never returns cannot be stopped.
 */
public final class JvmKernelRunner {
    private static final int THREADS = HostThreads.threads();
    private static final long INLINE_LIMIT = 2048;
    /**
     * Work-groups per call of a generated {@code runGroups}: few enough that the method is called
     * often and gets compiled as a whole (not only on-stack-replaced in one long first call), many
     * enough that its per-call arrays cost nothing.
     */
    private static final int GROUPS_PER_CALL = 16;

    private JvmKernelRunner() {
    }

    /**
     * Runs {@code kernel} over {@code global} (1 to 3 dimensions) with work-group size
     * {@code local} (null: chosen here, dividing the range).
     *
     * @param args one value per kernel parameter after the KernelContext: views, boxed
     *             primitives, and {@link LocalMemory} for {@code @Local} parameters
     * @throws IllegalArgumentException for a bad range or arguments that do not match the kernel
     */
    public static void run(CompiledKernel kernel, int[] global, int[] local, Object... args) {
        boolean groups = kernel.usesBarriers() || kernel.usesLocalMemory();
        for (Object a : args) if (a instanceof LocalMemory) groups = true;
        Method m = kernel.method();
        if (!groups && LaneKernels.plan(kernel) != null && (m == null || args.length == m.getParameterCount() - 1)) {
            int[] g = dims(global, "global");
            int[] l = local == null ? defaultLocal(g, false) : dims(local, "local");
            checkDivides(g, l);
            if (LaneKernels.run(kernel, g, l, args)) return;
        }
        JvmLoops.Hosted hosted = m == null ? null : JvmLoops.hostFor(m);
        boolean fromIr = m == null || hosted.runIr();
        if (fromIr || groups) {
            // the kernel's IR runs: where its atomic adds sum per group, the variant that does
            int[] g = dims(global, "global");
            int[] l = local == null ? defaultLocal(g, groups) : dims(local, "local");
            CompiledKernel summed = JvmGroupSums.variant(kernel, l);
            if (summed != null) {
                runIr(summed, g, l, args);
                return;
            }
        }
        if (fromIr || groups && JvmIrProgram.workItemLoops(kernel) != null) {
            runIr(kernel, global, local, args);
            return;
        }
        launch(m, hosted, global, local, groups, kernel.atomicsSummable(), args);
    }

    /**
     * Runs {@code kernel} through the bytecode generated from its IR, also for a kernel compiled
     * from a method: how tests check the JVM emitter against the method itself.
     */
    static void runIr(CompiledKernel kernel, int[] global, int[] local, Object... args) {
        JvmIrProgram p = JvmIrProgram.of(kernel);
        int[] g = dims(global, "global");
        int[] l = local == null ? defaultLocal(g, p.needsGroups()) : dims(local, "local");
        checkDivides(g, l);
        Object[] slots = p.slots(args);
        int[] geometry = {g[0], g[1], g[2], l[0], l[1], l[2]};
        MethodHandle run = p.run;
        if (p.needsGroups() && p.runGroups != null) {
            runLoops(p.runGroups, g, l, slots, geometry, () -> p.groupMemory(args));
        } else if (p.needsGroups()) {
            runGroups(g, l, group -> {
                Object[] memory = p.groupMemory(args);
                return c -> {
                    run.invokeExact(slots, geometry, memory, group.phaser, c.gid0, c.gid0 + 1, c.gid1, c.gid2);
                };
            });
        } else {
            runFlat((c, x0, x1) -> {
                run.invokeExact(slots, geometry, (Object[]) null, (Phaser) null, x0, x1, c.gid1, c.gid2);
            }, g, l, local != null, false, c -> { });
        }
    }

    /** Compiles {@code kernel} (cached) to learn whether it needs work-groups, then runs it like {@link #run(CompiledKernel, int[], int[], Object...)}. */
    public static void run(Method kernel, int[] global, int[] local, Object... args) {
        run(KernelCompiler.compile(kernel), global, local, args);
    }

    private static void launch(Method m, JvmLoops.Hosted hosted, int[] global, int[] localIn, boolean groups,
                               boolean sumAtomics, Object[] args) {
        int[] g = dims(global, "global");
        int[] l = localIn == null ? defaultLocal(g, groups) : dims(localIn, "local");
        checkDivides(g, l);
        if (args.length != m.getParameterCount() - 1) {
            throw new IllegalArgumentException("kernel " + m.getName() + " takes " + (m.getParameterCount() - 1) + " arguments, got " + args.length);
        }
        MethodHandle base = hosted.kernel() != null ? hosted.kernel() : handle(m);
        if (groups) {
            runGroups(g, l, group -> {
                Object[] groupArgs = args.clone();
                for (int i = 0; i < groupArgs.length; i++) {
                    if (groupArgs[i] instanceof LocalMemory lm) groupArgs[i] = lm.newArray();
                }
                MethodHandle h = bind(m, base, groupArgs);
                return c -> {
                    h.invokeExact((KernelContext) c);
                };
            });
        } else {
            MethodHandle h = bind(m, base, args); // checks the arguments' types
            LaunchSums.Site sums = hosted.sums();
            // along dimension 1 where the kernel walks memory that way, and the launch has no explicit groups
            boolean columns = hosted.columnLoop() != null && g[1] > 1 && localIn == null;
            MethodHandle loop = columns ? hosted.columnLoop() : sums != null ? hosted.sumLoop() : hosted.loop();
            Consumer<JvmKernelContext> setup = sums == null ? c -> c.deferSums = sumAtomics : c -> {
                c.sumSite = sums;
                c.sumView = args[sums.argIndex()];
            };
            runFlat(rowOf(h, loop, args), g, l, localIn != null, columns, setup);
        }
    }

    private static void checkDivides(int[] g, int[] l) {
        for (int d = 0; d < 3; d++) {
            if (g[d] % l[d] != 0) {
                throw new IllegalArgumentException("local size " + l[d] + " does not divide global size " + g[d] + " in dimension " + d);
            }
        }
    }

    private static int[] dims(int[] r, String what) {
        if (r == null || r.length < 1 || r.length > 3) throw new IllegalArgumentException(what + " range must have 1 to 3 dimensions");
        int[] out = {1, 1, 1};
        for (int i = 0; i < r.length; i++) {
            if (r[i] < 1) throw new IllegalArgumentException(what + " size " + r[i] + " in dimension " + i + " must be positive");
            out[i] = r[i];
        }
        return out;
    }

    private static int[] defaultLocal(int[] g, boolean groups) {
        int[] l = {1, 1, 1};
        int limit = groups ? 64 : 256;
        for (int c = Math.min(limit, g[0]); c >= 1; c--) {
            if (g[0] % c == 0) {
                l[0] = c;
                break;
            }
        }
        return l;
    }

    private static MethodHandle handle(Method m) {
        try {
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("cannot access kernel " + m, e);
        }
    }

    private static MethodHandle bind(Method m, MethodHandle h, Object[] args) {
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            Class<?> t = types[i + 1];
            Object a = args[i];
            boolean ok = t.isPrimitive() ? a != null && MethodType.methodType(t).wrap().returnType().isInstance(a) : a == null || t.isInstance(a);
            if (!ok) {
                throw new IllegalArgumentException("argument " + i + " of kernel " + m.getName() + " must be " + t.getSimpleName()
                        + ", got " + (a == null ? "null" : a.getClass().getSimpleName()));
            }
        }
        return MethodHandles.insertArguments(h, 1, args).asType(MethodType.methodType(void.class, KernelContext.class));
    }

    // ------------------------------------------------------------------ flat launches

    /** Runs the items {@code x0 .. x1-1} of the row the context is on. */
    @FunctionalInterface
    private interface Row {
        void run(JvmKernelContext c, int x0, int x1) throws Throwable;

        /** This row as the running thread runs it (asked once per chunk of items). */
        default Row onThisThread() {
            return this;
        }
    }

    /** A method's row: through the kernel's generated loop where there is one, else the bound handle once per item. */
    private static Row rowOf(MethodHandle h, MethodHandle loop, Object[] args) {
        return loop != null
                ? new LoopRow(loop, args)
                : (c, x0, x1) -> {
                    for (int x = x0; x < x1; x++) {
                        c.gid0 = x;
                        h.invokeExact((KernelContext) c);
                    }
                };
    }

    /**
     * A row through the kernel's generated loop, which each thread runs over views confined to
     * itself ({@link KernelSegments#confined}), as the device's IR kernels do. With the
     * memory's shared segments, once any confined arena had been used in the JVM (a user's, or
     * the bench's {@code alloc_pool_hit} baseline), C2 compiled the inlined kernel with the
     * liveness test's rare path: the Jacobi kernel sample took 12.3 ms a call instead of 8.4.
     */
    private record LoopRow(MethodHandle loop, Object[] args) implements Row {
        @Override
        public void run(JvmKernelContext c, int x0, int x1) throws Throwable {
            loop.invokeExact((KernelContext) c, x0, x1, args);
        }

        @Override
        public Row onThisThread() {
            Object[] mine = KernelSegments.confined(args);
            Consumer<Object[]> probe = taskArgs;
            if (probe != null) probe.accept(mine);
            return mine == args ? this : new LoopRow(loop, mine);
        }
    }

    /**
     * Shown the arguments each chunk of a kernel method's loop (or of a lane program) runs with, on
     * its thread (tests check the views are confined); null otherwise.
     */
    static volatile Consumer<Object[]> taskArgs;

    /**
     * Flat launches: the range in linear order, cut into chunks for the pool threads (small ranges
     * run on the caller), each chunk walked row by row. With an explicit local size the work-groups
     * are what the threads share out, as OpenCL CPU drivers do, so a few large groups (say one
     * long loop per group) still use every thread; only a single group runs on the caller.
     */
    private static void runFlat(Row row, int[] g, int[] l, boolean explicitGroups, boolean columns,
                                Consumer<JvmKernelContext> sumAtomics) {
        BooleanSupplier stop = Cancellation.current();
        long total = (long) g[0] * g[1] * g[2];
        long group = (long) l[0] * l[1] * l[2];
        if (explicitGroups ? total <= group : total <= INLINE_LIMIT) {
            runRows(row, g, l, 0, total, stop, columns, sumAtomics);
            checkNotStopped(stop);
            return;
        }
        long chunk = explicitGroups ? group * Math.max(1, total / group / (THREADS * 4L)) : Math.max(4096, total / (THREADS * 4L));
        AtomicLong cursor = new AtomicLong();
        HostThreads.onAllCores((total + chunk - 1) / chunk, () -> {
            long s;
            while (!stop.getAsBoolean() && (s = cursor.getAndAdd(chunk)) < total) {
                runRows(row, g, l, s, Math.min(total, s + chunk), stop, columns, sumAtomics);
            }
        }, "java device's kernel");
        checkNotStopped(stop);
    }

    /** Ends a launch that stopped early because its caller gave up waiting. */
    private static void checkNotStopped(BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new CancellationException("the java device stopped this kernel early because its caller's "
                    + "timeout passed; its results are incomplete");
        }
    }

    /**
     * The items {@code start..end-1}, on a context {@code sumAtomics} prepares for how their atomic
     * adds are summed (per address and chunk, or as launch sums), those sums made at the end.
     */
    private static void runRows(Row row, int[] g, int[] l, long start, long end, BooleanSupplier stop, boolean columns,
                                Consumer<JvmKernelContext> sumAtomics) {
        JvmKernelContext c = new JvmKernelContext(g, l, null);
        sumAtomics.accept(c);
        Row mine = row.onThisThread();
        // rows run along dimension 0; columns (items in order y, x, z) along dimension 1
        int inner = columns ? g[1] : g[0], outer = columns ? g[0] : g[1];
        long i = start;
        while (i < end && !stop.getAsBoolean()) {
            long r = i / inner;
            int x0 = (int) (i % inner);
            int x1 = (int) Math.min(inner, x0 + (end - i));
            if (columns) {
                setColumn(c, (int) (r % outer), (int) (r / outer));
            } else {
                setRow(c, (int) (r % outer), (int) (r / outer));
            }
            try {
                mine.run(c, x0, x1);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            i += x1 - x0;
        }
        c.flushSums();
    }

    /** A column's context: the generated column loop moves gid1; dimension 0's local and group ids follow from gid0. */
    private static void setColumn(JvmKernelContext c, int x, int z) {
        c.gid0 = x;
        c.gid2 = z;
        c.lid2 = z % c.lsz2;
        c.grp2 = z / c.lsz2;
    }

    private static void setRow(JvmKernelContext c, int y, int z) {
        c.gid1 = y;
        c.lid1 = y % c.lsz1;
        c.grp1 = y / c.lsz1;
        c.gid2 = z;
        c.lid2 = z % c.lsz2;
        c.grp2 = z / c.lsz2;
    }

    // ------------------------------------------------------------------ work-group launches

    /**
     * Work-item loops ({@link WorkItemLoops}): the groups in linear order, cut into chunks the pool
     * threads take through an atomic cursor; a thread runs a chunk's groups one after another
     * through {@code runGroups}, a row of groups per call, with one set of local arrays it reuses
     * (the generated code clears them per group). A single group runs on the caller.
     */
    private static void runLoops(MethodHandle runGroups, int[] g, int[] l, Object[] slots, int[] geometry,
                                 java.util.function.Supplier<Object[]> memory) {
        BooleanSupplier stop = Cancellation.current();
        int n0 = g[0] / l[0], n1 = g[1] / l[1];
        long total = (long) n0 * n1 * (g[2] / l[2]);
        if (total == 1) {
            runGroupRange(runGroups, slots, geometry, memory.get(), n0, n1, 0, 1);
            return;
        }
        long chunk = Math.max(1, total / (THREADS * 4L));
        AtomicLong cursor = new AtomicLong();
        HostThreads.onAllCores((total + chunk - 1) / chunk, () -> {
            Object[] mem = memory.get();
            long s;
            while (!stop.getAsBoolean() && (s = cursor.getAndAdd(chunk)) < total) {
                runGroupRange(runGroups, slots, geometry, mem, n0, n1, s, Math.min(total, s + chunk));
            }
        }, "java device's kernel");
        checkNotStopped(stop);
    }

    /** Runs the groups of linear index {@code start..end-1}, one call per row of groups or {@link #GROUPS_PER_CALL} groups. */
    private static void runGroupRange(MethodHandle runGroups, Object[] slots, int[] geometry, Object[] memory,
                                      int n0, int n1, long start, long end) {
        long i = start;
        while (i < end) {
            long row = i / n0;
            int gx0 = (int) (i % n0);
            int gx1 = (int) Math.min(Math.min(n0, gx0 + (end - i)), gx0 + GROUPS_PER_CALL);
            try {
                runGroups.invokeExact(slots, geometry, memory, gx0, gx1, (int) (row % n1), (int) (row / n1));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            i += gx1 - gx0;
        }
    }

    /** The body of one work-item of a group, given its context. */
    @FunctionalInterface
    private interface Item {
        void run(JvmKernelContext c) throws Throwable;
    }

    /** Prepares a group (its local memory) and gives the body its items run. */
    @FunctionalInterface
    private interface GroupSetup {
        Item start(WorkGroup group);
    }

    private static void runGroups(int[] g, int[] l, GroupSetup setup) {
        BooleanSupplier stop = Cancellation.current();
        int n0 = g[0] / l[0], n1 = g[1] / l[1], n2 = g[2] / l[2];
        long groupsTotal = (long) n0 * n1 * n2;
        int items = l[0] * l[1] * l[2];
        AtomicLong cursor = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        HostThreads.onAllCores(groupsTotal, () -> {
            long gi;
            while (failure.get() == null && !stop.getAsBoolean() && (gi = cursor.getAndIncrement()) < groupsTotal) {
                int gx = (int) (gi % n0), gy = (int) ((gi / n0) % n1), gz = (int) (gi / ((long) n0 * n1));
                try {
                    runGroup(setup, g, l, items, gx, gy, gz, failure);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the java device's kernel ran", e);
                }
            }
        }, "java device's kernel");
        checkNotStopped(stop);
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error er) throw er;
        if (f != null) throw new IllegalStateException(f);
    }

    private static void runGroup(GroupSetup setup, int[] g, int[] l, int items,
                                 int gx, int gy, int gz, AtomicReference<Throwable> failure) throws InterruptedException {
        WorkGroup group = new WorkGroup(items);
        Item item = setup.start(group);
        Thread[] threads = new Thread[items];
        int k = 0;
        for (int lz = 0; lz < l[2]; lz++) {
            for (int ly = 0; ly < l[1]; ly++) {
                for (int lx = 0; lx < l[0]; lx++) {
                    JvmKernelContext c = new JvmKernelContext(g, l, group);
                    c.lid0 = lx;
                    c.lid1 = ly;
                    c.lid2 = lz;
                    c.grp0 = gx;
                    c.grp1 = gy;
                    c.grp2 = gz;
                    c.gid0 = gx * l[0] + lx;
                    c.gid1 = gy * l[1] + ly;
                    c.gid2 = gz * l[2] + lz;
                    threads[k++] = Thread.ofVirtual().unstarted(() -> {
                        try {
                            item.run(c);
                        } catch (WorkGroup.Aborted a) {
                            return;
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                            group.phaser.forceTermination();
                            return;
                        }
                        group.phaser.arriveAndDeregister();
                    });
                }
            }
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
    }

}
