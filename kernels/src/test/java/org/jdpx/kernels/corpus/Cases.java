package org.jdpx.kernels.corpus;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdpx.kernels.ByteArray;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.KernelMath;
import org.jdpx.kernels.LocalMemory;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.ShortArray;

/** The corpus launches and their plain-Java references (public for the JVM emitter tests in another package). */
public final class Cases {
    private Cases() {
    }

    /** Every corpus case, with fresh data on each call. */
    public static List<Case> all() {
        List<Case> c = new ArrayList<>();
        // ---- vector add: global range larger than n exercises the early return
        c.add(new Case("vecAdd", new int[] {1024}, null, () -> {
            int n = 1000;
            return new Object[] {Data.randomFloats(n, 1, -1, 1), Data.randomFloats(n, 2, -1, 1), Data.floats(n), n};
        }, a -> {
            FloatArray x = (FloatArray) a[0], y = (FloatArray) a[1];
            float[] e = new float[1000];
            for (int i = 0; i < e.length; i++) e[i] = x.get(i) + y.get(i);
            Checks.floatsExact(e, (FloatArray) a[2]);
        }, true));
        // ---- saxpy: bit-exact because FP_CONTRACT is off on devices
        c.add(new Case("saxpy", new int[] {1000}, null, () -> new Object[] {2.5f, Data.randomFloats(1000, 3, -1, 1),
                Data.randomFloats(1000, 4, -1, 1)}, a -> {
            FloatArray x = Data.randomFloats(1000, 3, -1, 1), y = Data.randomFloats(1000, 4, -1, 1);
            float[] e = new float[1000];
            for (int i = 0; i < e.length; i++) e[i] = 2.5f * x.get(i) + y.get(i);
            Checks.floatsExact(e, (FloatArray) a[2]);
        }, true));
        // ---- matrix multiply, naive and tiled
        for (String k : new String[] {"matmulNaive", "matmulTiled"}) {
            c.add(new Case(k, new int[] {32, 32}, k.equals("matmulTiled") ? new int[] {8, 8} : null,
                    () -> new Object[] {Data.matrix(32, 32, 5), Data.matrix(32, 32, 6), Data.matrix(32, 32, 7), 32}, a -> {
                FloatArray x = (FloatArray) a[0], y = (FloatArray) a[1];
                float[] e = new float[32 * 32];
                for (int i = 0; i < 32; i++) {
                    for (int j = 0; j < 32; j++) {
                        float s = 0f;
                        for (int q = 0; q < 32; q++) s += x.get(i, q) * y.get(q, j);
                        e[i * 32 + j] = s;
                    }
                }
                Checks.floatsClose(e, (FloatArray) a[2], 1e-5, 1e-5);
            }, true));
        }
        // ---- work-group tree reduction into one partial sum per group
        c.add(new Case("reduceSum", new int[] {1024}, new int[] {64}, () -> new Object[] {Data.randomFloats(1024, 8, 0, 1),
                Data.floats(16), LocalMemory.floats(64)}, a -> {
            FloatArray in = (FloatArray) a[0];
            float[] e = new float[16];
            for (int i = 0; i < 1024; i++) e[i / 64] += in.get(i);
            Checks.floatsClose(e, (FloatArray) a[1], 1e-5, 0);
        }, true));
        // ---- histogram with global atomics
        c.add(new Case("histogram", new int[] {4096}, null, () -> new Object[] {Data.randomInts(4096, 9, 0), Data.ints(16)}, a -> {
            IntArray d = (IntArray) a[0];
            int[] e = new int[16];
            for (int i = 0; i < 4096; i++) e[(d.get(i) & 0x7fffffff) % 16]++;
            Checks.ints(e, (IntArray) a[1]);
        }, true));
        // ---- inclusive scan inside each work-group of 64
        c.add(new Case("scanBlock", new int[] {256}, new int[] {64}, () -> new Object[] {Data.randomInts(256, 10, 100), Data.ints(256)}, a -> {
            IntArray in = (IntArray) a[0];
            int[] e = new int[256];
            for (int i = 0; i < 256; i++) e[i] = (i % 64 == 0 ? 0 : e[i - 1]) + in.get(i);
            Checks.ints(e, (IntArray) a[1]);
        }, true));
        // ---- Mandelbrot iteration counts
        c.add(new Case("mandelbrot", new int[] {64, 48}, null, () -> new Object[] {Data.ints(64 * 48), 64, 48, 100}, a -> {
            int[] e = new int[64 * 48];
            for (int py = 0; py < 48; py++) {
                for (int px = 0; px < 64; px++) {
                    float x0 = -2f + 3f * px / 64, y0 = -1.5f + 3f * py / 48, x = 0f, y = 0f;
                    int it = 0;
                    while (x * x + y * y <= 4f && it < 100) {
                        float xt = x * x - y * y + x0;
                        y = 2f * x * y + y0;
                        x = xt;
                        it++;
                    }
                    e[py * 64 + px] = it;
                }
            }
            Checks.ints(e, (IntArray) a[0]);
        }, true));
        // ---- 2-D Jacobi stencil with a fixed border
        c.add(new Case("jacobi", new int[] {32, 32}, null, () -> new Object[] {Data.matrix(32, 32, 11), Data.matrix(32, 32, 12), 32}, a -> {
            FloatArray in = (FloatArray) a[0];
            float[] e = new float[32 * 32];
            for (int i = 0; i < 32; i++) {
                for (int j = 0; j < 32; j++) {
                    e[i * 32 + j] = (i == 0 || j == 0 || i == 31 || j == 31) ? in.get(i, j)
                            : 0.25f * (in.get(i - 1, j) + in.get(i + 1, j) + in.get(i, j - 1) + in.get(i, j + 1));
                }
            }
            Checks.floatsExact(e, (FloatArray) a[1]);
        }, true));
        // ---- one bitonic compare-exchange step
        c.add(new Case("bitonicStep", new int[] {256}, null, () -> new Object[] {Data.randomInts(256, 13, 1000), 4, 16}, a -> {
            IntArray ref = Data.randomInts(256, 13, 1000);
            int[] e = ref.toArray();
            for (int i = 0; i < 256; i++) {
                int p = i ^ 4;
                if (p > i) {
                    boolean asc = (i & 16) == 0;
                    if ((e[i] > e[p]) == asc) {
                        int t = e[i];
                        e[i] = e[p];
                        e[p] = t;
                    }
                }
            }
            Checks.ints(e, (IntArray) a[0]);
        }, true));
        // ---- int, long, float and double in one kernel (needs fp64)
        c.add(new Case("mixedTypes", new int[] {256}, null, () -> {
            IntArray ints = Data.randomInts(256, 14, 2000);
            LongArray longs = Data.longs(256);
            Random r = new Random(15);
            for (int i = 0; i < 256; i++) longs.set(i, r.nextLong() >> 8);
            return new Object[] {ints, longs, Data.randomFloats(256, 16, -5, 5), Data.doubles(256)};
        }, a -> {
            IntArray ints = Data.randomInts(256, 14, 2000);
            Random r = new Random(15);
            FloatArray fl = Data.randomFloats(256, 16, -5, 5);
            int[] ei = new int[256];
            long[] el = new long[256];
            float[] ef = new float[256];
            double[] ed = new double[256];
            for (int i = 0; i < 256; i++) {
                long l = ints.get(i) * 3000000000L + (r.nextLong() >> 8);
                double d = l / 7.0 + fl.get(i);
                ef[i] = (float) (d * 0.5);
                el[i] = l >> 3;
                ed[i] = d;
                ei[i] = (int) (l % 1000);
            }
            Checks.ints(ei, (IntArray) a[0]);
            Checks.longs(el, (LongArray) a[1]);
            Checks.floatsExact(ef, (FloatArray) a[2]);
            Checks.doublesClose(ed, (DoubleArray) a[3], 0);
        }, true));
        c.add(new Case("nestedLoops", new int[] {64}, null, () -> new Object[] {Data.ints(64), 20}, a -> {
            int[] e = new int[64];
            for (int i = 0; i < 64; i++) {
                for (int x = 0; x < 20; x++) for (int y = 0; y <= x; y++) e[i] += (x * y + i) % 7;
            }
            Checks.ints(e, (IntArray) a[0]);
        }, true));
        c.add(new Case("earlyExit", new int[] {64}, null, () -> new Object[] {Data.randomFloats(64 * 32, 17, 0, 1), Data.ints(64), 32, 0.95f}, a -> {
            FloatArray rows = (FloatArray) a[0];
            int[] e = new int[64];
            for (int r = 0; r < 64; r++) {
                e[r] = -1;
                for (int q = 0; q < 32; q++) {
                    if (rows.get(r * 32 + q) > 0.95f) {
                        e[r] = q;
                        break;
                    }
                }
            }
            Checks.ints(e, (IntArray) a[1]);
        }, true));
        c.add(new Case("helperCalls", new int[] {64}, null, () -> new Object[] {Data.randomFloats(64 * 16, 18, -1, 1), Data.floats(64), Data.ints(64), 16}, a -> {
            FloatArray v = (FloatArray) a[0];
            float[] e = new float[64];
            int[] ei = new int[64];
            for (int r = 0; r < 64; r++) {
                float s = 0f;
                for (int q = 0; q < 16; q++) s += v.get(r * 16 + q) * v.get(r * 16 + q);
                e[r] = (float) Math.sqrt(s);
                ei[r] = Math.min(Math.max(r * 3 - 5, 0), 63);
            }
            Checks.floatsClose(e, (FloatArray) a[1], 1e-6, 0);
            Checks.ints(ei, (IntArray) a[2]);
        }, true));
        c.add(new Case("switchKernel", new int[] {64}, null, () -> {
            IntArray in = Data.randomInts(64, 19, 50);
            in.set(3, 100);
            in.set(4, 1000);
            in.set(5, 5000);
            in.set(6, -7);
            return new Object[] {in, Data.ints(64)};
        }, a -> {
            IntArray in = (IntArray) a[0];
            int[] e = new int[64];
            for (int i = 0; i < 64; i++) {
                int v = in.get(i);
                int m = v % 6;
                int r = m == 0 ? 10 : (m == 1 || m == 2) ? 20 + v : m == 3 ? v * v : m == 5 ? -v : 7;
                int s = v == 100 ? 1 : (v == 1000 || v == 5000) ? 3 : 0;
                e[i] = r * 10 + s;
            }
            Checks.ints(e, (IntArray) a[1]);
        }, true));
        c.add(new Case("ternaries", new int[] {64}, null, () -> new Object[] {Data.randomInts(64, 20, 0), Data.ints(64), true}, a -> {
            IntArray in = (IntArray) a[0];
            int[] e = new int[64];
            for (int i = 0; i < 64; i++) {
                int v = in.get(i);
                boolean neg = v < 0;
                int x = neg ? -v : v;
                int b = x > 100 ? (x > 1000 ? 3 : 2) : (x > 10 ? 1 : 0);
                e[i] = !neg ? b + 10 : b;
            }
            Checks.ints(e, (IntArray) a[1]);
        }, true));
        c.add(new Case("floatAtomics", new int[] {1024}, null, () -> {
            FloatArray in = Data.floats(1024);
            Random r = new Random(21);
            for (int i = 0; i < 1024; i++) in.set(i, r.nextInt(256) / 256f);
            return new Object[] {in, Data.floats(4)};
        }, a -> {
            FloatArray in = (FloatArray) a[0];
            float[] e = new float[4];
            for (int i = 0; i < 1024; i++) e[i % 4] += in.get(i);
            Checks.floatsExact(e, (FloatArray) a[1]);
        }, true));
        c.add(new Case("range3d", new int[] {8, 4, 2}, null, () -> new Object[] {Data.ints(64)}, a -> {
            int[] e = new int[64];
            for (int z = 0; z < 2; z++) for (int y = 0; y < 4; y++) for (int x = 0; x < 8; x++) {
                e[(z * 4 + y) * 8 + x] = x * 10000 + y * 100 + z + 2 * 1000000;
            }
            Checks.ints(e, (IntArray) a[0]);
        }, true));
        c.add(new Case("privateArray", new int[] {100}, null, () -> new Object[] {Data.randomFloats(100, 22, 0, 10), Data.floats(100), 100}, a -> {
            FloatArray in = (FloatArray) a[0];
            float[] e = new float[100];
            for (int i = 0; i < 100; i++) {
                float[] w = new float[5];
                for (int k = 0; k < 5; k++) {
                    int j = i + k - 2;
                    w[k] = j < 0 || j >= 100 ? 0f : in.get(j);
                }
                java.util.Arrays.sort(w);
                e[i] = w[2];
            }
            Checks.floatsExact(e, (FloatArray) a[1]);
        }, true));
        c.add(new Case("intOverflow", new int[] {64}, null, () -> new Object[] {Data.ints(64), Data.longs(64)}, a -> {
            int[] e = new int[64];
            long[] el = new long[64];
            for (int i = 0; i < 64; i++) {
                int h = i * 0x9E3779B1 + 0x7fffffff;
                h ^= h >>> 15;
                h *= 0x85ebca6b;
                e[i] = h + Integer.MAX_VALUE;
                long l = (long) i * 0x9E3779B97F4A7C15L + Long.MAX_VALUE;
                el[i] = l * 31 - Long.MIN_VALUE;
            }
            Checks.ints(e, (IntArray) a[0]);
            Checks.longs(el, (LongArray) a[1]);
        }, true));
        float[] castInputs = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e9f, -3e9f, 1.5f, -1.5f, 1e-3f,
            200.7f, -129.5f, 70000.5f, -0.0f, 2147483520f, 65535.9f, -32768.5f, 1e20f};
        c.add(new Case("saturatingCasts", new int[] {16}, null, () -> {
            FloatArray in = Data.floats(16);
            for (int i = 0; i < 16; i++) in.set(i, castInputs[i]);
            return new Object[] {in, Data.ints(16), Data.longs(16), Data.ints(16)};
        }, a -> {
            int[] ei = new int[16], eb = new int[16];
            long[] el = new long[16];
            for (int i = 0; i < 16; i++) {
                float f = castInputs[i];
                ei[i] = (int) f;
                el[i] = (long) (f * 1e10f);
                eb[i] = (byte) (int) f + (short) (int) (f * 100f) + (char) (int) f;
            }
            Checks.ints(ei, (IntArray) a[1]);
            Checks.longs(el, (LongArray) a[2]);
            Checks.ints(eb, (IntArray) a[3]);
        }, true));
        c.add(new Case("shifts", new int[] {32}, null, () -> new Object[] {Data.randomInts(32, 23, 0), Data.ints(32), Data.longs(32)}, a -> {
            IntArray in = (IntArray) a[0];
            int[] e = new int[32];
            long[] el = new long[32];
            for (int i = 0; i < 32; i++) {
                int v = in.get(i), s = i * 7;
                e[i] = (v << s) ^ (v >> (s + 1)) ^ (v >>> (s + 3));
                long l = ((long) v << 33) | (v & 0xffffL);
                el[i] = (l << s) + (l >> s) + (l >>> (s + 40));
            }
            Checks.ints(e, (IntArray) a[1]);
            Checks.longs(el, (LongArray) a[2]);
        }, true));
        int[] divA = {Integer.MIN_VALUE, -7, 7, -7, 123456, Integer.MIN_VALUE, -1, 0, 99, -99, Integer.MAX_VALUE, 5, -5, 1000, -1000, 3};
        int[] divB = {-1, 2, -2, -2, 7, 3, -1, 5, -10, 10, -1, 5, 3, -7, 7, Integer.MIN_VALUE};
        c.add(new Case("intDivision", new int[] {16}, null, () -> {
            IntArray x = Data.ints(16), y = Data.ints(16);
            for (int i = 0; i < 16; i++) {
                x.set(i, divA[i]);
                y.set(i, divB[i]);
            }
            return new Object[] {x, y, Data.ints(16), Data.ints(16), Data.longs(16)};
        }, a -> {
            int[] q = new int[16], r = new int[16];
            long[] lq = new long[16];
            for (int i = 0; i < 16; i++) {
                int x = divA[i], y = divB[i];
                q[i] = x / y;
                r[i] = x % y;
                lq[i] = (long) x * 3 / (y == -1 ? -1L : (long) y) + ((long) x % 7) + (x / 3) + (x % -5);
            }
            Checks.ints(q, (IntArray) a[2]);
            Checks.ints(r, (IntArray) a[3]);
            Checks.longs(lq, (LongArray) a[4]);
        }, true));
        c.add(new Case("doubleAtomics", new int[] {300}, null, () -> {
            DoubleArray in = Data.doubles(300);
            for (int i = 0; i < 300; i++) in.set(i, (i % 17) / 8.0);
            return new Object[] {in, Data.doubles(3)};
        }, a -> {
            double[] e = new double[3];
            for (int i = 0; i < 300; i++) e[i % 3] += (i % 17) / 8.0;
            Checks.doublesClose(e, (DoubleArray) a[1], 0);
        }, true));
        c.add(new Case("longAtomics", new int[] {512}, null, () -> {
            LongArray in = Data.longs(512);
            Random r = new Random(24);
            for (int i = 0; i < 512; i++) in.set(i, r.nextLong() >> 12);
            LongArray acc = Data.longs(4);
            acc.set(1, Long.MIN_VALUE);
            acc.set(2, Long.MAX_VALUE);
            return new Object[] {in, acc};
        }, a -> {
            LongArray in = (LongArray) a[0];
            long sum = 0, max = Long.MIN_VALUE, min = Long.MAX_VALUE, x = 0;
            for (int i = 0; i < 512; i++) {
                long v = in.get(i);
                sum += v;
                max = Math.max(max, v);
                min = Math.min(min, v);
                x ^= v;
            }
            Checks.longs(new long[] {sum, max, min, x}, (LongArray) a[1]);
        }, true));
        c.add(new Case("mathFunctions", new int[] {64}, null, () -> new Object[] {Data.randomFloats(64, 25, 0.1f, 3f), Data.floats(64)}, a -> {
            FloatArray in = (FloatArray) a[0];
            float[] e = new float[64];
            for (int i = 0; i < 64; i++) {
                float x = in.get(i);
                e[i] = (float) Math.sqrt(x) + (float) Math.exp(-x) + (float) Math.sin(x) * (float) Math.cos(x)
                        + (float) (1.0 / Math.sqrt(x + 1f)) + Math.min(Math.max(x, 0.5f), 2f) + (1f + (3f - 1f) * 0.25f)
                        + (float) Math.floor(x * 3.75f) + Math.abs(x - 2f) + Math.fma(x, 2f, 1f) + (float) Math.pow(x, 1.5)
                        + (float) Math.atan2(x, 2.0) + (float) Math.log(x + 1f) + (float) Math.hypot(x, 3.0);
            }
            // float library functions on devices are within a few ulp of Java's double result rounded to float
            Checks.floatsClose(e, (FloatArray) a[1], 2e-5, 1e-5);
        }, true));
        c.add(new Case("labelledBreak", new int[] {64}, null, () -> {
            IntArray g = Data.ints(64);
            Random r = new Random(26);
            for (int i = 0; i < 64; i++) g.set(i, r.nextInt(10) == 0 ? -1 : r.nextInt(64));
            return new Object[] {g, Data.ints(64), 8, 8};
        }, a -> {
            IntArray g = (IntArray) a[0];
            int[] e = new int[64];
            for (int t = 0; t < 64; t++) {
                int pos = -1;
                search:
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        int v = g.get(y * 8 + x);
                        if (v < 0) continue search;
                        if (v == t) {
                            pos = y * 8 + x;
                            break search;
                        }
                    }
                }
                e[t] = pos;
            }
            Checks.ints(e, (IntArray) a[1]);
        }, true));
        c.add(new Case("collatz", new int[] {256}, null, () -> new Object[] {Data.ints(256)}, a -> {
            int[] e = new int[256];
            for (int i = 0; i < 256; i++) {
                long n = i + 1;
                int s = 0;
                do {
                    n = (n & 1) == 0 ? n / 2 : 3 * n + 1;
                    s++;
                } while (n != 1 && s < 1000);
                e[i] = s;
            }
            Checks.ints(e, (IntArray) a[0]);
        }, true));
        c.add(new Case("byteShort", new int[] {64}, null, () -> {
            ByteArray b = Data.bytes(64);
            ShortArray s = Data.shorts(64);
            for (int i = 0; i < 64; i++) {
                b.set(i, (byte) (i * 37 - 100));
                s.set(i, (short) (i * 1031 - 30000));
            }
            return new Object[] {b, s, Data.ints(64)};
        }, a -> {
            ByteArray b = (ByteArray) a[0];
            ShortArray s = (ShortArray) a[1];
            int[] e = new int[64];
            for (int i = 0; i < 64; i++) {
                byte bb = (byte) (i * 37 - 100);
                short ss = (short) (i * 1031 - 30000);
                e[i] = bb + ss + (char) ss;
                Checks.equal((byte) (bb * 3 + 1), b.get(i), "byte " + i);
                Checks.equal((short) (ss * 300), s.get(i), "short " + i);
            }
            Checks.ints(e, (IntArray) a[2]);
        }, true));
        c.add(new Case("localAtomics", new int[] {1024}, new int[] {64}, () -> new Object[] {Data.randomInts(1024, 27, 0), Data.ints(16)}, a -> {
            IntArray d = (IntArray) a[0];
            int[] e = new int[16];
            for (int i = 0; i < 1024; i++) e[(d.get(i) & 0x7fffffff) % 16]++;
            Checks.ints(e, (IntArray) a[1]);
        }, true));
        c.add(new Case("constants", new int[] {16}, null, () -> new Object[] {Data.floats(16), Data.longs(16)}, a -> {
            float[] e = new float[16];
            long[] el = new long[16];
            for (int i = 0; i < 16; i++) {
                e[i] = i * 3 + 0.25f;
                el[i] = 10000000000L + i;
            }
            Checks.floatsExact(e, (FloatArray) a[0]);
            Checks.longs(el, (LongArray) a[1]);
        }, true));
        float[] mx = {Float.NaN, 1f, -0f, 2.5f, -3.75f, Float.POSITIVE_INFINITY, 0.049f, -0.05f, 7f, Float.NaN, 100.4f, -100.5f, 0.5f, -0.5f, 1e-3f, 3f};
        float[] my = {2f, Float.NaN, 5f, -2.5f, -3.75f, 1f, -7.9f, 12.5f, Float.NEGATIVE_INFINITY, Float.NaN, 1e9f, -1e9f, 3.5f, -8.25f, 0.75f, 1023.5f};
        c.add(new Case("javaMath", new int[] {16}, null, () -> {
            FloatArray x = Data.floats(16), y = Data.floats(16);
            for (int i = 0; i < 16; i++) {
                x.set(i, mx[i]);
                y.set(i, my[i]);
            }
            return new Object[] {x, y, Data.floats(64), Data.ints(32)};
        }, a -> {
            float[] e = new float[64];
            int[] ei = new int[32];
            for (int i = 0; i < 16; i++) {
                float x = mx[i], y = my[i];
                e[4 * i] = Math.min(x, y);
                e[4 * i + 1] = Math.max(x, y);
                e[4 * i + 2] = Math.signum(x);
                e[4 * i + 3] = Math.abs(y);
                ei[2 * i] = Math.round(x * 10f);
                ei[2 * i + 1] = Math.abs((int) y * 1000) + Math.min((int) x, 3) + Integer.bitCount((int) y);
            }
            Checks.floatsExact(e, (FloatArray) a[2]);
            Checks.ints(ei, (IntArray) a[3]);
        }, true));
        c.add(new Case("transposeStrided", new int[] {8, 8}, null, () -> {
            MemorySegment m = Data.mem(4 * 30);
            FloatArray base = FloatArray.wrap(m, 6, 5);
            for (int i = 0; i < 30; i++) base.set(i, i * 1.5f);
            FloatArray view = new FloatArray(m, 0, new long[] {5, 6}, new long[] {1, 5}, null); // the transpose of base
            return new Object[] {view, FloatArray.wrap(Data.mem(4 * 30), 6, 5)};
        }, a -> {
            float[] e = new float[30];
            for (int i = 0; i < 5; i++) for (int j = 0; j < 6; j++) e[j * 5 + i] = (j * 5 + i) * 1.5f * 2f;
            Checks.floatsExact(e, (FloatArray) a[1]);
        }, true));
        c.add(new Case("casMax", new int[] {512}, null, () -> {
            IntArray best = Data.ints(1);
            best.set(0, Integer.MIN_VALUE);
            return new Object[] {Data.randomInts(512, 28, 0), best};
        }, a -> {
            IntArray in = (IntArray) a[0];
            int m = Integer.MIN_VALUE;
            for (int i = 0; i < 512; i++) m = Math.max(m, in.get(i));
            Checks.ints(new int[] {m}, (IntArray) a[1]);
        }, true));
        c.add(new Case("logic", new int[] {64}, null, () -> new Object[] {Data.randomInts(64, 29, 60), Data.ints(64), 10, 40, false}, a -> {
            IntArray in = (IntArray) a[0];
            int[] e = new int[64];
            for (int i = 0; i < 64; i++) {
                int v = in.get(i);
                boolean inside = v >= 10 && v <= 40;
                boolean edge = v == 10 || v == 40 || (v & 1) == 0 && v > 40;
                e[i] = (inside ? 1 : 0) + (edge ? 2 : 0);
            }
            Checks.ints(e, (IntArray) a[1]);
        }, true));
        float[] ca = {1f, 2f, Float.NaN, 3f, Float.NaN, -0f, 0f, Float.NEGATIVE_INFINITY};
        float[] cb = {2f, 1f, 1f, Float.NaN, Float.NaN, 0f, -0f, Float.NEGATIVE_INFINITY};
        c.add(new Case("floatCompare", new int[] {8}, null, () -> {
            FloatArray x = Data.floats(8), y = Data.floats(8);
            for (int i = 0; i < 8; i++) {
                x.set(i, ca[i]);
                y.set(i, cb[i]);
            }
            return new Object[] {x, y, Data.ints(8)};
        }, a -> {
            int[] e = new int[8];
            for (int i = 0; i < 8; i++) {
                float x = ca[i], y = cb[i];
                int r = 0;
                if (x < y) r |= 1;
                if (x <= y) r |= 2;
                if (x > y) r |= 4;
                if (x >= y) r |= 8;
                if (x == y) r |= 16;
                if (x != y) r |= 32;
                if (!(x < y)) r |= 64;
                if (Float.isNaN(x)) r |= 128;
                e[i] = r;
            }
            Checks.ints(e, (IntArray) a[2]);
        }, true));
        c.add(new Case("doubleMath", new int[] {32}, null, () -> {
            DoubleArray in = Data.doubles(32);
            for (int i = 0; i < 32; i++) in.set(i, i * 0.37 + 0.01);
            return new Object[] {in, Data.doubles(32)};
        }, a -> {
            double[] e = new double[32];
            for (int i = 0; i < 32; i++) {
                double x = i * 0.37 + 0.01;
                e[i] = Math.sqrt(x) + Math.log1p(x) + x % 0.7 + Math.max(x, 1.5) + (double) (long) (x * 1e3);
            }
            Checks.doublesClose(e, (DoubleArray) a[1], 1e-12);
        }, true));
        c.add(new Case("roundLargeFloatConstants", new int[] {4}, null, () -> new Object[] {Data.floats(4)},
                a -> Checks.floatsExact(new float[] {0x1p60f, -2f, -0x1p40f, 1f}, (FloatArray) a[0]), true));
        c.add(new Case("roundLargeDoubleConstants", new int[] {3}, null, () -> new Object[] {Data.doubles(3)},
                a -> Checks.doublesClose(new double[] {-0x1.ad8938e97ceeap219, 2.0, -0x1p70}, (DoubleArray) a[0], 0), true));
        float[] powX = {1f, 1f, -1f, -1f, 1f, 2f, Float.NaN, -1f}, powY = {Float.NaN, Float.POSITIVE_INFINITY,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, Float.NaN, 0f, 2f};
        float[] powF = new float[8];
        double[] powD = new double[8];
        for (int i = 0; i < 8; i++) {
            powF[i] = KernelMath.pow(powX[i], powY[i]);
            powD[i] = Math.pow(powX[i], powY[i]) + (i == 0 ? Math.pow(-1.0, Double.NEGATIVE_INFINITY) : 0.0);
        }
        c.add(new Case("powSpecialCases", new int[] {8}, null, () -> new Object[] {FloatArray.of(powX.clone()), FloatArray.of(powY.clone()),
            Data.floats(8), Data.doubles(8)}, a -> {
            Checks.floatsExact(powF, (FloatArray) a[2]);
            for (int i = 0; i < 8; i++) {
                Checks.equal(Double.doubleToLongBits(powD[i]), Double.doubleToLongBits(((DoubleArray) a[3]).get(i)), "pow double " + i);
            }
        }, true));
        c.add(new Case("powSpecialCasesFloat", new int[] {8}, null, () -> new Object[] {FloatArray.of(powX.clone()), FloatArray.of(powY.clone()),
            Data.floats(8)}, a -> Checks.floatsExact(powF, (FloatArray) a[2]), true));
        BranchCases.addTo(c);
        NarrowingCases.addTo(c);
        DivisionCases.addTo(c);
        DeviceSemanticsCases.addTo(c);
        return c;
    }
}
