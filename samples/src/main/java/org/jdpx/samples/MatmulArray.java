package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/** Matrix product in array style: {@code Tensor.matmul} on the device the matrices live on. */
public final class MatmulArray implements Sample {
    static final int N = 256;

    @Override public String name() { return "matmul"; }
    @Override public Style style() { return Style.ARRAY; }

    @Override
    public Result run(Device device) {
        double[] a = References.uniform(N * N, -1, 1, 9), b = References.uniform(N * N, -1, 1, 10);
        ArrayOptions on = ArrayOptions.on(device);
        long[] shape = {N, N};
        UsmNdArray c = Tensor.matmul(Tensor.asarray(a, shape, on), Tensor.asarray(b, shape, on));
        return Check.arrays("C = A·B", c, References.matmul(a, b, N, N, N), 1e-12, 1e-5);
    }
}
