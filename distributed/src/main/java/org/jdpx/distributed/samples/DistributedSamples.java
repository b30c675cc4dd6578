package org.jdpx.distributed.samples;

import java.util.List;
import org.jdpx.distributed.DistContext;
import org.jdpx.samples.Sample;

/** The seed programs as distributed programs, for {@code jdpx tour --distributed} and the tests. */
public final class DistributedSamples {
    private DistributedSamples() {
    }

    /** pi, l2 distance, logistic regression, Black-Scholes and Jacobi over {@code ctx}, each array in {@code blocks} blocks. */
    public static List<Sample> all(DistContext ctx, int blocks) {
        return List.of(new DistPi(ctx, blocks), new DistL2(ctx, blocks), new DistLogisticRegression(ctx, blocks),
                new DistBlackScholes(ctx, blocks), new DistJacobi(ctx, blocks));
    }
}
