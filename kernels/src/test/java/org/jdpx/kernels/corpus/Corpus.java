package org.jdpx.kernels.corpus;

import org.jdpx.kernels.ByteArray;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.KernelMath;
import org.jdpx.kernels.Local;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.ShortArray;

/** The kernel corpus: each one runs on the java device, builds on every OpenCL device and validates as SPIR-V. */
public final class Corpus {
    private Corpus() {
    }

    static final int TILE = 8;
    static final int HIST_BINS = 16;

    @Kernel
    public static void vecAdd(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c, int n) {
        int i = ctx.globalId(0);
        if (i >= n) return;
        c.set(i, a.get(i) + b.get(i));
    }

    @Kernel
    public static void saxpy(KernelContext ctx, float alpha, FloatArray x, FloatArray y) {
        int i = ctx.globalId(0);
        if (i < y.length()) y.set(i, alpha * x.get(i) + y.get(i));
    }

    @Kernel
    public static void matmulNaive(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c, int n) {
        int row = ctx.globalId(1);
        int col = ctx.globalId(0);
        float sum = 0f;
        for (int k = 0; k < n; k++) sum += a.get(row, k) * b.get(k, col);
        c.set(row, col, sum);
    }

    @Kernel
    public static void matmulTiled(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c, int n) {
        float[] ta = ctx.localFloats(TILE * TILE);
        float[] tb = ctx.localFloats(TILE * TILE);
        int lx = ctx.localId(0), ly = ctx.localId(1);
        int row = ctx.globalId(1), col = ctx.globalId(0);
        float sum = 0f;
        for (int t = 0; t < n / TILE; t++) {
            ta[ly * TILE + lx] = a.get(row, t * TILE + lx);
            tb[ly * TILE + lx] = b.get(t * TILE + ly, col);
            ctx.localBarrier();
            for (int k = 0; k < TILE; k++) sum += ta[ly * TILE + k] * tb[k * TILE + lx];
            ctx.localBarrier();
        }
        c.set(row, col, sum);
    }

    @Kernel
    public static void reduceSum(KernelContext ctx, FloatArray in, FloatArray partial, @Local float[] scratch) {
        int lid = ctx.localId(0);
        scratch[lid] = in.get(ctx.globalId(0));
        ctx.localBarrier();
        for (int s = ctx.localSize(0) / 2; s > 0; s >>= 1) {
            if (lid < s) scratch[lid] += scratch[lid + s];
            ctx.localBarrier();
        }
        if (lid == 0) partial.set(ctx.groupId(0), scratch[0]);
    }

    @Kernel
    public static void histogram(KernelContext ctx, IntArray data, IntArray bins) {
        int v = data.get(ctx.globalId(0));
        ctx.atomicAdd(bins, (v & 0x7fffffff) % HIST_BINS, 1);
    }

    @Kernel
    public static void scanBlock(KernelContext ctx, IntArray in, IntArray out) {
        int[] buf = ctx.localInts(64);
        int lid = ctx.localId(0);
        int n = ctx.localSize(0);
        buf[lid] = in.get(ctx.globalId(0));
        ctx.localBarrier();
        for (int off = 1; off < n; off *= 2) {
            int add = lid >= off ? buf[lid - off] : 0;
            ctx.localBarrier();
            buf[lid] += add;
            ctx.localBarrier();
        }
        out.set(ctx.globalId(0), buf[lid]);
    }

    @Kernel
    public static void mandelbrot(KernelContext ctx, IntArray out, int width, int height, int maxIter) {
        int px = ctx.globalId(0), py = ctx.globalId(1);
        float x0 = -2f + 3f * px / width;
        float y0 = -1.5f + 3f * py / height;
        float x = 0f, y = 0f;
        int it = 0;
        while (x * x + y * y <= 4f && it < maxIter) {
            float xt = x * x - y * y + x0;
            y = 2f * x * y + y0;
            x = xt;
            it++;
        }
        out.set(py * width + px, it);
    }

    @Kernel
    public static void jacobi(KernelContext ctx, FloatArray in, FloatArray out, int n) {
        int i = ctx.globalId(1), j = ctx.globalId(0);
        if (i == 0 || j == 0 || i == n - 1 || j == n - 1) {
            out.set(i, j, in.get(i, j));
            return;
        }
        out.set(i, j, 0.25f * (in.get(i - 1, j) + in.get(i + 1, j) + in.get(i, j - 1) + in.get(i, j + 1)));
    }

    @Kernel
    public static void bitonicStep(KernelContext ctx, IntArray keys, int j, int k) {
        int i = ctx.globalId(0);
        int partner = i ^ j;
        if (partner > i) {
            int a = keys.get(i), b = keys.get(partner);
            boolean ascending = (i & k) == 0;
            if ((a > b) == ascending) {
                keys.set(i, b);
                keys.set(partner, a);
            }
        }
    }

    @Kernel
    public static void mixedTypes(KernelContext ctx, IntArray ints, LongArray longs, FloatArray floats, DoubleArray doubles) {
        int i = ctx.globalId(0);
        long l = ints.get(i) * 3000000000L + longs.get(i);
        double d = l / 7.0 + floats.get(i);
        float f = (float) (d * 0.5);
        longs.set(i, l >> 3);
        doubles.set(i, d);
        floats.set(i, f);
        ints.set(i, (int) (l % 1000));
    }

    @Kernel
    public static void nestedLoops(KernelContext ctx, IntArray out, int n) {
        int i = ctx.globalId(0);
        int acc = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                acc += (a * b + i) % 7;
            }
        }
        out.set(i, acc);
    }

    @Kernel
    public static void earlyExit(KernelContext ctx, FloatArray rows, IntArray firstAbove, int width, float limit) {
        int r = ctx.globalId(0);
        for (int c = 0; c < width; c++) {
            if (rows.get(r * width + c) > limit) {
                firstAbove.set(r, c);
                return;
            }
        }
        firstAbove.set(r, -1);
    }

    static float sq(float x) {
        return x * x;
    }

    static float norm2(FloatArray v, int row, int width) {
        float s = 0f;
        for (int k = 0; k < width; k++) s += sq(v.get(row * width + k));
        return s;
    }

    static int clampIndex(int i, IntArray a) {
        return Math.min(Math.max(i, 0), a.length() - 1);
    }

    @Kernel
    public static void helperCalls(KernelContext ctx, FloatArray v, FloatArray norms, IntArray idx, int width) {
        int r = ctx.globalId(0);
        norms.set(r, KernelMath.sqrt(norm2(v, r, width)));
        idx.set(r, clampIndex(r * 3 - 5, idx));
    }

    @Kernel
    @SuppressWarnings("fallthrough") // the fall-through from case 1000 into 5000 is under test
    public static void switchKernel(KernelContext ctx, IntArray in, IntArray out) {
        int i = ctx.globalId(0);
        int v = in.get(i);
        int r;
        switch (v % 6) {
            case 0 -> r = 10;
            case 1, 2 -> r = 20 + v;
            case 3 -> r = v * v;
            case 5 -> r = -v;
            default -> r = 7;
        }
        int s;
        switch (v) {
            case 100:
                s = 1;
                break;
            case 1000:
                s = 2;
                // falls through
            case 5000:
                s = 3;
                break;
            default:
                s = 0;
        }
        out.set(i, r * 10 + s);
    }

    @Kernel
    public static void ternaries(KernelContext ctx, IntArray in, IntArray out, boolean flip) {
        int i = ctx.globalId(0);
        int v = in.get(i);
        boolean neg = v < 0;
        int a = neg ? -v : v;
        int b = a > 100 ? (a > 1000 ? 3 : 2) : (a > 10 ? 1 : 0);
        out.set(i, (flip && !neg) || (!flip && neg) ? b + 10 : b);
    }

    @Kernel
    public static void floatAtomics(KernelContext ctx, FloatArray in, FloatArray sums) {
        int i = ctx.globalId(0);
        ctx.atomicAdd(sums, i % 4, in.get(i));
    }

    @Kernel
    public static void range3d(KernelContext ctx, IntArray out) {
        int x = ctx.globalId(0), y = ctx.globalId(1), z = ctx.globalId(2);
        int lin = ctx.globalLinearId();
        out.set(lin, x * 10000 + y * 100 + z + ctx.globalSize(2) * 1000000);
    }

    @Kernel
    public static void privateArray(KernelContext ctx, FloatArray in, FloatArray out, int n) {
        int i = ctx.globalId(0);
        float[] w = new float[5];
        for (int k = 0; k < 5; k++) {
            int j = i + k - 2;
            w[k] = j < 0 || j >= n ? 0f : in.get(j);
        }
        // insertion sort, median of five
        for (int a = 1; a < 5; a++) {
            float key = w[a];
            int b = a - 1;
            while (b >= 0 && w[b] > key) {
                w[b + 1] = w[b];
                b--;
            }
            w[b + 1] = key;
        }
        out.set(i, w[2]);
    }

    @Kernel
    public static void intOverflow(KernelContext ctx, IntArray out, LongArray outL) {
        int i = ctx.globalId(0);
        int h = i * 0x9E3779B1 + 0x7fffffff;
        h ^= h >>> 15;
        h *= 0x85ebca6b;
        out.set(i, h + Integer.MAX_VALUE);
        long l = (long) i * 0x9E3779B97F4A7C15L + Long.MAX_VALUE;
        outL.set(i, l * 31 - Long.MIN_VALUE);
    }

    @Kernel
    public static void saturatingCasts(KernelContext ctx, FloatArray in, IntArray outI, LongArray outL, IntArray outB) {
        int i = ctx.globalId(0);
        float f = in.get(i);
        outI.set(i, (int) f);
        outL.set(i, (long) (f * 1e10f));
        outB.set(i, (byte) (int) f + (short) (int) (f * 100f) + (char) (int) f);
    }

    @Kernel
    public static void shifts(KernelContext ctx, IntArray in, IntArray out, LongArray outL) {
        int i = ctx.globalId(0);
        int v = in.get(i);
        int s = i * 7;
        out.set(i, (v << s) ^ (v >> (s + 1)) ^ (v >>> (s + 3)));
        long l = ((long) v << 33) | (v & 0xffffL);
        outL.set(i, (l << s) + (l >> s) + (l >>> (s + 40)));
    }

    @Kernel
    public static void intDivision(KernelContext ctx, IntArray a, IntArray b, IntArray q, IntArray r, LongArray lq) {
        int i = ctx.globalId(0);
        int x = a.get(i), y = b.get(i);
        q.set(i, x / y);
        r.set(i, x % y);
        lq.set(i, (long) x * 3 / (y == -1 ? -1L : (long) y) + ((long) x % 7) + (x / 3) + (x % -5));
    }

    @Kernel
    public static void doubleAtomics(KernelContext ctx, DoubleArray in, DoubleArray sums) {
        int i = ctx.globalId(0);
        ctx.atomicAdd(sums, i % 3, in.get(i));
    }

    @Kernel
    public static void longAtomics(KernelContext ctx, LongArray in, LongArray acc) {
        int i = ctx.globalId(0);
        long v = in.get(i);
        ctx.atomicAdd(acc, 0, v);
        ctx.atomicMax(acc, 1, v);
        ctx.atomicMin(acc, 2, v);
        ctx.atomicXor(acc, 3, v);
    }

    @Kernel
    public static void mathFunctions(KernelContext ctx, FloatArray in, FloatArray out) {
        int i = ctx.globalId(0);
        float x = in.get(i);
        float r = (float) Math.sqrt(x) + (float) Math.exp(-x) + (float) Math.sin(x) * (float) Math.cos(x)
                + KernelMath.rsqrt(x + 1f) + KernelMath.clamp(x, 0.5f, 2f) + KernelMath.mix(1f, 3f, 0.25f)
                + (float) Math.floor(x * 3.75f) + Math.abs(x - 2f) + KernelMath.fma(x, 2f, 1f) + (float) Math.pow(x, 1.5)
                + (float) Math.atan2(x, 2.0) + KernelMath.log(x + 1f) + (float) Math.hypot(x, 3.0);
        out.set(i, r);
    }

    @Kernel
    public static void labelledBreak(KernelContext ctx, IntArray grid, IntArray found, int w, int h) {
        int target = ctx.globalId(0);
        int pos = -1;
        outer:
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = grid.get(y * w + x);
                if (v < 0) continue outer;
                if (v == target) {
                    pos = y * w + x;
                    break outer;
                }
            }
        }
        found.set(target, pos);
    }

    @Kernel
    public static void collatz(KernelContext ctx, IntArray steps) {
        long n = ctx.globalId(0) + 1;
        int s = 0;
        do {
            n = (n & 1) == 0 ? n / 2 : 3 * n + 1;
            s++;
        } while (n != 1 && s < 1000);
        steps.set(ctx.globalId(0), s);
    }

    @Kernel
    public static void byteShort(KernelContext ctx, ByteArray bytes, ShortArray shorts, IntArray out) {
        int i = ctx.globalId(0);
        byte b = bytes.get(i);
        short s = shorts.get(i);
        bytes.set(i, (byte) (b * 3 + 1));
        shorts.set(i, (short) (s * 300));
        char c = (char) s;
        out.set(i, b + s + c);
    }

    @Kernel
    public static void localAtomics(KernelContext ctx, IntArray data, IntArray bins) {
        int[] local = ctx.localInts(HIST_BINS);
        int lid = ctx.localId(0);
        if (lid < HIST_BINS) local[lid] = 0;
        ctx.localBarrier();
        ctx.atomicAdd(local, (data.get(ctx.globalId(0)) & 0x7fffffff) % HIST_BINS, 1);
        ctx.localBarrier();
        if (lid < HIST_BINS) ctx.atomicAdd(bins, lid, local[lid]);
    }

    @Kernel
    public static void constants(KernelContext ctx, FloatArray out, LongArray outL) {
        int i = ctx.globalId(0);
        out.set(i, i * Constants.SCALE + Constants.OFFSET);
        outL.set(i, Constants.BIG + i);
    }

    @Kernel
    public static void javaMath(KernelContext ctx, FloatArray a, FloatArray b, FloatArray out, IntArray outI) {
        int i = ctx.globalId(0);
        float x = a.get(i), y = b.get(i);
        out.set(4 * i, Math.min(x, y));
        out.set(4 * i + 1, Math.max(x, y));
        out.set(4 * i + 2, Math.signum(x));
        out.set(4 * i + 3, Math.abs(y));
        outI.set(2 * i, Math.round(x * 10f));
        outI.set(2 * i + 1, Math.abs((int) y * 1000) + Math.min((int) x, 3) + Integer.bitCount((int) y));
    }

    @Kernel
    public static void transposeStrided(KernelContext ctx, FloatArray in, FloatArray out) {
        int i = ctx.globalId(1), j = ctx.globalId(0);
        if (i < in.shape(0) && j < in.shape(1)) out.set(j, i, in.get(i, j) * 2f);
    }

    @Kernel
    public static void casMax(KernelContext ctx, IntArray in, IntArray best) {
        int v = in.get(ctx.globalId(0));
        int old = best.get(0);
        while (v > old) {
            int seen = ctx.atomicCompareExchange(best, 0, old, v);
            if (seen == old) break;
            old = seen;
        }
    }

    @Kernel
    public static void logic(KernelContext ctx, IntArray in, IntArray out, int lo, int hi, boolean strict) {
        int i = ctx.globalId(0);
        int v = in.get(i);
        boolean inside = strict ? (v > lo && v < hi) : (v >= lo && v <= hi);
        boolean edge = v == lo || v == hi || (v & 1) == 0 && v > hi;
        out.set(i, (inside ? 1 : 0) + (edge ? 2 : 0));
    }

    @Kernel
    public static void floatCompare(KernelContext ctx, FloatArray a, FloatArray b, IntArray out) {
        int i = ctx.globalId(0);
        float x = a.get(i), y = b.get(i);
        int r = 0;
        if (x < y) r |= 1;
        if (x <= y) r |= 2;
        if (x > y) r |= 4;
        if (x >= y) r |= 8;
        if (x == y) r |= 16;
        if (x != y) r |= 32;
        if (!(x < y)) r |= 64;
        if (Float.isNaN(x)) r |= 128;
        out.set(i, r);
    }

    @Kernel
    public static void doubleMath(KernelContext ctx, DoubleArray in, DoubleArray out) {
        int i = ctx.globalId(0);
        double x = in.get(i);
        out.set(i, Math.sqrt(x) + Math.log1p(x) + x % 0.7 + Math.max(x, 1.5) + (double) (long) (x * 1e3));
    }

    /** Rounding of large constants: PoCL hung folding rint(0x1p60f) itself (found by the random kernel generator). */
    @Kernel
    public static void roundLargeFloatConstants(KernelContext ctx, FloatArray out) {
        int i = ctx.globalId(0);
        out.set(i, i == 0 ? KernelMath.rint(0x1p60f) : i == 1 ? KernelMath.rint(-2.5f) : i == 2 ? KernelMath.floor(-0x1p40f) : KernelMath.ceil(0.5f));
    }

    /** The double twin: rint(-0x1.ad8938e97ceeap219) hung PoCL. */
    @Kernel
    public static void roundLargeDoubleConstants(KernelContext ctx, DoubleArray out) {
        int i = ctx.globalId(0);
        out.set(i, i == 0 ? Math.rint(-0x1.ad8938e97ceeap219) : i == 1 ? Math.rint(2.5) : Math.ceil(-0x1p70));
    }

    // ---- nested if/else shapes (issue 12: an else holding an if/else lost its closing brace in OpenCL C)

    @Kernel
    public static void nestedIfElse(KernelContext ctx, FloatArray in, FloatArray out) {
        int gid = ctx.globalId(0);
        float x = in.get(gid);
        if (gid > 3) {
            if (x > 0.5f) out.set(gid, 1f);
            else out.set(gid, x * x);
        } else {
            out.set(gid, x);
        }
    }

    @Kernel
    public static void elseIfChain(KernelContext ctx, IntArray in, IntArray out) {
        int i = ctx.globalId(0);
        int v = in.get(i);
        int r;
        if (v < -50) {
            r = 1;
        } else if (v < 0) {
            if (v % 2 == 0) r = 2;
            else r = 3;
        } else if (v == 0) {
            r = 4;
        } else if (v < 50) {
            r = v > 25 ? 5 : 6;
        } else {
            if (v > 90) r = 7;
            else if (v > 70) r = 8;
            else r = 9;
        }
        out.set(i, r * 100 + (v & 15));
    }

    @Kernel
    public static void ifLoopInElse(KernelContext ctx, IntArray in, IntArray out, int n) {
        int i = ctx.globalId(0);
        int v = in.get(i);
        int acc = 0;
        if (v < 0) {
            acc = -v;
        } else {
            for (int k = 0; k < n; k++) {
                if ((v + k) % 3 == 0) {
                    if (k > 2) acc += k;
                    else acc -= 1;
                } else if ((v + k) % 3 == 1) {
                    acc ^= k;
                } else {
                    if (acc > 40) break;
                    acc += 2;
                }
            }
            if (acc > 10) acc *= 2;
            else if (acc < 0) acc = 0;
        }
        out.set(i, acc);
    }

    @Kernel
    public static void elseWithLoneIf(KernelContext ctx, FloatArray in, FloatArray out) {
        int i = ctx.globalId(0);
        float x = in.get(i);
        float r = 0f;
        if (x < 0.25f) {
            r = x;
        } else {
            if (x < 0.5f) r = 2f * x;
        }
        if (i % 2 == 0) {
            if (x > 0.75f) {
                out.set(i, r + 1f);
            } else {
                if (x > 0.6f) out.set(i, r + 2f);
                else out.set(i, r + 3f);
            }
        } else {
            if (x > 0.9f) {
                out.set(i, r - 1f);
            } else {
                if (x > 0.8f) {
                    out.set(i, r - 2f);
                } else {
                    if (x > 0.7f) out.set(i, r - 3f);
                    else out.set(i, r - 4f);
                }
            }
        }
    }

    @Kernel
    public static void thenNestedChains(KernelContext ctx, IntArray in, IntArray out, int n) {
        int i = ctx.globalId(0);
        int v = in.get(i);
        int acc = 0;
        for (int k = 0; k < n; k++) {
            if (v > k) {
                if (v % 4 == 0) {
                    acc += 3;
                } else {
                    if (v % 4 == 1) {
                        if (k % 2 == 0) acc += 5;
                        else acc -= 1;
                    } else {
                        acc ^= k;
                    }
                }
            } else {
                acc += 1;
            }
        }
        if (acc > 20) {
            if (acc > 40) out.set(i, acc * 2);
            else out.set(i, acc + 1000);
        } else {
            out.set(i, -acc);
        }
    }

    // ---- narrowing a double expression (issue 12: it was recomputed in float, rounding where Java does not)

    /** Narrowings that must stay in double: needs fp64, refused where there is none. */
    @Kernel
    public static void doubleNarrowing(KernelContext ctx, FloatArray x, IntArray a, FloatArray out, IntArray outI) {
        int i = ctx.globalId(0);
        float f = x.get(i);
        int n = a.get(i);
        out.set(6 * i, (float) ((double) f * f - 1.0)); // NARROW
        out.set(6 * i + 1, (float) ((double) n - 16777216.0));
        out.set(6 * i + 2, (float) (f * 0.1));
        out.set(6 * i + 3, (float) Math.floor(f * 3.75));
        out.set(6 * i + 4, (float) ((double) f * f * f));
        out.set(6 * i + 5, (float) Math.sqrt((double) f * f + 1.0));
        outI.set(2 * i, (int) (f * 3.75));
        outI.set(2 * i + 1, (int) ((double) f + f));
    }

    /** Narrowings float arithmetic computes exactly as Java: they stay float and need no fp64. */
    @Kernel
    public static void exactNarrowing(KernelContext ctx, FloatArray x, FloatArray y, FloatArray out, IntArray outI) {
        int i = ctx.globalId(0);
        float f = x.get(i), g = y.get(i);
        out.set(8 * i, (float) ((double) f * g));
        out.set(8 * i + 1, (float) ((double) f / g));
        out.set(8 * i + 2, (float) ((double) f - g));
        out.set(8 * i + 3, (float) Math.sqrt(Math.abs(f)));
        out.set(8 * i + 4, (float) (-(double) f + g * 0.5f));
        out.set(8 * i + 5, (float) (Math.floor(f) + 0.25));
        out.set(8 * i + 6, (float) ((double) f % g));
        out.set(8 * i + 7, (float) (Math.ceil(f) * Math.rint(g)));
        outI.set(i, (int) Math.floor(f * 4.0f) + (int) (long) -(double) g);
    }

    // ---- integer division by zero (issue 12: 0 on OpenCL devices, an ArithmeticException on the java device)

    static int ratio(int a, int b) {
        return a / b + a % b;
    }

    /** A nested class: its helpers are in the kernel class's nest, so the java device copies them. */
    static final class Nested {
        private Nested() {
        }

        private static long quotient(long a, long b) {
            return a / b * 10 + a % b;
        }
    }

    @Kernel
    public static void divisionByZero(KernelContext ctx, IntArray a, IntArray b, IntArray out, LongArray outL) {
        int i = ctx.globalId(0);
        int x = a.get(i), y = b.get(i);
        out.set(3 * i, x / y);
        out.set(3 * i + 1, x % y);
        out.set(3 * i + 2, ratio(x, y));
        long lx = x * 1000003L, ly = y;
        outL.set(3 * i, lx / ly);
        outL.set(3 * i + 1, lx % ly);
        outL.set(3 * i + 2, Nested.quotient(lx, ly));
    }

    /** Divides only in a helper of another class: the java device runs its IR, which divides as the devices do. */
    @Kernel
    public static void divisionInOtherClass(KernelContext ctx, IntArray a, IntArray b, IntArray out) {
        int i = ctx.globalId(0);
        out.set(i, Constants.remainder(a.get(i), b.get(i)));
    }

    /** A widened int compared with constants (Mesa's llvmpipe compared a plain {@code (long)} of an int unsigned). */
    @Kernel
    public static void widenedIntCompare(KernelContext ctx, IntArray a, ShortArray s, IntArray out) {
        int i = ctx.globalId(0);
        long p = a.get(i);
        int bits = 0;
        if (p < 385L) bits |= 1;
        if (p < 0L) bits |= 2;
        if (p >= -3L) bits |= 4;
        if (p > -100L) bits |= 8;
        if (0L > p) bits |= 16;
        long q = s.get(i);
        if (q < 7L) bits |= 32;
        if ((long) (a.get(i) + 1) <= -5L) bits |= 64;
        out.set(i, bits);
    }

    /** Float division by constant zeros gives ±inf or NaN as in Java (Mesa's llvmpipe folded {@code x / 0f} to 0). */
    @Kernel
    public static void divisionByFloatZero(KernelContext ctx, FloatArray x, FloatArray out) {
        int i = ctx.globalId(0);
        float v = x.get(i);
        out.set(3 * i, v / 0f);
        out.set(3 * i + 1, v / -0f);
        out.set(3 * i + 2, (v + 1f) / 0f);
    }

    /** Java's pow special cases: NaN for |x| == 1 with y infinite or NaN, where C's pow gives 1 (found by the random kernel generator). */
    @Kernel
    public static void powSpecialCases(KernelContext ctx, FloatArray x, FloatArray y, FloatArray out, DoubleArray outD) {
        int i = ctx.globalId(0);
        out.set(i, KernelMath.pow(x.get(i), y.get(i)));
        outD.set(i, Math.pow(x.get(i), y.get(i)) + (i == 0 ? Math.pow(-1.0, Double.NEGATIVE_INFINITY) : 0.0));
    }

    /** The float-only twin, so that devices without fp64 run it too. */
    @Kernel
    public static void powSpecialCasesFloat(KernelContext ctx, FloatArray x, FloatArray y, FloatArray out) {
        int i = ctx.globalId(0);
        out.set(i, KernelMath.pow(x.get(i), y.get(i)));
    }

    /** Java's Math.max/min order -0.0 below 0.0; OpenCL's fmax/fmin may return either (found by the random kernel generator). */
    @Kernel
    public static void minMaxSignedZeros(KernelContext ctx, FloatArray a, FloatArray b, FloatArray out) {
        int i = ctx.globalId(0);
        float x = a.get(i), y = b.get(i);
        out.set(4 * i, Math.max(x, y));
        out.set(4 * i + 1, Math.min(x, y));
        out.set(4 * i + 2, Math.max(y, x));
        out.set(4 * i + 3, Math.min(y, x));
    }

    /** The double twin of {@link #minMaxSignedZeros}. */
    @Kernel
    public static void minMaxSignedZerosDouble(KernelContext ctx, DoubleArray a, DoubleArray b, DoubleArray out) {
        int i = ctx.globalId(0);
        double x = a.get(i), y = b.get(i);
        out.set(2 * i, Math.max(x, y));
        out.set(2 * i + 1, Math.min(x, y));
    }

    /** Functions of NaN constants: NaN (PoCL never finished rint(x / NaN), seed 10174, and folded tanh(NaN) to 0, seed 2136). */
    @Kernel
    public static void roundOfNaNArithmetic(KernelContext ctx, FloatArray x, FloatArray out, IntArray outI) {
        int i = ctx.globalId(0);
        out.set(2 * i, KernelMath.rint(x.get(i) / Float.NaN));
        out.set(2 * i + 1, (float) Math.floor(x.get(i) * Float.NaN) + KernelMath.tanh(Float.NaN) + KernelMath.exp(Float.NaN)
                + KernelMath.expm1(-(Float.NaN / x.get(i))));
        outI.set(i, Math.round(Float.NaN) == 0 && Math.round(-Float.NaN) == 0 ? Math.round(2.5f) + i : -1);
    }
}
