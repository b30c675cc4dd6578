package org.jdpx.dpnp;

import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;

/**
 * {@link LinalgKernels64}'s kernels for float32, in float arithmetic (float literals only, and
 * {@code (float) Math.sqrt}, which the compiler keeps in float), so that devices without fp64
 * (rusticl here, many GPUs) run them. Java has no generics over primitive types, hence the twin.
 */
final class LinalgKernels32 {

    static final int GROUP = LinalgKernels64.GROUP;
    static final int QR_BLOCK = LinalgKernels64.QR_BLOCK;

    private LinalgKernels32() {
    }

    /**
     * LU with partial pivoting of columns {@code k..k+nb-1} of each {@code n x n} matrix (rows
     * {@code k..n-1}), swapping whole rows; records the pivot row of column j in
     * {@code piv[b*n + j]} and the first zero pivot (1-based) in {@code info[b]}. One work-group
     * per matrix (a power of two, at most {@link #GROUP} items; 1 on the java device): the pivot
     * search is a tree reduction in local memory, the swap, scaling and rank-1 update are split
     * over the rows.
     */
    @Kernel
    public static void luPanel(KernelContext ctx, FloatArray a, IntArray piv, IntArray info, int n, int k, int nb) {
        float[] best = ctx.localFloats(GROUP);
        int[] where = ctx.localInts(GROUP);
        int b = ctx.groupId(0);
        int lid = ctx.localId(0);
        int gs = ctx.localSize(0);
        int base = b * n * n;
        for (int j = k; j < k + nb; j++) {
            float bv = -1;
            int bi = j;
            for (int i = j + lid; i < n; i += gs) {
                float v = Math.abs(a.get(base + i * n + j));
                if (v > bv) {
                    bv = v;
                    bi = i;
                }
            }
            best[lid] = bv;
            where[lid] = bi;
            ctx.localBarrier();
            for (int half = gs / 2; half > 0; half >>= 1) {
                if (lid < half) {
                    float o = best[lid + half];
                    int oi = where[lid + half];
                    if (o > best[lid] || o == best[lid] && oi < where[lid]) {
                        best[lid] = o;
                        where[lid] = oi;
                    }
                }
                ctx.localBarrier();
            }
            int p = where[0];
            ctx.localBarrier();
            if (lid == 0) piv.set(b * n + j, p);
            if (p != j) {
                for (int c = lid; c < n; c += gs) {
                    float t = a.get(base + j * n + c);
                    a.set(base + j * n + c, a.get(base + p * n + c));
                    a.set(base + p * n + c, t);
                }
            }
            ctx.globalBarrier();
            float d = a.get(base + j * n + j);
            if (d == 0) {
                if (lid == 0 && info.get(b) == 0) info.set(b, j + 1);
            } else {
                for (int i = j + 1 + lid; i < n; i += gs) {
                    float l = a.get(base + i * n + j) / d;
                    a.set(base + i * n + j, l);
                    for (int c = j + 1; c < k + nb; c++) a.set(base + i * n + c, a.get(base + i * n + c) - l * a.get(base + j * n + c));
                }
            }
            ctx.globalBarrier();
        }
    }

    /**
     * Solves {@code T x = b} in place for each right-hand-side column of an {@code nb}-row block,
     * T triangular ({@code lower} 1/0, {@code unit} diagonal 1/0). T(i,t) is
     * {@code a[g*aB + aOff + i*as0 + t*as1]} and b(i,c) is {@code b[g*bB + bOff + i*bs0 + c*bs1]};
     * work-item {@code g*r + c} solves column c of batch element g.
     */
    @Kernel
    public static void trsm(KernelContext ctx, FloatArray a, FloatArray b, int nb, int r, int lower, int unit,
                            int aB, int aOff, int as0, int as1, int bB, int bOff, int bs0, int bs1, int total) {
        int w = ctx.globalId(0);
        if (w >= total) return;
        int g = w / r;
        int c = w - g * r;
        int ab = g * aB + aOff;
        int bb = g * bB + bOff + c * bs1;
        for (int ii = 0; ii < nb; ii++) {
            int i = lower == 1 ? ii : nb - 1 - ii;
            float s = b.get(bb + i * bs0);
            for (int tt = 0; tt < ii; tt++) {
                int t = lower == 1 ? tt : nb - 1 - tt;
                s -= a.get(ab + i * as0 + t * as1) * b.get(bb + t * bs0);
            }
            if (unit == 0) s = s / a.get(ab + i * as0 + i * as1);
            b.set(bb + i * bs0, s);
        }
    }

    /**
     * {@link #trsm} for rows stored contiguously in T and b (column strides 1), the LU's own
     * blocks: neighbouring work-items read neighbouring elements of b and the same element of T,
     * which a CPU driver turns into vector loads across work-items (the strided form cannot be).
     */
    @Kernel
    public static void trsmRows(KernelContext ctx, FloatArray a, FloatArray b, int nb, int r, int lower, int unit, int aB, int aOff,
                                int as0, int bB, int bOff, int bs0, int total) {
        int w = ctx.globalId(0);
        if (w >= total) return;
        int g = w / r;
        int c = w - g * r;
        int ab = g * aB + aOff;
        int bb = g * bB + bOff + c;
        for (int ii = 0; ii < nb; ii++) {
            int i = lower == 1 ? ii : nb - 1 - ii;
            int row = ab + i * as0;
            float s = b.get(bb + i * bs0);
            for (int tt = 0; tt < ii; tt++) {
                int t = lower == 1 ? tt : nb - 1 - tt;
                s -= a.get(row + t) * b.get(bb + t * bs0);
            }
            if (unit == 0) s = s / a.get(row + i);
            b.set(bb + i * bs0, s);
        }
    }

    /**
     * {@link #trsmRows} for many right-hand sides: each work-item solves {@code chunk} neighbouring
     * right-hand sides of one matrix ({@code total} items: matrices times chunks of {@code r}), row
     * by row, each row of b updated
     * along its contiguous elements by the rows solved before it; that innermost loop is what a CPU
     * driver vectorizes (one item per right-hand side walked b down its column, a stride of a whole
     * row per element, and PoCL did not vectorize across items around the inner loops). The sums
     * are taken in the same order as {@link #trsm}'s, so results match it exactly.
     */
    @Kernel
    public static void trsmChunks(KernelContext ctx, FloatArray a, FloatArray b, int nb, int r, int lower, int unit, int aB, int aOff,
                                  int as0, int bB, int bOff, int bs0, int chunk, int total) {
        int w = ctx.globalId(0);
        if (w >= total) return;
        int chunks = (r + chunk - 1) / chunk;
        int g = w / chunks;
        int c0 = (w - g * chunks) * chunk;
        int c1 = c0 + chunk;
        if (c1 > r) c1 = r;
        int ab = g * aB + aOff;
        int bb = g * bB + bOff;
        for (int ii = 0; ii < nb; ii++) {
            int i = lower == 1 ? ii : nb - 1 - ii;
            int row = ab + i * as0;
            int bi = bb + i * bs0;
            for (int tt = 0; tt < ii; tt++) {
                int t = lower == 1 ? tt : nb - 1 - tt;
                float l = a.get(row + t);
                int bt = bb + t * bs0;
                for (int c = c0; c < c1; c++) b.set(bi + c, b.get(bi + c) - l * b.get(bt + c));
            }
            if (unit == 0) {
                float d = a.get(row + i);
                for (int c = c0; c < c1; c++) b.set(bi + c, b.get(bi + c) / d);
            }
        }
    }

    /**
     * Cholesky (lower) of the diagonal block at rows and columns {@code k..k+nb-1} of each
     * {@code n x n} matrix, reading the lower triangle only; a diagonal that is not positive
     * records its 1-based position in {@code info[b]} and stops that matrix.
     */
    @Kernel
    public static void cholDiag(KernelContext ctx, FloatArray a, IntArray info, int n, int k, int nb, int batch) {
        int b = ctx.globalId(0);
        if (b >= batch || info.get(b) != 0) return;
        int base = b * n * n;
        for (int j = k; j < k + nb; j++) {
            float d = a.get(base + j * n + j);
            for (int t = k; t < j; t++) d -= a.get(base + j * n + t) * a.get(base + j * n + t);
            if (!(d > 0)) {
                info.set(b, j + 1);
                return;
            }
            float l = (float) Math.sqrt(d);
            a.set(base + j * n + j, l);
            for (int i = j + 1; i < k + nb; i++) {
                float s = a.get(base + i * n + j);
                for (int t = k; t < j; t++) s -= a.get(base + i * n + t) * a.get(base + j * n + t);
                a.set(base + i * n + j, s / l);
            }
        }
    }

    /**
     * Householder QR of columns {@code k..k+nb-1} (rows {@code k..m-1}, {@code nb <= QR_BLOCK}) of
     * each {@code m x n} matrix, LAPACK's convention (v(0) = 1 stored implicitly, beta =
     * -sign(alpha)*norm): R on and above the diagonal, v below it, the scalars in
     * {@code tau[b*kk + j]}, and the block's upper triangular T of H1...Hnb = I - V T V^T in
     * {@code t[b*nb*nb ...]}. One work-group per matrix; the column sums are split over its rows
     * and added up in local memory.
     */
    @Kernel
    public static void qrPanel(KernelContext ctx, FloatArray a, FloatArray tau, FloatArray t, int m, int n, int k,
                               int nb, int kk) {
        float[] part = ctx.localFloats(GROUP * QR_BLOCK);
        float[] sums = ctx.localFloats(QR_BLOCK);
        int b = ctx.groupId(0);
        int lid = ctx.localId(0);
        int gs = ctx.localSize(0);
        int base = b * m * n;
        int tb = b * nb * nb;
        for (int j = k; j < k + nb; j++) {
            int q = j - k;
            float alpha = a.get(base + j * n + j);
            float xs = 0;
            for (int i = j + 1 + lid; i < m; i += gs) xs += a.get(base + i * n + j) * a.get(base + i * n + j);
            part[lid] = xs;
            ctx.localBarrier();
            if (lid == 0) {
                float s = 0;
                for (int u = 0; u < gs; u++) s += part[u];
                sums[0] = s;
            }
            ctx.localBarrier();
            xs = sums[0];
            float tj = 0;
            float beta = alpha;
            if (xs != 0) {
                float norm = (float) Math.sqrt(alpha * alpha + xs);
                beta = alpha >= 0 ? -norm : norm;
                tj = (beta - alpha) / beta;
                float scale = alpha - beta;
                for (int i = j + 1 + lid; i < m; i += gs) a.set(base + i * n + j, a.get(base + i * n + j) / scale);
            }
            ctx.globalBarrier();
            // w(c) = v^T a(:, c) for the panel columns right of j, and v_p^T v for the columns left of it (for T)
            for (int c = 0; c < nb; c++) {
                int col = k + c;
                float w = 0;
                if (c != q) {
                    for (int i = j + 1 + lid; i < m; i += gs) w += a.get(base + i * n + j) * a.get(base + i * n + col);
                }
                part[c * gs + lid] = w;
            }
            ctx.localBarrier();
            for (int c = lid; c < nb; c += gs) {
                float s = c == q ? 0 : a.get(base + j * n + k + c);
                for (int u = 0; u < gs; u++) s += part[c * gs + u];
                sums[c] = s;
            }
            ctx.globalBarrier();
            for (int i = j + lid; i < m; i += gs) {
                float v = i == j ? 1 : a.get(base + i * n + j);
                for (int c = q + 1; c < nb; c++) {
                    int col = k + c;
                    a.set(base + i * n + col, a.get(base + i * n + col) - v * tj * sums[c]);
                }
            }
            if (lid == 0) {
                a.set(base + j * n + j, beta);
                tau.set(b * kk + j, tj);
                // T(0:q, q) = -tau_j * T(0:q, 0:q) * (V(:, 0:q)^T v_j)
                for (int p = 0; p < q; p++) {
                    float s = 0;
                    for (int u = p; u < q; u++) s += t.get(tb + p * nb + u) * sums[u];
                    t.set(tb + p * nb + q, -tj * s);
                }
                for (int p = q + 1; p < nb; p++) t.set(tb + p * nb + q, 0);
                t.set(tb + q * nb + q, tj);
            }
            ctx.globalBarrier();
        }
    }

    /**
     * One round of one-sided (Hestenes) Jacobi: rows p and q of each {@code n x m} matrix g
     * (the columns of the matrix being orthogonalized) and of each {@code n x n} matrix h (V's
     * columns) are rotated to make g's rows orthogonal, for the disjoint pairs of round
     * {@code round} of a round-robin over {@code nEven} players. A rotation done sets
     * {@code changed[b]}.
     */
    @Kernel
    public static void jacobiRound(KernelContext ctx, FloatArray g, FloatArray h, IntArray changed, int n, int m,
                                   int nEven, int round, float tol, int total) {
        int w = ctx.globalId(0);
        if (w >= total) return;
        int half = nEven / 2;
        int b = w / half;
        int i = w - b * half;
        int last = nEven - 1;
        int p = i == 0 ? round % last : (round + i) % last;
        int q = i == 0 ? last : (round - i + last) % last;
        if (p > q) {
            int s = p;
            p = q;
            q = s;
        }
        if (q >= n) return;
        int gp = b * n * m + p * m;
        int gq = b * n * m + q * m;
        float alpha = 0;
        float beta = 0;
        float gamma = 0;
        for (int k = 0; k < m; k++) {
            float x = g.get(gp + k);
            float y = g.get(gq + k);
            alpha += x * x;
            beta += y * y;
            gamma += x * y;
        }
        if (alpha == 0 || beta == 0 || !(Math.abs(gamma) > tol * (float) Math.sqrt(alpha * beta))) return;
        float zeta = (beta - alpha) / (2 * gamma);
        float tn = 1 / (Math.abs(zeta) + (float) Math.sqrt(1 + zeta * zeta));
        if (zeta < 0) tn = -tn;
        float c = 1 / (float) Math.sqrt(1 + tn * tn);
        float s = c * tn;
        for (int k = 0; k < m; k++) {
            float x = g.get(gp + k);
            float y = g.get(gq + k);
            g.set(gp + k, c * x - s * y);
            g.set(gq + k, s * x + c * y);
        }
        int hp = b * n * n + p * n;
        int hq = b * n * n + q * n;
        for (int k = 0; k < n; k++) {
            float x = h.get(hp + k);
            float y = h.get(hq + k);
            h.set(hp + k, c * x - s * y);
            h.set(hq + k, s * x + c * y);
        }
        changed.set(b, 1);
    }
}
