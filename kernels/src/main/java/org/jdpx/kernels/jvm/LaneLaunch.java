package org.jdpx.kernels.jvm;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jdpx.device.spi.Cancellation;
import org.jdpx.kernels.ir.Scalar;

/**
 * One launch of a kernel's lane programs ({@link LaneKernels}) on the java device: the items in
 * linear order with the inner global id fastest, cut into tasks for the pool threads as
 * {@link JvmKernelRunner} cuts its flat launches (a launch of up to {@value #INLINE_LIMIT} items
 * runs on the caller). A kernel without branches runs its one path over runs of consecutive items
 * (the whole task at once where the views' other strides make rows follow one another in memory);
 * a branching one runs the runs of its {@link LaneSchedule}, each on its path. Each task adds its
 * launch-sum contributions in double and makes one atomic add of them.
 */
final class LaneLaunch {
    /** Items up to which a launch runs on the caller only. */
    static final long INLINE_LIMIT = 1 << 16;
    /** Least items per task handed to another thread: fewer cost more to hand over than they save. */
    private static final long MIN_CHUNK = 1 << 15;

    private final List<LanePath> paths;
    private final LaneSchedule schedule;
    private final int[] g;
    private final int inner;
    private final int o1;
    private final int o2;
    private final LaunchSums.Site sum;
    private final Object sumView;
    private final Object[] args;
    /** One path whose views' other strides make rows follow one another: a task runs as one range of elements. */
    private final boolean flat;

    /** {@code schedule} null: {@code paths} is one path without guards. */
    LaneLaunch(List<LanePath> paths, LaneSchedule schedule, int[] g, int inner, LaunchSums.Site sum, Object sumView,
               Object[] args) {
        this.paths = paths;
        this.schedule = schedule;
        this.g = g;
        this.inner = inner;
        this.o1 = inner == 0 ? 1 : 0;
        this.o2 = inner == 2 ? 1 : 2;
        this.sum = sum;
        this.sumView = sumView;
        this.args = args;
        boolean f = schedule == null;
        long gi = g[inner], g1 = g[o1];
        for (LaneIndex.Affine a : paths.getFirst().at) f &= (g[o1] == 1 || a.v(o1) == gi) && (g[o2] == 1 || a.v(o2) == gi * g1);
        this.flat = f;
    }

    /** Runs the launch; {@code l} is its local size (for the launch-sum context only). */
    void run(int[] l) {
        BooleanSupplier stop = Cancellation.current();
        long total = schedule == null ? (long) g[0] * g[1] * g[2] : schedule.items[schedule.size];
        if (total <= INLINE_LIMIT) {
            task(0, total, l, stop);
        } else {
            long chunk = Math.max(MIN_CHUNK, total / (HostThreads.threads() * 4L));
            AtomicLong cursor = new AtomicLong();
            HostThreads.onAllCores((total + chunk - 1) / chunk, () -> {
                long s;
                while (!stop.getAsBoolean() && (s = cursor.getAndAdd(chunk)) < total) {
                    task(s, Math.min(total, s + chunk), l, stop);
                }
            }, "java device's kernel");
        }
        if (stop.getAsBoolean()) {
            throw new CancellationException("the java device stopped this kernel early because its caller's timeout passed;"
                    + " its results are incomplete");
        }
    }

    /** The items {@code start..end-1} (of the schedule's runs where there is one), then their launch sum's one atomic. */
    private void task(long start, long end, int[] l, BooleanSupplier stop) {
        Consumer<Object[]> probe = JvmKernelRunner.taskArgs;
        if (probe != null) probe.accept(KernelSegments.confined(args));
        int block = (int) Math.min(LaneLoops.BLOCK, roundUp(g[inner]));
        double s = schedule == null ? onePath(start, end, block, stop) : scheduled(start, end, block, stop);
        if (sum != null) {
            JvmKernelContext c = new JvmKernelContext(g, l, null);
            c.sumSite = sum;
            c.sumView = sumView;
            if (sum.type() == Scalar.F32) c.sumFloat = (float) s;
            else c.sumDouble = s;
            c.flushSums();
        }
    }

    private double onePath(long start, long end, int block, BooleanSupplier stop) {
        LanePath p = paths.getFirst();
        long gi = g[inner], g1 = g[o1];
        LanePath.Task t = p.new Task(flat ? (int) Math.min(LaneLoops.BLOCK, roundUp(end - start)) : block);
        long[] first = new long[p.at.length];
        double s = -0.0d;
        long i = start;
        while (i < end && !stop.getAsBoolean()) {
            long n;
            if (flat) {
                for (int k = 0; k < first.length; k++) first[k] = p.at[k].c() + i;
                n = Math.min(end - i, MIN_CHUNK);
            } else {
                long row = i / gi, x = i % gi;
                p.starts(first, x, row % g1, row / g1, inner, o1, o2);
                n = Math.min(gi - x, end - i);
            }
            s += t.run(first, n);
            i += n;
        }
        return s;
    }

    /** The runs of the schedule that hold items {@code start..end-1}, the first and last cut to them. */
    private double scheduled(long start, long end, int block, BooleanSupplier stop) {
        LaneSchedule sc = schedule;
        int r = java.util.Arrays.binarySearch(sc.items, 0, sc.size + 1, start);
        if (r < 0) r = -r - 2; // the run that holds item `start`
        LanePath.Task[] tasks = new LanePath.Task[paths.size()];
        long[] first = new long[LanePath.maxAccesses(paths)];
        double s = -0.0d;
        for (; r < sc.size && sc.items[r] < end && !stop.getAsBoolean(); r++) {
            LanePath p = paths.get(sc.path[r]);
            LanePath.Task t = tasks[sc.path[r]];
            if (t == null) t = tasks[sc.path[r]] = p.new Task(block);
            long skip = Math.max(0, start - sc.items[r]);
            long n = Math.min(sc.items[r + 1], end) - sc.items[r] - skip;
            long row = sc.row[r];
            p.starts(first, sc.from[r] + skip, row % g[o1], row / g[o1], inner, o1, o2);
            s += t.run(first, n);
        }
        return s;
    }

    /** {@code n} rounded up to whole vectors of either type. */
    private static long roundUp(long n) {
        long unit = LaneLoops.UNIT;
        return Math.max(unit, (n + unit - 1) / unit * unit);
    }
}
