package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.prange.Prange;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import java.util.stream.Stream;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three styles a user writes, each checked against plain Java. "gpu:0" is what the user's code
 * asks for: on a machine without a GPU it falls back to the default device with one warning. Then
 * every device of the machine, by its filter string.
 */
class ConsumerTest {
    static final int N = 1000;

    static Stream<String> devices() {
        return Stream.concat(Stream.of("gpu:0"), Devices.all().stream().map(Device::filterString));
    }

    static float[] ramp(int n, float scale, float offset) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = scale * (i % 97) + offset;
        return v;
    }

    @ParameterizedTest
    @MethodSource("devices")
    void kernelComputesSaxpy(String device) {
        float[] x = ramp(N, 0.5f, 1f), y = ramp(N, -0.25f, 3f);
        UsmNdArray xs = Tensor.asarray(x, new long[] {N}, ArrayOptions.on(device));
        UsmNdArray ys = Tensor.asarray(y, new long[] {N}, ArrayOptions.on(device));
        Saxpy.apply(2f, xs, ys);
        float[] got = ys.toFloatArray();
        for (int i = 0; i < N; i++) assertEquals(2f * x[i] + y[i], got[i], 0f, "element " + i);
    }

    @ParameterizedTest
    @MethodSource("devices")
    void arrayExpressionStandardizes(String device) {
        float[] x = ramp(N, 0.125f, -2f);
        double mean = 0, var = 0;
        for (float v : x) mean += v;
        mean /= N;
        for (float v : x) var += (v - mean) * (v - mean);
        double std = Math.sqrt(var / N);
        float[] got = Standardize.standardize(Tensor.asarray(x, new long[] {N}, ArrayOptions.on(device))).toFloatArray();
        for (int i = 0; i < N; i++) assertEquals((x[i] - mean) / std, got[i], 1e-5, "element " + i);
    }

    @ParameterizedTest
    @MethodSource("devices")
    void prangeLoopComputesDot(String device) {
        float[] a = ramp(N, 0.01f, 0.5f), b = ramp(N, -0.02f, 1f);
        double ref = 0;
        for (int i = 0; i < N; i++) ref += (double) a[i] * b[i];
        UsmNdArray as = Tensor.asarray(a, new long[] {N}, ArrayOptions.on(device));
        UsmNdArray bs = Tensor.asarray(b, new long[] {N}, ArrayOptions.on(device));
        float got = Prange.compile(Dot::dot).apply(FloatArray.on(as.memory()), FloatArray.on(bs.memory()));
        assertEquals(ref, got, 1e-4 * Math.abs(ref), "dot product");
    }
}
