package org.jdpx.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.tensor.DType;
import scala.Tuple2;

/**
 * Moving elements between layouts as bytes: a block of one layout is cut into the pieces each
 * block of another layout needs (the per-axis intersections of their index ranges, so chunks,
 * grids and uneven or empty blocks all work), and a block is assembled from the pieces that
 * arrive. {@link DistArray#redistribute} runs these on executors around one shuffle; the driver
 * uses them to split a local array into, and gather one from, layouts other than 1D_Block.
 */
final class Regions {

    private Regions() {
    }

    /** Elements of the global box starting at {@code lo} (extents in {@code data}'s shape), on the way to another block. */
    record Piece(long[] lo, Block data) implements Serializable {
    }

    /**
     * The pieces of block {@code p} of layout {@code from} that blocks of layout {@code to} hold,
     * keyed by the receiving block.
     */
    static List<Tuple2<Integer, Piece>> cut(Block b, Layout from, int p, Layout to) {
        int rank = b.shape().length;
        int item = b.type().itemSize();
        List<Tuple2<Integer, Piece>> out = new ArrayList<>();
        for (int q = 0; q < to.blocks(); q++) {
            List<List<long[]>> perAxis = new ArrayList<>();
            boolean empty = false;
            for (int a = 0; a < rank && !empty; a++) {
                List<long[]> m = meet(from.ranges(p, a), to.ranges(q, a));
                perAxis.add(m);
                empty = m.isEmpty();
            }
            if (empty) continue;
            int[] pick = new int[rank];
            while (true) {
                long[] lo = new long[rank], local = new long[rank], ext = new long[rank];
                for (int a = 0; a < rank; a++) {
                    long[] r = perAxis.get(a).get(pick[a]);
                    lo[a] = r[0];
                    ext[a] = r[1] - r[0];
                    local[a] = r[2];
                }
                byte[] bytes = new byte[Math.toIntExact(product(ext) * item)];
                copy(b.data(), b.shape(), local, bytes, ext, new long[rank], ext, item);
                out.add(new Tuple2<>(q, new Piece(lo, new Block(p, b.dtype(), ext, bytes))));
                int a = rank - 1;
                while (a >= 0 && ++pick[a] == perAxis.get(a).size()) pick[a--] = 0;
                if (a < 0) break;
            }
        }
        return out;
    }

    /** Block {@code q} of layout {@code to} from the pieces cut for it (all of them; none for an empty block). */
    static Block assemble(Iterable<Piece> pieces, Layout to, int q, DType dtype) {
        long[] shape = to.blockShape(q);
        int item = dtype.itemSize();
        byte[] bytes = new byte[Math.toIntExact(product(shape) * item)];
        for (Piece piece : pieces) {
            long[] at = new long[shape.length];
            for (int a = 0; a < shape.length; a++) at[a] = local(to.ranges(q, a), piece.lo()[a]);
            copy(piece.data().data(), piece.data().shape(), new long[shape.length], bytes, shape, at, piece.data().shape(), item);
        }
        return new Block(q, dtype.numpyName(), shape, bytes);
    }

    /**
     * Where the ranges {@code src} (of a block, in its local order) meet {@code dst}: each
     * {@code {globalLo, globalHi, localLoInSrc}}, in increasing order. Both lists are sorted and disjoint.
     */
    static List<long[]> meet(long[][] src, long[][] dst) {
        List<long[]> out = new ArrayList<>();
        long[] localStart = new long[src.length];
        for (int i = 1; i < src.length; i++) localStart[i] = localStart[i - 1] + src[i - 1][1] - src[i - 1][0];
        int i = 0, j = 0;
        while (i < src.length && j < dst.length) {
            long lo = Math.max(src[i][0], dst[j][0]), hi = Math.min(src[i][1], dst[j][1]);
            if (lo < hi) out.add(new long[] {lo, hi, localStart[i] + lo - src[i][0]});
            if (src[i][1] <= dst[j][1]) i++;
            else j++;
        }
        return out;
    }

    /** The local position of global index {@code g} in a block holding {@code ranges}. */
    private static long local(long[][] ranges, long g) {
        long before = 0;
        int lo = 0, hi = ranges.length - 1;
        while (lo < hi) { // the last range starting at or before g
            int mid = (lo + hi + 1) >>> 1;
            if (ranges[mid][0] <= g) lo = mid;
            else hi = mid - 1;
        }
        for (int k = 0; k < lo; k++) before += ranges[k][1] - ranges[k][0];
        return before + g - ranges[lo][0];
    }

    /**
     * Copies the box of extents {@code ext} at {@code srcLo} in a C-order array of shape
     * {@code srcShape} to {@code dstLo} in one of shape {@code dstShape} ({@code item} bytes per element).
     */
    static void copy(byte[] src, long[] srcShape, long[] srcLo, byte[] dst, long[] dstShape, long[] dstLo, long[] ext, int item) {
        int rank = ext.length;
        if (product(ext) == 0) return;
        if (rank == 0) {
            System.arraycopy(src, 0, dst, 0, item);
            return;
        }
        int inner = rank - 1; // axes inner..rank-1 go as one run: those after inner are whole in both arrays
        long run = ext[inner] * item;
        while (inner > 0 && ext[inner] == srcShape[inner] && ext[inner] == dstShape[inner]) {
            inner--;
            run *= ext[inner];
        }
        long[] idx = new long[inner];
        while (true) {
            long so = 0, d = 0;
            for (int a = 0; a < rank; a++) {
                long i = a < inner ? idx[a] : 0;
                so = so * srcShape[a] + srcLo[a] + i;
                d = d * dstShape[a] + dstLo[a] + i;
            }
            System.arraycopy(src, Math.toIntExact(so * item), dst, Math.toIntExact(d * item), Math.toIntExact(run));
            int a = inner - 1;
            while (a >= 0 && ++idx[a] == ext[a]) idx[a--] = 0;
            if (a < 0) return;
        }
    }

    static long product(long[] s) {
        long n = 1;
        for (long v : s) n *= v;
        return n;
    }
}
