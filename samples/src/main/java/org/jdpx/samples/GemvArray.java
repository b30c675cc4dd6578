package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Matrix-vector product in array style, the dpctl.tensor example that calls oneMKL's gemv:
 * {@code r = M·v} where {@code M} and {@code v} live.
 */
public final class GemvArray implements Sample {
    static final int ROWS = 2048, COLS = 512;

    @Override public String name() { return "gemv"; }
    @Override public Style style() { return Style.ARRAY; }

    @Override
    public Result run(Device device) {
        double[] m = References.uniform(ROWS * COLS, -1, 1, 11), v = References.uniform(COLS, -1, 1, 12);
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray r = Tensor.matmul(Tensor.asarray(m, new long[] {ROWS, COLS}, on), Tensor.asarray(v, null, on));
        return Check.arrays("r = M·v", r, References.matmul(m, v, ROWS, COLS, 1), 1e-12, 1e-5);
    }
}
