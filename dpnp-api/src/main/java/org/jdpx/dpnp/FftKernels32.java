package org.jdpx.dpnp;

import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Local;

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
        float[] outRe = new float[MAX_RADIX];
        float[] outIm = new float[MAX_RADIX];
        int m = n / radix;
        int row = g / m;
        int j = g - row * m;
        int base = 2 * row * n;
        int k = j % ns;
        int step = k * (n / (ns * radix));
        float sign = inverse == 1 ? -1 : 1;
        for (int r = 0; r < radix; r++) {
            int p = base + 2 * (j + r * m);
            rotate(re, im, r, src.get(p), src.get(p + 1), tw, 2 * r * step, sign);
        }
        dft(re, im, outRe, outIm, tw, radix, m, sign);
        int out = base + 2 * ((j / ns) * ns * radix + k);
        for (int q = 0; q < radix; q++) {
            dst.set(out + 2 * q * ns, outRe[q] * scale);
            dst.set(out + 2 * q * ns + 1, outIm[q] * scale);
        }
    }

    /**
     * All Stockham passes of one row per work-group, in local memory: {@code buf} holds two
     * copies of the row ({@code 4n} values), the passes ({@code passes} radices, four bits each
     * in {@code radices}, first pass lowest) read one and write the other, a barrier between
     * passes; the items of the group share out each pass' butterflies. The GPU plan's kernel for
     * rows that fit local memory: one launch and one global read and write per transform.
     */
    @Kernel
    public static void stockhamLocal(KernelContext ctx, FloatArray src, FloatArray dst, FloatArray tw, @Local float[] buf,
                                     int n, long radices, int passes, int inverse, float scale) {
        int lid = ctx.localId(0);
        int gs = ctx.localSize(0);
        int base = 2 * ctx.groupId(0) * n;
        for (int e = lid; e < 2 * n; e += gs) buf[e] = src.get(base + e);
        ctx.localBarrier();
        float[] re = new float[MAX_RADIX];
        float[] im = new float[MAX_RADIX];
        float[] outRe = new float[MAX_RADIX];
        float[] outIm = new float[MAX_RADIX];
        float sign = inverse == 1 ? -1 : 1;
        int ns = 1;
        for (int pass = 0; pass < passes; pass++) {
            int radix = (int) ((radices >> (4 * pass)) & 15);
            int m = n / radix;
            int in = (pass & 1) * 2 * n;
            int out = 2 * n - in;
            for (int j = lid; j < m; j += gs) {
                int k = j % ns;
                int step = k * (n / (ns * radix));
                for (int r = 0; r < radix; r++) {
                    int p = in + 2 * (j + r * m);
                    rotate(re, im, r, buf[p], buf[p + 1], tw, 2 * r * step, sign);
                }
                dft(re, im, outRe, outIm, tw, radix, m, sign);
                int o = out + 2 * ((j / ns) * ns * radix + k);
                for (int q = 0; q < radix; q++) {
                    buf[o + 2 * q * ns] = outRe[q];
                    buf[o + 2 * q * ns + 1] = outIm[q];
                }
            }
            ns *= radix;
            ctx.localBarrier();
        }
        int last = (passes & 1) * 2 * n;
        for (int e = lid; e < 2 * n; e += gs) dst.set(base + e, buf[last + e] * scale);
    }

    /** {@code (re[r], im[r]) = (xr + i xi) w}, w value {@code t / 2} of the table ({@code sign} -1 conjugates it). */
    static void rotate(float[] re, float[] im, int r, float xr, float xi, FloatArray tw, int t, float sign) {
        float wr = tw.get(t);
        float wi = sign * tw.get(t + 1);
        re[r] = xr * wr - xi * wi;
        im[r] = xr * wi + xi * wr;
    }

    /** The radix-point DFT of {@code (re, im)} into {@code (outRe, outIm)}, its roots every {@code m}-th of the n-point table. */
    static void dft(float[] re, float[] im, float[] outRe, float[] outIm, FloatArray tw, int radix, int m, float sign) {
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
            outRe[q] = sr;
            outIm[q] = si;
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
