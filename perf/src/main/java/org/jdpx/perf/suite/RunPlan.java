package org.jdpx.perf.suite;

/**
 * How hard a run tries: warm-up runs, measured runs and a wall-clock budget per measurement.
 * The suite times with a median of repetitions rather than JMH: JMH's forks and fixed-length
 * iterations cost seconds per benchmark, and the report holds ~40 measurements per device that a
 * quick run must finish in 2 minutes on 2 cores. The JMH classes in perf/ (and {@code SuiteBench}
 * over these same workloads) are there for careful single-workload runs.
 *
 * @param quick         the quick plan (the report says so)
 * @param warmups       untimed runs first (JIT, caches, page faults)
 * @param reps          measured runs wanted, times a workload's {@link Workload#repeat()}
 * @param budgetSeconds stop measuring once this much time was spent (at least one measured run)
 * @param targetSeconds the whole run should end by then: past 60% of it the budgets shrink
 */
public record RunPlan(boolean quick, int warmups, int reps, double budgetSeconds, double targetSeconds) {

    /** Within 2 minutes on the 2-core reference machine. */
    public static RunPlan quickPlan() {
        return new RunPlan(true, 1, 5, 0.75, 100);
    }

    /**
     * The budget for a measurement starting {@code elapsed} seconds into the run: the plan's until
     * 60% of the target, then shrinking linearly to a tenth of it at the target, so a loaded
     * machine still ends near the target with fewer repetitions.
     */
    public double budgetAt(double elapsed) {
        double late = (elapsed / targetSeconds - 0.6) / 0.4;
        return late <= 0 ? budgetSeconds : budgetSeconds * Math.max(0.1, 1 - 0.9 * late);
    }

    /** Within 10 minutes on the 2-core reference machine. */
    public static RunPlan fullPlan() {
        return new RunPlan(false, 2, 15, 5.0, 540);
    }
}
