package org.jdpx.distributed;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How a distributed array's elements are split: {@link Kind#BLOCK_1D} cuts the global shape
 * along one axis into contiguous blocks (block {@code i} holds indices {@code offsets[i]} to
 * {@code offsets[i+1]-1}; blocks may be uneven or empty); {@link Kind#CYCLIC_1D} deals chunks of
 * {@code chunk} indices along one axis round-robin (ScaLAPACK's block-cyclic: partition {@code p}
 * of {@code P} holds chunks {@code p, p+P, p+2P, ...} one after another); {@link Kind#BLOCK_2D}
 * cuts a 2-d array into a grid of {@code pr x pc} blocks (partition {@code r*pc + c} holds row
 * block {@code r} and column block {@code c}); {@link Kind#REP} is one whole copy (a replicated
 * value, as a reduction's result or a broadcast operand). Every partition holds its indices in
 * increasing global order.
 *
 * @param kind       the layout's kind, named as HPAT names it
 * @param axis       the split axis (0 for REP and 2D_Block)
 * @param shape      the global shape
 * @param offsets    {@code blocks + 1} increasing offsets along the split axis, from 0 to
 *                   {@code shape[axis]}: the block boundaries (1D_Block), the running sums of the
 *                   partitions' extents (1D_Cyclic), the row block boundaries (2D_Block)
 * @param chunk      the chunk size of 1D_Cyclic (0 otherwise)
 * @param colOffsets the column block boundaries of 2D_Block (empty otherwise)
 */
public record Layout(Kind kind, int axis, long[] shape, long[] offsets, long chunk, long[] colOffsets) implements Serializable {

    /** The layouts a distributed value can have. */
    public enum Kind {
        /** Contiguous blocks along one axis, one per Spark partition. */
        BLOCK_1D("1D_Block"),
        /** Chunks of a fixed size along one axis dealt round-robin to the partitions. */
        CYCLIC_1D("1D_Cyclic"),
        /** A grid of row blocks times column blocks of a 2-d array, one per partition. */
        BLOCK_2D("2D_Block"),
        /** A whole copy on the driver, broadcast to executors when an operation needs it. */
        REP("REP");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** HPAT's name: {@code 1D_Block}, {@code REP}. */
        public String label() {
            return label;
        }
    }

    /**
     * Checks the offsets.
     *
     * @throws IllegalArgumentException when the axis is outside the shape or the offsets do not
     *         rise from 0 to the axis' extent
     */
    public Layout {
        shape = shape.clone();
        offsets = offsets.clone();
        colOffsets = colOffsets == null ? new long[0] : colOffsets.clone();
        if (kind == Kind.BLOCK_2D) {
            if (shape.length != 2) throw new IllegalArgumentException("layout: 2D_Block needs a 2-d shape, got " + Arrays.toString(shape));
            checkOffsets(colOffsets, shape[1], 1);
        }
        if (kind == Kind.CYCLIC_1D && chunk < 1) throw new IllegalArgumentException("layout: 1D_Cyclic needs a chunk size >= 1, got " + chunk);
        if (kind != Kind.REP) {
            if (axis < 0 || axis >= shape.length) {
                throw new IllegalArgumentException("layout: split axis " + axis + " is outside shape " + Arrays.toString(shape));
            }
            checkOffsets(offsets, shape[axis], axis);
        }
    }

    /** A 1D_Block or REP layout (no chunk, no column blocks). */
    public Layout(Kind kind, int axis, long[] shape, long[] offsets) {
        this(kind, axis, shape, offsets, 0, new long[0]);
    }

    private static void checkOffsets(long[] offsets, long extent, int axis) {
        if (offsets.length < 2 || offsets[0] != 0 || offsets[offsets.length - 1] != extent) {
            throw new IllegalArgumentException("layout: offsets " + Arrays.toString(offsets) + " must run from 0 to "
                    + extent + " (the extent of axis " + axis + ")");
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IllegalArgumentException("layout: offsets " + Arrays.toString(offsets) + " must not decrease");
            }
        }
    }

    /**
     * Block-cyclic along {@code axis}: chunks of {@code chunk} indices dealt round-robin to
     * {@code partitions} partitions (the last chunk may be short; partitions past the chunks are empty).
     *
     * @throws IllegalArgumentException for a bad axis, {@code chunk < 1} or {@code partitions < 1}
     */
    public static Layout cyclic(long[] shape, int axis, long chunk, int partitions) {
        if (partitions < 1) throw new IllegalArgumentException("layout: need at least one partition, got " + partitions);
        if (axis < 0 || axis >= shape.length) throw new IllegalArgumentException("layout: split axis " + axis + " is outside shape " + Arrays.toString(shape));
        if (chunk < 1) throw new IllegalArgumentException("layout: 1D_Cyclic needs a chunk size >= 1, got " + chunk);
        long n = shape[axis];
        long[] off = new long[partitions + 1];
        for (int p = 0; p < partitions; p++) {
            long ext = 0;
            for (long c = p; c * chunk < n; c += partitions) ext += Math.min(chunk, n - c * chunk);
            off[p + 1] = off[p] + ext;
        }
        return new Layout(Kind.CYCLIC_1D, axis, shape, off, chunk, new long[0]);
    }

    /**
     * A 2-d array cut into {@code rows x cols} blocks of NumPy's array_split sizes along each axis.
     *
     * @throws IllegalArgumentException for a shape that is not 2-d or fewer than one block per axis
     */
    public static Layout block2d(long[] shape, int rows, int cols) {
        if (shape.length != 2) throw new IllegalArgumentException("layout: 2D_Block needs a 2-d shape, got " + Arrays.toString(shape));
        return grid(shape, block(shape, 0, rows).offsets, block(shape, 1, cols).offsets);
    }

    /** A 2-d grid of the given row block and column block sizes (uneven and empty blocks allowed). */
    public static Layout block2dSized(long[] shape, long[] rowSizes, long[] colSizes) {
        if (shape.length != 2) throw new IllegalArgumentException("layout: 2D_Block needs a 2-d shape, got " + Arrays.toString(shape));
        return grid(shape, sized(shape, 0, rowSizes).offsets, sized(shape, 1, colSizes).offsets);
    }

    private static Layout grid(long[] shape, long[] rowOff, long[] colOff) {
        return new Layout(Kind.BLOCK_2D, 0, shape, rowOff, 0, colOff);
    }

    /**
     * NumPy's {@code array_split} of axis {@code axis} into {@code blocks} blocks: the first
     * {@code extent % blocks} blocks get one more element; blocks beyond the extent are empty.
     *
     * @throws IllegalArgumentException when {@code blocks < 1}
     */
    public static Layout block(long[] shape, int axis, int blocks) {
        if (blocks < 1) throw new IllegalArgumentException("layout: need at least one block, got " + blocks);
        long n = axis < shape.length && axis >= 0 ? shape[axis] : 0;
        long[] sizes = new long[blocks];
        for (int i = 0; i < blocks; i++) sizes[i] = n / blocks + (i < n % blocks ? 1 : 0);
        return sized(shape, axis, sizes);
    }

    /** Blocks of the given sizes along {@code axis} (uneven and empty blocks allowed); they must sum to the extent. */
    public static Layout sized(long[] shape, int axis, long... sizes) {
        long[] off = new long[sizes.length + 1];
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 0) throw new IllegalArgumentException("layout: block size " + sizes[i] + " is negative");
            off[i + 1] = off[i] + sizes[i];
        }
        return new Layout(Kind.BLOCK_1D, axis, shape, off);
    }

    /** A replicated value of {@code shape}. */
    public static Layout replicated(long[] shape) {
        return new Layout(Kind.REP, 0, shape, new long[] {0});
    }

    /** The global shape (a copy). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The block offsets along the split axis (a copy). */
    @Override
    public long[] offsets() {
        return offsets.clone();
    }

    /** The column block boundaries of a 2D_Block layout (a copy; empty for other kinds). */
    @Override
    public long[] colOffsets() {
        return colOffsets.clone();
    }

    /** Number of blocks (partitions; 1 for REP, the whole copy). */
    public int blocks() {
        if (kind == Kind.REP) return 1;
        return kind == Kind.BLOCK_2D ? (offsets.length - 1) * gridCols() : offsets.length - 1;
    }

    /** Column blocks of a 2D_Block grid (1 for other kinds). */
    public int gridCols() {
        return kind == Kind.BLOCK_2D ? colOffsets.length - 1 : 1;
    }

    /** Row blocks of a 2D_Block grid (the number of blocks for other kinds). */
    public int gridRows() {
        return offsets.length - 1;
    }

    /** First global index along the split axis of block {@code i} (1D_Cyclic: of its first chunk; 2D_Block: its first row). */
    public long start(int i) {
        return switch (kind) {
            case CYCLIC_1D -> Math.min(i * chunk, shape[axis]);
            case BLOCK_2D -> offsets[i / gridCols()];
            default -> offsets[i];
        };
    }

    /** Extent along the split axis of block {@code i} (2D_Block: its rows). */
    public long extent(int i) {
        int r = kind == Kind.BLOCK_2D ? i / gridCols() : i;
        return offsets[r + 1] - offsets[r];
    }

    /** The shape of block {@code i}. */
    public long[] blockShape(int i) {
        long[] s = shape.clone();
        if (kind == Kind.REP) return s;
        s[axis] = extent(i);
        if (kind == Kind.BLOCK_2D) s[1] = colOffsets[i % gridCols() + 1] - colOffsets[i % gridCols()];
        return s;
    }

    /**
     * The global index ranges {@code [lo, hi)} along {@code a} that block {@code i} holds, in its
     * local order: one range for an axis the layout does not split, one per chunk for 1D_Cyclic.
     */
    public long[][] ranges(int i, int a) {
        long n = shape[a];
        if (kind == Kind.REP || (kind != Kind.BLOCK_2D && a != axis) || (kind == Kind.BLOCK_2D && a > 1)) return new long[][] {{0, n}};
        if (kind == Kind.BLOCK_2D && a == 1) {
            int c = i % gridCols();
            return new long[][] {{colOffsets[c], colOffsets[c + 1]}};
        }
        if (kind != Kind.CYCLIC_1D) return new long[][] {{start(i), start(i) + extent(i)}};
        int p = blocks();
        int count = (int) Math.max(0, (n - i * chunk + (long) p * chunk - 1) / ((long) p * chunk));
        long[][] r = new long[count][];
        for (int k = 0; k < count; k++) {
            long lo = (i + (long) k * p) * chunk;
            r[k] = new long[] {lo, Math.min(n, lo + chunk)};
        }
        return r;
    }

    /** Elements of one index along the split axis (the product of the other axes). */
    public long sliceSize() {
        long m = 1;
        for (int a = 0; a < shape.length; a++) if (a != axis) m *= shape[a];
        return m;
    }

    /** The same layout over another shape whose split axis has the same extent. */
    public Layout withShape(long[] newShape, int newAxis) {
        return new Layout(kind, newAxis, newShape, offsets, chunk, colOffsets);
    }

    /** True when both split the same extent at the same offsets (blocks correspond one to one). */
    public boolean sameBlocks(Layout o) {
        return kind == o.kind && Arrays.equals(offsets, o.offsets) && chunk == o.chunk && Arrays.equals(colOffsets, o.colOffsets);
    }

    /**
     * The kind and the block extents: {@code 1D_Block(axis 0: 3+3+2+0)},
     * {@code 1D_Cyclic(axis 0, chunk 2: 4+4+3)}, {@code 2D_Block(2x3: rows 4+3, cols 2+2+1)}, {@code REP}.
     */
    public String describe() {
        if (kind == Kind.REP) return kind.label();
        StringBuilder b = new StringBuilder(kind.label());
        if (kind == Kind.BLOCK_2D) {
            b.append('(').append(gridRows()).append('x').append(gridCols()).append(": rows ");
            sizes(b, offsets).append(", cols ");
            return sizes(b, colOffsets).append(')').toString();
        }
        b.append("(axis ").append(axis);
        if (kind == Kind.CYCLIC_1D) b.append(", chunk ").append(chunk);
        return sizes(b.append(": "), offsets).append(')').toString();
    }

    private static StringBuilder sizes(StringBuilder b, long[] off) {
        for (int i = 1; i < off.length; i++) b.append(i == 1 ? "" : "+").append(off[i] - off[i - 1]);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout l && kind == l.kind && axis == l.axis && Arrays.equals(shape, l.shape) && sameBlocks(l);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(offsets) * 31 + Arrays.hashCode(shape) + axis) * 31 + Arrays.hashCode(colOffsets) + Long.hashCode(chunk);
    }

    @Override
    public String toString() {
        return describe() + " of " + Arrays.toString(shape);
    }
}
