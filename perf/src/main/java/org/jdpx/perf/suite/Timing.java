package org.jdpx.perf.suite;

import java.util.Arrays;

/**
 * Seconds of repeated runs, summarised: median, fastest and slowest, and how many runs.
 *
 * @param median  the median run
 * @param min     the fastest run
 * @param max     the slowest run
 * @param samples runs measured
 */
public record Timing(double median, double min, double max, int samples) {

    /** Summarises the given run times; at least one is needed. */
    public static Timing of(double... seconds) {
        if (seconds.length == 0) throw new IllegalArgumentException("no runs to summarise");
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        return new Timing(median, s[0], s[n - 1], n);
    }
}
