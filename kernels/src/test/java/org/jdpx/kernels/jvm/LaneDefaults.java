package org.jdpx.kernels.jvm;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lane switches the lane tests run under: generated code from the first item
 * ({@link LaneKernels#warmItems} 0), and every switch back at its default after each test.
 */
final class LaneDefaults implements BeforeEachCallback, AfterEachCallback {
    private static final long WARM_ITEMS = LaneKernels.warmItems;

    @Override
    public void beforeEach(ExtensionContext context) {
        LaneKernels.warmItems = 0;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LaneKernels.enabled = true;
        LaneKernels.generated = true;
        LaneKernels.warmItems = WARM_ITEMS;
    }
}
