package org.jdpx.perf.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How many untimed runs {@link Timer} makes before it measures. */
class TimerTest {
    private LongSupplier realJit;

    /** A JIT that compiles nothing during these tests, unless a test says otherwise. */
    @BeforeEach
    void quietJit() {
        realJit = Timer.jitNanos;
        Timer.jitNanos = () -> 1234;
    }

    @AfterEach
    void restoreJit() {
        Timer.jitNanos = realJit;
    }

    /** A trial reporting the given seconds per run (no real time passes), counting its runs. */
    private static class Counted implements Trial {
        final double seconds;
        int runs;

        Counted(double seconds) {
            this.seconds = seconds;
        }

        @Override
        public double run() {
            runs++;
            return seconds;
        }

        @Override
        public void close() {
        }
    }

    /**
     * 3 ms runs (sleeping {@code sleepMs} of real time each) during the first {@code compilingRuns}
     * of which the JIT finishes compiling something; installs itself as Timer's JIT clock.
     */
    private static class Compiling extends Counted {
        final AtomicLong compiled = new AtomicLong();
        final int compilingRuns;
        final long sleepMs;

        Compiling(int compilingRuns, long sleepMs) {
            super(3e-3);
            this.compilingRuns = compilingRuns;
            this.sleepMs = sleepMs;
            Timer.jitNanos = compiled::get;
        }

        @Override
        public double run() {
            if (sleepMs > 0) sleep(sleepMs);
            super.run();
            if (runs <= compilingRuns) compiled.addAndGet(2_000_000);
            return seconds;
        }
    }

    /** Real time passing inside a run (the budget is wall-clock time). */
    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shortRunsWarmUpUntilTheJitHasSeenThemOften() throws Exception {
        Counted t = new Counted(1e-4);
        Timing timing = Timer.measure(t, 1, 5, 3600);
        // One plan warm-up, WARM_CALLS more (the budget is far away), then the 5 measured runs.
        assertEquals(1 + Timer.WARM_CALLS + 5, t.runs);
        assertEquals(1e-4, timing.median(), 0);
    }

    @Test
    void longRunsGetOneMoreWarmUpOnly() throws Exception {
        Counted t = new Counted(0.05);
        Timer.measure(t, 2, 5, 3600);
        assertEquals(2 + 1 + 5, t.runs);
    }

    @Test
    void runsThatAreStillGettingFasterWarmUpUntilTheyLevelOff() throws Exception {
        // 80, 40, 20, 10, 5, 5, 5 ... ms: the JIT compiling a loop over the first calls.
        Counted t = new Counted(0) {
            @Override
            public double run() {
                super.run();
                return Math.max(5e-3, 80e-3 / (1 << (runs - 1)));
            }
        };
        Timing timing = Timer.measure(t, 1, 5, 3600);
        // The plan's warm-up (80 ms, which may include a compile and does not count), then 40, 20,
        // 10, 5 getting faster, and 5 ms runs that are not until the runs after the first add up to
        // 0.1 s (75 ms + 5 x 5 ms).
        assertEquals(1 + 4 + 5 + 5, t.runs);
        assertEquals(5e-3, timing.median(), 0);
    }

    @Test
    void levelRunsOfAFewMsWarmUpForTheMinimumTime() throws Exception {
        Counted t = new Counted(3e-3);
        Timer.measure(t, 1, 5, 3600);
        // 3 ms runs neither short nor getting faster: after the plan's one (not counted), warm-ups
        // until 34 of them add up to 0.1 s
        int warmUps = t.runs - 5;
        assertTrue(warmUps >= 35 && warmUps <= 36, warmUps + " warm-ups");
    }

    /** A first call that compiles (here 60 ms of a 0.2 s budget) does not use up the warm-ups' quarter. */
    @Test
    void aSlowFirstCallLeavesTheWarmUpsTheirTime() throws Exception {
        Counted t = new Counted(1e-4) {
            @Override
            public double run() {
                if (runs == 0) sleep(60);
                return super.run();
            }
        };
        Timer.measure(t, 1, 3, 0.2);
        assertTrue(t.runs > 1 + 100 + 3, t.runs + " runs: the short runs after the first must still warm up");
    }

    @Test
    void noWarmUpsMeansNone() throws Exception {
        Counted t = new Counted(1e-4);
        Timer.measure(t, 0, 3, 3600);
        assertEquals(3, t.runs);
    }

    @Test
    void theExtraWarmUpsStopAtAQuarterOfTheBudget() throws Exception {
        Counted t = new Counted(1e-4) {
            @Override
            public double run() {
                sleep(1);
                return super.run();
            }
        };
        Timer.measure(t, 1, 3, 0.2);
        // Each run sleeps at least 1 ms, so a quarter of 0.2 s holds at most 50 of them.
        assertTrue(t.runs <= 1 + 50 + 3, t.runs + " runs");
    }

    /**
     * Level 3 ms runs while the JIT finishes a compilation in each of the first 60 (as on 2 cores,
     * where the compiler thread takes the second core): warm-ups go on until 20 ms of runs pass
     * with none finishing, not only the 0.1 s minimum (34 runs).
     */
    @Test
    void warmUpsWaitForTheJitToFinishCompiling() throws Exception {
        Compiling t = new Compiling(61, 0);
        Timer.measure(t, 1, 5, 3600);
        int warmUps = t.runs - 5;
        // Run 61 is the last with a compile; 20 ms of quiet runs follow, counted in 5 ms windows
        // (two runs each): 8 runs, and up to one window more for where 61 fell in its window.
        assertTrue(warmUps >= 61 + 8 && warmUps <= 61 + 10, warmUps + " warm-ups");
    }

    /** While the JIT keeps compiling, warm-ups stop after JIT_WAIT_SECONDS (here more than half the budget). */
    @Test
    void aJitThatNeverStopsCompilingStopsTheWarmUpsAfterTheWaitLimit() throws Exception {
        Compiling t = new Compiling(Integer.MAX_VALUE, 1);
        long start = System.nanoTime();
        Timer.measure(t, 1, 3, 0.2);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= Timer.JIT_WAIT_SECONDS && seconds < Timer.JIT_WAIT_SECONDS + 1,
                seconds + " s: the warm-ups should have waited " + Timer.JIT_WAIT_SECONDS + " s for the JIT, no more");
        assertTrue(t.runs < Timer.WARM_CALLS, t.runs + " runs: the time limit, not the count, should stop them");
    }
}
