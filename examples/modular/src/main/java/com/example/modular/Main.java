package com.example.modular;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.dpnp.Dpnp;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Squares 1..100 with a kernel and sums them with Dpnp, on "gpu:0" (which falls back when there is no GPU)
 * and then on every device of the machine; checks each sum against n(n+1)(2n+1)/6 and exits 1 when one is wrong.
 */
public final class Main {
    private Main() { }

    @Kernel
    static void square(KernelContext ctx, FloatArray x) {
        int i = ctx.globalId(0);
        x.set(i, x.get(i) * x.get(i));
    }

    static UsmNdArray squares(ArrayOptions where, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i + 1;
        UsmNdArray x = Tensor.asarray(v, new long[] {n}, where);
        Kernels.launch(Main::square, Range.of(n), FloatArray.on(x.memory()));
        return x;
    }

    public static void main(String[] args) {
        int n = 100;
        double expected = n * (n + 1.0) * (2 * n + 1) / 6;
        List<String> wrong = new ArrayList<>();
        List<ArrayOptions> targets = new ArrayList<>(List.of(ArrayOptions.on("gpu:0")));
        for (Device d : Devices.all()) targets.add(ArrayOptions.on(d));
        for (ArrayOptions where : targets) {
            UsmNdArray x = squares(where, n);
            double sum = Dpnp.sum(x).item();
            String device = x.device().filterString();
            System.out.println("module " + Main.class.getModule().getName() + ", " + device + ": sum of squares 1.." + n + " = " + sum);
            if (sum != expected) wrong.add(device + " gave " + sum);
        }
        if (!wrong.isEmpty()) {
            System.err.println("modular: expected " + expected + "; " + wrong);
            System.exit(1);
        }
    }
}
