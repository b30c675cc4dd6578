package org.jdpx.kernels;

/**
 * A {@code long} array read relative to the element a {@link Stencil} method computes:
 * {@code a.at(0, 1)} is the right neighbour in a 2-D array. See {@link StencilArray}.
 */
public final class LongStencil extends StencilArray {
    private final LongArray view;

    private LongStencil(LongArray view, int[] centre) {
        super(view, centre);
        this.view = view;
    }

    /** A host view of row-major {@code data} with {@code shape}, centred on its first element. */
    public LongStencil(long[] data, long... shape) {
        this(LongArray.wrap(java.lang.foreign.MemorySegment.ofArray(data), shape), new int[shape.length]);
    }

    /**
     * A 1-D {@code view} centred on element {@code i}: how a {@code @Kernel} method or a
     * {@code @Parallel} loop calls a stencil method at one point.
     */
    public static LongStencil around(LongArray view, int i) { return new LongStencil(view, new int[] {i}); }

    /** A 2-D {@code view} centred on element {@code (i, j)}. */
    public static LongStencil around(LongArray view, int i, int j) { return new LongStencil(view, new int[] {i, j}); }

    /** A 3-D {@code view} centred on element {@code (i, j, k)}. */
    public static LongStencil around(LongArray view, int i, int j, int k) { return new LongStencil(view, new int[] {i, j, k}); }

    /** The element {@code di} away along the only axis. */
    public long at(int di) { return view.get(linear(di)); }

    /** The element {@code (di, dj)} away from the centre. */
    public long at(int di, int dj) { return view.get(linear(di, dj)); }

    /** The element {@code (di, dj, dk)} away from the centre. */
    public long at(int di, int dj, int dk) { return view.get(linear(di, dj, dk)); }
}
