package org.jdpx.perf.suite;

import java.util.List;
import java.util.Locale;
import org.jdpx.samples.Sample;
import org.jdpx.samples.SampleTimings;
import org.jdpx.samples.Samples;

/**
 * One row per tour sample ({@link Samples#all()}), named {@code sample_<name>_<style>}: the
 * sample's device code on its tour inputs, host inputs to host result ({@link SampleTimings}), in
 * runs per second; {@code java1} is its plain-Java reference, {@code numpy} the same program in
 * {@code numpy_peer.py} where one is written there. Kernel samples compute in float32, the others
 * in float64 (float32 on devices without fp64).
 */
final class SampleWorkloads {

    private SampleWorkloads() {
    }

    static List<Workload> all() {
        return Samples.all().stream().map(SampleWorkloads::of).toList();
    }

    /** {@code sample_l2_distance_prange} for the prange version of "l2 distance". */
    static String nameOf(Sample s) {
        return "sample_" + s.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_" + s.style().label();
    }

    private static Workload of(Sample s) {
        SampleTimings.Timed t = SampleTimings.of(s);
        Workload.Builder b = Workload.named(nameOf(s)).style(s.style().label())
                .dtype(s.style() == Sample.Style.KERNEL ? "float32" : "float64").size(t.size())
                .rate(Rate.perSecond("run/s"))
                .body((d, n) -> Trial.timed(t.device().apply(d)::run))
                .peer("java1", n -> Trial.timed(t.reference()::run));
        if (!s.name().equals("mandelbrot")) b.external("numpy");
        return b.build();
    }
}
