package org.jdpx.kernels;

import org.jdpx.device.spi.LaunchRange;

/** Where a kernel runs over: a {@link Range} or an {@link NdRange}. */
public sealed interface WorkRange permits Range, NdRange {

    /** The range as the backend SPI takes it. */
    LaunchRange launchRange();
}
