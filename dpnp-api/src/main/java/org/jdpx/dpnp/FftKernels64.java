package org.jdpx.dpnp;

import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Local;

/**
 * The float64 kernels of numpy.fft over interleaved complex rows ({@code re, im} pairs, row
 * {@code b} of {@code n} values at doubles {@code 2 b n ..}): one pass of a mixed-radix Stockham
 * autosort FFT, and the chirp steps of Bluestein's algorithm for lengths with a prime factor
 * above 7. Roots of unity are never computed on the device: every kernel reads them from a table
 * the host made in float64 ({@link FftTables}), so float32 twiddles are correctly rounded too. A
 * work-item owns one butterfly (or one element); loops run at most {@link #MAX_RADIX} times.
 * {@link FftKernels32} holds the same kernels for float32.
 */
final class FftKernels64 {

    /** The largest radix of a Stockham pass (the private arrays' size). */
    static final int MAX_RADIX = 7;

    private FftKernels64() {
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
    public static void stockham(KernelContext ctx, DoubleArray src, DoubleArray dst, DoubleArray tw, int n, int radix,
                                int ns, int inverse, double scale, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        double[] re = new double[MAX_RADIX];
        double[] im = new double[MAX_RADIX];
        double[] outRe = new double[MAX_RADIX];
        double[] outIm = new double[MAX_RADIX];
        int m = n / radix;
        int row = g / m;
        int j = g - row * m;
        int base = 2 * row * n;
        int k = j % ns;
        int step = k * (n / (ns * radix));
        double sign = inverse == 1 ? -1 : 1;
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
    public static void stockhamLocal(KernelContext ctx, DoubleArray src, DoubleArray dst, DoubleArray tw, @Local double[] buf,
                                     int n, long radices, int passes, int inverse, double scale) {
        int lid = ctx.localId(0);
        int gs = ctx.localSize(0);
        int base = 2 * ctx.groupId(0) * n;
        for (int e = lid; e < 2 * n; e += gs) buf[e] = src.get(base + e);
        ctx.localBarrier();
        double[] re = new double[MAX_RADIX];
        double[] im = new double[MAX_RADIX];
        double[] outRe = new double[MAX_RADIX];
        double[] outIm = new double[MAX_RADIX];
        double sign = inverse == 1 ? -1 : 1;
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
    static void rotate(double[] re, double[] im, int r, double xr, double xi, DoubleArray tw, int t, double sign) {
        double wr = tw.get(t);
        double wi = sign * tw.get(t + 1);
        re[r] = xr * wr - xi * wi;
        im[r] = xr * wi + xi * wr;
    }

    /** The radix-point DFT of {@code (re, im)} into {@code (outRe, outIm)}, its roots every {@code m}-th of the n-point table. */
    static void dft(double[] re, double[] im, double[] outRe, double[] outIm, DoubleArray tw, int radix, int m, double sign) {
        for (int q = 0; q < radix; q++) {
            double sr = 0;
            double si = 0;
            for (int r = 0; r < radix; r++) {
                int t = 2 * (((r * q) % radix) * m);
                double wr = tw.get(t);
                double wi = sign * tw.get(t + 1);
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
    public static void chirpIn(KernelContext ctx, DoubleArray src, DoubleArray dst, DoubleArray chirp, int n, int m,
                               int inverse, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int row = g / m;
        int j = g - row * m;
        double vr = 0;
        double vi = 0;
        if (j < n) {
            double sign = inverse == 1 ? -1 : 1;
            double xr = src.get(2 * (row * n + j));
            double xi = src.get(2 * (row * n + j) + 1);
            double cr = chirp.get(2 * j);
            double ci = sign * chirp.get(2 * j + 1);
            vr = xr * cr - xi * ci;
            vi = xr * ci + xi * cr;
        }
        dst.set(2 * g, vr);
        dst.set(2 * g + 1, vi);
    }

    /** Multiplies every row of {@code m} values of {@code x} by {@code filter} (m values) in place; {@code total = rows * m}. */
    @Kernel
    public static void multiplyRows(KernelContext ctx, DoubleArray x, DoubleArray filter, int m, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int j = g % m;
        double xr = x.get(2 * g);
        double xi = x.get(2 * g + 1);
        double fr = filter.get(2 * j);
        double fi = filter.get(2 * j + 1);
        x.set(2 * g, xr * fr - xi * fi);
        x.set(2 * g + 1, xr * fi + xi * fr);
    }

    /**
     * Bluestein's last step: value k of row b of {@code dst} ({@code n} values) is value k of row
     * b of the convolution {@code conv} ({@code m} values) times the chirp (as {@link #chirpIn})
     * and {@code scale}; {@code total = rows * n}.
     */
    @Kernel
    public static void chirpOut(KernelContext ctx, DoubleArray conv, DoubleArray dst, DoubleArray chirp, int n, int m,
                                int inverse, double scale, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int row = g / n;
        int k = g - row * n;
        double sign = inverse == 1 ? -1 : 1;
        double xr = conv.get(2 * (row * m + k));
        double xi = conv.get(2 * (row * m + k) + 1);
        double cr = chirp.get(2 * k);
        double ci = sign * chirp.get(2 * k + 1);
        dst.set(2 * g, (xr * cr - xi * ci) * scale);
        dst.set(2 * g + 1, (xr * ci + xi * cr) * scale);
    }

    /**
     * The full Hermitian spectrum of length {@code n} from its first {@code h = n / 2 + 1} values
     * ({@code src} rows of h values): value k is {@code src[k]} for k &lt; h, else
     * {@code conj(src[n - k])}; {@code total = rows * n}.
     */
    @Kernel
    public static void hermitian(KernelContext ctx, DoubleArray src, DoubleArray dst, int h, int n, int total) {
        int g = ctx.globalId(0);
        if (g >= total) return;
        int row = g / n;
        int k = g - row * n;
        int s = k < h ? k : n - k;
        double sign = k < h ? 1 : -1;
        dst.set(2 * g, src.get(2 * (row * h + s)));
        dst.set(2 * g + 1, sign * src.get(2 * (row * h + s) + 1));
    }
}
