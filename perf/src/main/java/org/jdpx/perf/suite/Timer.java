package org.jdpx.perf.suite;

import java.util.function.LongSupplier;

/** Runs a trial: warm-ups, then measured runs until enough or the budget is spent. */
final class Timer {

    /** Seconds below which a run is warmed up further before it is timed. */
    static final double SHORT_RUN = 2e-3;
    /** A warm-up run this fraction of the one before or less is still getting faster. */
    static final double STILL_FASTER = 0.9;
    /**
     * Seconds of warm-up runs, at the least, before a run is timed. Runs of a few ms can sit on
     * interpreted or C1 code for tens of calls before C2 replaces it, with no steady gain from one
     * call to the next to tell: the java device's l2 kernel sample took 1-6 ms for its first 25
     * calls (60 ms), then 0.3-0.5 ms.
     */
    static final double MIN_WARM_SECONDS = 0.1;
    /** Most extra warm-up runs. */
    static final int WARM_CALLS = 2_000;
    /**
     * Seconds of warm-up runs, at the least, in which the JIT compiled for no more than
     * {@link #JIT_BUSY} of the time, before a run is timed. On 2 cores a compiler thread takes one
     * of them: the java device's gemv_f32 ran at 2.7-3.5 ms on one core for its first 60 calls
     * while C2 compiled (its thread at 35-92% of a core in the full quick bench), and at 1.3-1.6
     * ms on both once it stopped; the timed runs had caught the first.
     */
    static final double JIT_QUIET_SECONDS = 0.02;
    /** The share of a window's time spent compiling above which the JIT counts as busy. */
    static final double JIT_BUSY = 0.1;
    /** Seconds of warm-up runs between two looks at the JIT (a look reads /proc: 0.1-0.3 ms). */
    static final double JIT_WINDOW_SECONDS = 0.005;
    /**
     * Seconds after the first run, at the most, that warm-ups wait for the JIT when half the
     * budget is less: the java device's logistic regression sample (about 40 kinds of fused loop)
     * kept C2 compiling for its first 25 calls, 1.2 s, at 30-50 ms a call, then took 6-9 ms.
     */
    static final double JIT_WAIT_SECONDS = 1.5;

    /** Nanoseconds the JIT has compiled so far ({@link JitActivity}); -1 where unknown (tests set it). */
    static volatile LongSupplier jitNanos = JitActivity::nanos;

    private Timer() {
    }

    /**
     * Measures {@code trial}: {@code warmups} untimed runs (cut short past half the budget; while
     * they take under {@link #SHORT_RUN} or keep getting faster, or until those after the first add
     * up to {@link #MIN_WARM_SECONDS}, more follow, for up to a quarter of the budget after the
     * first; until {@link #JIT_QUIET_SECONDS} of runs pass with the JIT compiling for at most
     * {@link #JIT_BUSY} of their time, more still, for up to half the budget or
     * {@link #JIT_WAIT_SECONDS} after the first, whichever is longer), then up
     * to {@code reps} measured runs, stopping once the budget is spent with at least 3 runs, or
     * with at least 1 run when runs are longer than the budget.
     */
    static Timing measure(Trial trial, int warmups, int reps, double budgetSeconds) throws Exception {
        long budget = (long) (budgetSeconds * 1e9);
        long start = System.nanoTime();
        long afterFirst = start;
        double previous = Double.MAX_VALUE;
        double warmed = 0;
        for (int i = 0; i < warmups; i++) {
            previous = trial.run();
            if (i == 0) {
                afterFirst = System.nanoTime();
            } else {
                warmed += previous;
            }
            if (System.nanoTime() - start > budget / 2) break;
        }
        // Runs are timed once the JIT has compiled the path they call, as in a program that calls
        // it often: warm-ups go on while they take under SHORT_RUN or are still getting faster
        // (by a tenth or more), for at most a quarter of the budget or WARM_CALLS runs. The first
        // warm-up may include a compile (a PoCL program build, 0.3-0.6 s), so neither the minimum
        // nor the quarter of the budget counts it: after a 340 ms first call, the java device's
        // matmul_f32_1024 went straight to its timed runs at 10-15 ms, 7 ms a dozen calls later.
        // Nor are runs timed while the JIT still compiles (on another core, which the runs then
        // lack), for up to half the budget or JIT_WAIT_SECONDS.
        if (warmups > 0) {
            long jit = jitNanos.getAsLong();
            long jitWait = Math.max(budget / 2, (long) (JIT_WAIT_SECONDS * 1e9));
            double window = 0;
            double quiet = 0;
            for (int i = 0; i < WARM_CALLS; i++) {
                long spent = System.nanoTime() - afterFirst;
                if (spent >= budget / 2 && (spent >= jitWait || quiet >= JIT_QUIET_SECONDS)) break;
                long before = System.nanoTime();
                double t = trial.run();
                window += Math.max(t, (System.nanoTime() - before) / 1e9);
                warmed += t;
                if (window >= JIT_WINDOW_SECONDS) {
                    long jitNow = jitNanos.getAsLong();
                    boolean busy = jitNow < jit || jitNow - jit > JIT_BUSY * window * 1e9;
                    quiet = busy ? 0 : quiet + window;
                    jit = jitNow;
                    window = 0;
                }
                boolean jitQuiet = jit < 0 || quiet >= JIT_QUIET_SECONDS;
                boolean level = t >= SHORT_RUN && t > STILL_FASTER * previous && warmed >= MIN_WARM_SECONDS;
                if (jitQuiet && (level || System.nanoTime() - afterFirst >= budget / 4)) break;
                previous = t;
            }
        }
        double[] times = new double[reps];
        int n = 0;
        long measureStart = System.nanoTime();
        while (n < reps) {
            times[n++] = trial.run();
            long spent = System.nanoTime() - measureStart;
            if (n >= 3 && spent > budget || n >= 2 && spent > 2 * budget || spent > 4 * budget) break;
        }
        return Timing.of(java.util.Arrays.copyOf(times, n));
    }

    /**
     * Measures a workload's trial (or one of its peers') under {@code plan} with the given budget.
     * Latency workloads ({@link Workload#repeat()} above 1) warm up for ten times their repeat
     * count (within half the budget), so that the JIT has compiled the measured path, as it has for
     * a program that launches often; fewer warm-ups would time jdpx's launch path interpreted.
     */
    static Timing measure(Trial trial, RunPlan plan, Workload w, double budgetSeconds) throws Exception {
        int warmups = !w.warmup() ? 0 : w.repeat() > 1 ? plan.warmups() * w.repeat() * 10 : plan.warmups();
        return measure(trial, warmups, plan.reps() * w.repeat(), budgetSeconds);
    }
}
