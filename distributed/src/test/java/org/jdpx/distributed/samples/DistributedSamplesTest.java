package org.jdpx.distributed.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.distributed.DistContext;
import org.jdpx.distributed.LocalSpark;
import org.jdpx.samples.Sample;
import org.jdpx.samples.Tour;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every distributed seed program on an embedded {@code local[3]} with 7 blocks (more than
 * threads, uneven), checked by the sample itself against the single-process jdpx program on the
 * same data and device; and the distribution report of logistic regression.
 */
class DistributedSamplesTest {
    static DistContext ctx;

    @BeforeAll
    static void start() {
        ctx = LocalSpark.context();
    }

    @Test
    void everyDistributedSampleMatchesTheSingleProcessOne() {
        Device device = ctx.driverQueue().device();
        List<Sample> all = DistributedSamples.all(ctx, 7);
        assertEquals(5, all.size());
        for (Sample s : all) {
            Tour.Entry e = Tour.runOne(s, device);
            System.out.printf("%s: %.2f s%n", s.name(), e.seconds());
            assertTrue(e.ok(), s.name() + ": " + e.detail());
            assertEquals(device.filterString(), e.device(), s.name());
        }
    }

    @Test
    void logisticRegressionsReportShowsBroadcastAndTreeReductionWithoutShuffles() {
        ctx.report().clear();
        Sample s = new DistLogisticRegression(ctx, 5);
        assertTrue(s.run(ctx.driverQueue().device()).ok());
        var ops = ctx.report().operations();
        assertTrue(ctx.report().shuffles().isEmpty(), ctx.report().toString());
        assertEquals(20, ops.stream().filter(o -> o.operation().startsWith("matmul") && o.detail().contains("broadcast")).count(), ctx.report().toString());
        assertEquals(20, ops.stream().filter(o -> o.detail().contains("treeReduce")).count(), ctx.report().toString());
        assertTrue(ctx.report().toString().contains("1D_Block(axis 0: 820+819+819+819+819)"), ctx.report().toString());
    }
}
