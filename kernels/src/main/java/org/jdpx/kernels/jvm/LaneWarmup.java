package org.jdpx.kernels.jvm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a lane path switches from {@link LaneLoops}' operation-at-a-time loops to its generated
 * code ({@link LaneCode}). Generated Vector API code is slow until C2 has compiled it: interpreted
 * or C1-compiled, every vector is an object and every operation a chain of calls. Run on a
 * kernel's items, that warm-up made the Jacobi sample's first dozen calls 25-170 ms each where one
 * item at a time takes 8-19. So a path runs an operation at a time (those loops are shared by
 * every kernel and compiled early); once it has run {@link LaneKernels#warmItems} items that way, a
 * background thread runs the generated methods on scratch memory until they run at compiled speed,
 * and from then on the path takes them. A kernel that stops before never pays for them.
 */
final class LaneWarmup {
    private static final System.Logger LOG = System.getLogger(LaneWarmup.class.getName());
    private static final int COLD = 0, WARMING = 1, READY = 2, SLOW = 3;
    /** Nanoseconds an item below which the generated code counts as compiled (interpreted code takes tens). */
    private static final double FAST_NS_PER_ITEM = 1.5;
    /** How long the warm-up may run before the path keeps its loops for good. */
    private static final long GIVE_UP_NANOS = 3_000_000_000L;
    private static final ExecutorService WARMER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jdpx-lane-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    /** Keeps the warm-up's results observable, so the JIT cannot drop the calls. */
    static volatile double sink;

    private final LanePlan plan;
    private final LaneCode.Methods code;
    private final AtomicLong operated = new AtomicLong();
    private final AtomicInteger state = new AtomicInteger(COLD);

    LaneWarmup(LanePlan plan, LaneCode.Methods code) {
        this.plan = plan;
        this.code = code;
    }

    /** Items the path has run an operation at a time, over all its launches. */
    long operated() {
        return operated.get();
    }

    /**
     * Whether a run of {@code n} items takes the generated code; if not, counts them and starts the
     * warm-up once the path has run {@link LaneKernels#warmItems} items (with 0, as tests set it, the
     * generated code is taken at once).
     */
    boolean generated(long n) {
        int s = state.get();
        if (s == READY) return true;
        if (code == null || s == SLOW) return false;
        long limit = LaneKernels.warmItems;
        if (limit == 0) {
            state.set(READY);
            return true;
        }
        if (operated.addAndGet(n) >= limit && state.compareAndSet(COLD, WARMING)) WARMER.execute(this::warm);
        return false;
    }

    /** Runs both generated methods on scratch blocks until a block runs at compiled speed, or gives up. */
    private void warm() {
        int block = LaneLoops.BLOCK;
        MemorySegment[] segs = new MemorySegment[plan.accesses.size()];
        Arena arena = Arena.ofAuto();
        for (int k = 0; k < segs.length; k++) segs[k] = arena.allocate((long) block * plan.accesses.get(k).elem().bytes(), 64);
        long[] base = new long[segs.length];
        double[] fills = new double[plan.fills.size()];
        long start = System.nanoTime();
        double sum = 0;
        try {
            while (System.nanoTime() - start < GIVE_UP_NANOS) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 64; i++) {
                    sum += code.whole(segs, base, fills, block);
                    sum += code.tail(segs, base, fills, block - 1);
                }
                double perItem = (System.nanoTime() - t0) / (64.0 * (2 * block - 1));
                if (perItem < FAST_NS_PER_ITEM) {
                    state.set(READY);
                    LOG.log(System.Logger.Level.DEBUG, () -> "kernel " + plan.kernel + ": generated lane code ready after "
                            + (System.nanoTime() - start) / 1_000_000 + " ms of warm-up");
                    return;
                }
            }
            state.set(SLOW);
            LOG.log(System.Logger.Level.DEBUG, () -> "kernel " + plan.kernel + ": generated lane code still slow after "
                    + GIVE_UP_NANOS / 1_000_000 + " ms; the kernel keeps its operation-at-a-time loops");
        } catch (RuntimeException | Error e) {
            state.set(SLOW);
            LOG.log(System.Logger.Level.WARNING, () -> "kernel " + plan.kernel + ": generated lane code failed on scratch memory"
                    + " (a bug to report); the kernel keeps its operation-at-a-time loops: " + e);
        } finally {
            sink = sum;
        }
    }
}
