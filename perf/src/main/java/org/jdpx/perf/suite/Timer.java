package org.jdpx.perf.suite;

/** Runs a trial under a plan: warm-ups, then measured runs until enough or the budget is spent. */
final class Timer {

    private Timer() {
    }

    static Timing measure(Trial trial, RunPlan plan, int repeat) throws Exception {
        long start = System.nanoTime();
        long budget = (long) (plan.budgetSeconds() * 1e9);
        for (int i = 0; i < plan.warmups() * Math.max(1, repeat / 10); i++) {
            trial.run();
            if (System.nanoTime() - start > budget / 2) break;
        }
        int wanted = plan.reps() * repeat;
        double[] times = new double[wanted];
        int n = 0;
        long measureStart = System.nanoTime();
        while (n < wanted) {
            times[n++] = trial.run();
            if (n >= 3 && System.nanoTime() - measureStart > budget) break;
            if (n >= 1 && System.nanoTime() - measureStart > 3 * budget) break;
        }
        return Timing.of(java.util.Arrays.copyOf(times, n));
    }
}
