package org.jdpx.dpnp;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Blocked Householder QR (LAPACK's convention, so R matches NumPy's signs): each panel is
 * factored on the device by {@code qrPanel}, which also forms the block reflector's T; the
 * trailing matrix and Q are updated with the compact WY form {@code I - V T V^T}, three matrix
 * products (matmul) per block.
 */
final class LinalgQr {

    private LinalgQr() {
    }

    /** One block reflector: V (explicit, unit lower trapezoidal), T, and its first row and column. */
    private record Reflector(UsmNdArray v, UsmNdArray t, long k) {
    }

    /** A factored stack: R (and the reflectors below the diagonal) in {@code a}, and the block reflectors. */
    private record Factored(UsmNdArray a, List<Reflector> blocks, DType t) {
    }

    private static Factored factor(UsmNdArray x, DType t) {
        UsmNdArray a = LinalgBatch.work(x, t);
        long batch = a.shape()[0];
        long m = LinalgBatch.rows(a);
        long n = LinalgBatch.cols(a);
        long kk = Math.min(m, n);
        // 16 past 1024 rows keeps each work-item of qrPanel below 65535 loop iterations (rusticl) up to 4096 rows
        long nb = m > 1024 ? 16 : LinalgKernels64.QR_BLOCK;
        UsmNdArray tau = Dense.allocate(a, t, batch, Math.max(1, kk));
        List<Reflector> blocks = new ArrayList<>();
        for (long k = 0; k < kk && batch > 0; k += nb) {
            long kb = Math.min(nb, kk - k);
            UsmNdArray tb = Dense.allocate(a, t, batch, kb, kb);
            LinalgBatch.launchGroups("qrPanel", t, a.device(), batch, a, tau, tb, (int) m, (int) n, (int) k, (int) kb, (int) Math.max(1, kk));
            UsmNdArray v = explicitV(a.get(":," + k + ":" + m + "," + k + ":" + (k + kb)), t);
            blocks.add(new Reflector(v, tb, k));
            if (k + kb < n) apply(v, tb, a.get(":," + k + ":" + m + "," + (k + kb) + ":" + n), true);
        }
        return new Factored(a, blocks, t);
    }

    /** The unit lower trapezoidal V of a factored panel (v below the diagonal, 1 on it, 0 above). */
    private static UsmNdArray explicitV(UsmNdArray panel, DType t) {
        long rows = LinalgBatch.rows(panel);
        long cols = LinalgBatch.cols(panel);
        UsmNdArray i = Creation.iota(panel, rows).reshape(rows, 1);
        UsmNdArray j = Creation.iota(panel, cols).reshape(1, cols);
        UsmNdArray unit = Tensor.where(Tensor.equal(i, j), 1, 0).astype(t);
        return Dense.of(Tensor.where(Tensor.greater(i, j), panel, unit), t);
    }

    /** {@code c = (I - V T' V^T) c} in place, T' being T^T ({@code transposeT}, applying Q^T) or T (applying Q). */
    private static void apply(UsmNdArray v, UsmNdArray t, UsmNdArray c, boolean transposeT) {
        if (c.size() == 0) return;
        UsmNdArray w = LinalgBatch.mm(v.swapaxes(1, 2), c);
        w = LinalgBatch.mm(transposeT ? t.swapaxes(1, 2) : t, w);
        LinalgBatch.subProduct(c, v, w);
    }

    /** Q's first {@code q} columns ({@code m x q}), accumulated backwards from the identity. */
    private static UsmNdArray formQ(Factored f, long q) {
        long batch = f.a().shape()[0];
        long m = LinalgBatch.rows(f.a());
        UsmNdArray qm = LinalgBatch.eye(f.a(), f.t(), batch, m, q);
        for (int i = f.blocks().size() - 1; i >= 0; i--) {
            Reflector r = f.blocks().get(i);
            apply(r.v(), r.t(), qm.get(":," + r.k() + ":" + m + "," + r.k() + ":" + q), false);
        }
        return qm;
    }

    /**
     * NumPy's linalg.qr: mode "reduced" (Q m x k, R k x n), "complete" (Q m x m, R m x n) or "r"
     * (R alone), k = min(m, n), for a stack of matrices.
     */
    static UsmNdArray[] qr(UsmNdArray x, String mode) {
        LinalgBatch.check2d(x);
        if (!List.of("reduced", "complete", "r").contains(mode)) {
            throw new IllegalArgumentException("qr: unrecognized mode '" + mode + "'; use 'reduced', 'complete' or 'r'");
        }
        DType t = LinalgBatch.computeType(x, x);
        long m = LinalgBatch.rows(x);
        long n = LinalgBatch.cols(x);
        long k = Math.min(m, n);
        long[] bs = LinalgBatch.batchShape(x);
        Factored f = factor(x, t);
        long rr = mode.equals("complete") ? m : k;
        UsmNdArray r = Creation.triangle(f.a().get(":,0:" + rr + ",:"), 0, false).reshape(LinalgBatch.shape(bs, rr, n));
        if (mode.equals("r")) return new UsmNdArray[] {r};
        UsmNdArray q = formQ(f, mode.equals("complete") ? m : k).reshape(LinalgBatch.shape(bs, m, rr));
        return new UsmNdArray[] {q, r};
    }

    /**
     * Q of {@code (batch, m, n)} work array {@code w} (m x m when {@code complete}, else m x
     * min(m,n)) and the diagonal of R, for the SVD's left vectors.
     */
    static UsmNdArray[] qAndDiagonal(UsmNdArray w, boolean complete) {
        Factored f = factor(w, w.dtype());
        long m = LinalgBatch.rows(w);
        UsmNdArray q = formQ(f, complete ? m : Math.min(m, LinalgBatch.cols(w)));
        return new UsmNdArray[] {q, Creation.diagonal(f.a(), 0, 1, 2)};
    }
}
