package org.jdpx.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * {@link Packing#packA} lays out blocks of A as the micro-kernels read them — panels of mr rows,
 * each panel column contiguous, zero past the matrix edge — for row-major A (its own loop) and
 * column-major A (the gather), float32 and float64, blocks starting inside the matrix, heights
 * that are not multiples of mr, padded rows and a batch offset.
 */
class PackingTest {
    private static final int ROWS = 19, COLS = 23, LD = 29, MR = 4;

    @Test
    void float64RowMajorBlocks() {
        check(new Strided(3, LD, 1, (long) ROWS * LD), 8);
    }

    @Test
    void float32RowMajorBlocks() {
        check(new Strided(5, LD, 1, (long) ROWS * LD), 4);
    }

    @Test
    void float64ColumnMajorBlocks() {
        check(new Strided(2, 1, LD, (long) COLS * LD), 8);
    }

    private static void check(Strided s, int bytes) {
        int n = 2 * Math.max(ROWS, COLS) * LD + 8;
        double[] d = new double[n];
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = 1 + i * 0.5 - (i % 7) * 0.25;
            f[i] = (float) d[i];
        }
        MemorySegment a = bytes == 8 ? MemorySegment.ofArray(d) : MemorySegment.ofArray(f);
        // {i0, mc, p0, kc}: whole panels, a ragged last panel, one row, one column, a block inside.
        int[][] blocks = {{0, 16, 0, 23}, {0, 19, 0, 23}, {5, 1, 7, 1}, {3, 13, 4, 11}, {17, 2, 22, 1}};
        for (int[] b : blocks) {
            int i0 = b[0], mc = b[1], p0 = b[2], kc = b[3];
            int panels = (mc + MR - 1) / MR;
            double[] outD = new double[panels * MR * kc];
            float[] outF = new float[outD.length];
            java.util.Arrays.fill(outD, Double.NaN);
            java.util.Arrays.fill(outF, Float.NaN);
            Packing.packA(a, s, 1, i0, mc, p0, kc, bytes == 8 ? MemorySegment.ofArray(outD) : MemorySegment.ofArray(outF),
                    MR, bytes);
            for (int panel = 0; panel < panels; panel++) {
                for (int p = 0; p < kc; p++) {
                    for (int r = 0; r < MR; r++) {
                        int row = panel * MR + r;
                        int at = (int) s.index(1, i0 + row, p0 + p);
                        double want = row < mc ? (bytes == 8 ? d[at] : f[at]) : 0;
                        int k = (panel * kc + p) * MR + r;
                        double got = bytes == 8 ? outD[k] : outF[k];
                        assertEquals(want, got, 0, "block " + java.util.Arrays.toString(b) + " panel " + panel + " p " + p + " r " + r);
                    }
                }
            }
        }
    }
}
