package org.jdpx.dpnp;

/**
 * Recursive LU with partial pivoting (Toledo's) and recursive triangular solves, written once over
 * the {@link Steps} a device offers: columns or rows split in halves until a block is narrow
 * enough for the sequential step (a panel of at most {@link Steps#panelLeaf()} columns, a diagonal
 * block of at most {@link Steps#trsmLeaf} rows), and everything between the halves is a matrix
 * product, which is where almost all the flops go.
 */
final class LinalgRecursion {

    /** What the recursion is made of, on one device. */
    interface Steps {
        /**
         * LU with partial pivoting of columns {@code c0..c0+w-1}, rows {@code c0..}, of the square
         * matrices of {@code a}, interchanging whole rows and recording pivots and zero pivots.
         */
        void panel(LinalgBlock a, long c0, long w);

        /** Solves {@code T X = B} in place for a block of at most {@link #trsmLeaf} rows. */
        void trsmLeaf(LinalgBlock tri, LinalgBlock b, boolean lower, boolean unit);

        /** {@code c -= a @ b}, c not overlapping a or b. */
        void subProduct(LinalgBlock c, LinalgBlock a, LinalgBlock b);

        /** The widest panel {@link #panel} takes. */
        long panelLeaf();

        /** The tallest diagonal block {@link #trsmLeaf} takes for {@code r} right-hand sides. */
        long trsmLeaf(long r);
    }

    private LinalgRecursion() {
    }

    /**
     * Factors columns {@code c0..c1-1} (rows {@code c0..n-1}) of the {@code n x n} matrices of
     * {@code a}: the left half first, then its unit lower triangle solved into the right half's top
     * rows, the right half's lower rows updated by one product, and those factored.
     */
    static void factor(Steps s, LinalgBlock a, long c0, long c1) {
        long w = c1 - c0;
        if (w <= s.panelLeaf()) {
            if (w > 0) s.panel(a, c0, w);
            return;
        }
        long mid = c0 + split(w, s.panelLeaf());
        long n = a.rows();
        factor(s, a, c0, mid);
        LinalgBlock right = a.sub(c0, mid, mid - c0, c1 - mid);
        solveTriangular(s, a.sub(c0, c0, mid - c0, mid - c0), right, true, true);
        s.subProduct(a.sub(mid, mid, n - mid, c1 - mid), a.sub(mid, c0, n - mid, mid - c0), right);
        factor(s, a, mid, c1);
    }

    /**
     * Solves {@code T X = B} in place, T the lower ({@code lower}) or upper triangle of the square
     * block {@code tri} (unit diagonal when {@code unit}): one half's rows, then their product
     * subtracted from the other half's right-hand sides, then the other half.
     */
    static void solveTriangular(Steps s, LinalgBlock tri, LinalgBlock b, boolean lower, boolean unit) {
        long h = b.rows();
        if (h == 0 || b.cols() == 0 || b.batch() == 0) return;
        long leaf = s.trsmLeaf(b.cols());
        if (h <= leaf) {
            s.trsmLeaf(tri, b, lower, unit);
            return;
        }
        long h1 = split(h, leaf);
        long f0 = lower ? 0 : h1;
        long fn = lower ? h1 : h - h1;
        long s0 = lower ? h1 : 0;
        long sn = h - fn;
        solveTriangular(s, tri.sub(f0, f0, fn, fn), b.sub(f0, 0, fn, b.cols()), lower, unit);
        s.subProduct(b.sub(s0, 0, sn, b.cols()), tri.sub(s0, f0, sn, fn), b.sub(f0, 0, fn, b.cols()));
        solveTriangular(s, tri.sub(s0, s0, sn, sn), b.sub(s0, 0, sn, b.cols()), lower, unit);
    }

    /** Where a block of {@code w > leaf} rows or columns is cut: about half, a multiple of {@code leaf}. */
    static long split(long w, long leaf) {
        return (w / 2 + leaf - 1) / leaf * leaf;
    }
}
