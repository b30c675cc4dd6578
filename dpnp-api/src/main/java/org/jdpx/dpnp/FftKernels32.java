package org.jdpx.dpnp;

import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;

/**
 * {@link FftKernels64}'s kernels for float32, in float arithmetic, so that devices without fp64
 * (rusticl here, many GPUs) run them. Java has no generics over primitive types, hence the twin;
 * FftKernelsTwinTest keeps the two texts one transform apart.
 */
final class FftKernels32 {

    static final int MAX_RADIX = FftKernels64.MAX_RADIX;

    private FftKernels32() {
    }

    /**
     * One Stockham pass of radix {@code radix} over {@code total / (n / radix)} rows of {@code n}
     * values: work-item j (per row) reads the {@code radix} values {@code j + r n / radix},
     * multiplies value r by the twiddle {@code w^(r k)}, {@code k = j mod ns}, of the transforms
     * of length {@code ns * radix} built so far, takes their radix-point DFT, and writes it to
     * {@code (j / ns) ns radix + k + q ns}, times {@code scale}. {@code tw} holds
     * {@code exp(-2 pi i t / n)}, t &lt; n; {@code inverse} 1 conjugates it.
     */
    @Kernel
    public static void stockham(KernelContext ctx, FloatArray src, FloatArray dst, FloatArray tw, int n, int radix,
                                int ns, int inverse, float scale, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        float[] re = new float[MAX_RADIX];
        float[] im = new float[MAX_RADIX];
        int m = n / radix;
        int row = g / m;
        int j = g - row * m;
        int base = 2 * row * n;
        int k = j % ns;
        int step = k * (n / (ns * radix));
        float sign = inverse == 1 ? -1 : 1;
        for (int r = 0; r < radix; r++) {
            int p = base + 2 * (j + r * m);
            float xr = src.get(p);
            float xi = src.get(p + 1);
            int t = 2 * r * step;
            float wr = tw.get(t);
            float wi = sign * tw.get(t + 1);
            re[r] = xr * wr - xi * wi;
            im[r] = xr * wi + xi * wr;
        }
        int out = base + 2 * ((j / ns) * ns * radix + k);
        for (int q = 0; q < radix; q++) {
            float sr = 0;
            float si = 0;
            for (int r = 0; r < radix; r++) {
                int t = 2 * (((r * q) % radix) * m);
                float wr = tw.get(t);
                float wi = sign * tw.get(t + 1);
                sr += re[r] * wr - im[r] * wi;
                si += re[r] * wi + im[r] * wr;
            }
            dst.set(out + 2 * q * ns, sr * scale);
            dst.set(out + 2 * q * ns + 1, si * scale);
        }
    }

    /**
     * Bluestein's first step: row b of {@code dst} ({@code m} values) is row b of {@code src}
     * ({@code n} values) times the chirp {@code exp(-pi i j^2 / n)} (conjugated when
     * {@code inverse} is 1), zero from n on; {@code total = rows * m}.
     */
    @Kernel
    public static void chirpIn(KernelContext ctx, FloatArray src, FloatArray dst, FloatArray chirp, int n, int m,
                               int inverse, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int row = g / m;
        int j = g - row * m;
        float vr = 0;
        float vi = 0;
        if (j < n) {
            float sign = inverse == 1 ? -1 : 1;
            float xr = src.get(2 * (row * n + j));
            float xi = src.get(2 * (row * n + j) + 1);
            float cr = chirp.get(2 * j);
            float ci = sign * chirp.get(2 * j + 1);
            vr = xr * cr - xi * ci;
            vi = xr * ci + xi * cr;
        }
        dst.set(2 * g, vr);
        dst.set(2 * g + 1, vi);
    }

    /** Multiplies every row of {@code m} values of {@code x} by {@code filter} (m values) in place; {@code total = rows * m}. */
    @Kernel
    public static void multiplyRows(KernelContext ctx, FloatArray x, FloatArray filter, int m, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int j = g % m;
        float xr = x.get(2 * g);
        float xi = x.get(2 * g + 1);
        float fr = filter.get(2 * j);
        float fi = filter.get(2 * j + 1);
        x.set(2 * g, xr * fr - xi * fi);
        x.set(2 * g + 1, xr * fi + xi * fr);
    }

    /**
     * Bluestein's last step: value k of row b of {@code dst} ({@code n} values) is value k of row
     * b of the convolution {@code conv} ({@code m} values) times the chirp (as {@link #chirpIn})
     * and {@code scale}; {@code total = rows * n}.
     */
    @Kernel
    public static void chirpOut(KernelContext ctx, FloatArray conv, FloatArray dst, FloatArray chirp, int n, int m,
                                int inverse, float scale, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int row = g / n;
        int k = g - row * n;
        float sign = inverse == 1 ? -1 : 1;
        float xr = conv.get(2 * (row * m + k));
        float xi = conv.get(2 * (row * m + k) + 1);
        float cr = chirp.get(2 * k);
        float ci = sign * chirp.get(2 * k + 1);
        dst.set(2 * g, (xr * cr - xi * ci) * scale);
        dst.set(2 * g + 1, (xr * ci + xi * cr) * scale);
    }

    /**
     * The full Hermitian spectrum of length {@code n} from its first {@code h = n / 2 + 1} values
     * ({@code src} rows of h values): value k is {@code src[k]} for k &lt; h, else
     * {@code conj(src[n - k])}; {@code total = rows * n}.
     */
    @Kernel
    public static void hermitian(KernelContext ctx, FloatArray src, FloatArray dst, int h, int n, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int row = g / n;
        int k = g - row * n;
        int s = k < h ? k : n - k;
        float sign = k < h ? 1 : -1;
        dst.set(2 * g, src.get(2 * (row * h + s)));
        dst.set(2 * g + 1, sign * src.get(2 * (row * h + s) + 1));
    }
}
