package org.jdpx.kernels;

/**
 * A {@code int} array read relative to the element a {@link Stencil} method computes:
 * {@code a.at(0, 1)} is the right neighbour in a 2-D array. See {@link StencilArray}.
 */
public final class IntStencil extends StencilArray {
    private final IntArray view;

    private IntStencil(IntArray view, int[] centre) {
        super(view, centre);
        this.view = view;
    }

    /** A host view of row-major {@code data} with {@code shape}, centred on its first element. */
    public IntStencil(int[] data, long... shape) {
        this(IntArray.wrap(java.lang.foreign.MemorySegment.ofArray(data), shape), new int[shape.length]);
    }

    /**
     * A 1-D {@code view} centred on element {@code i}: how a {@code @Kernel} method or a
     * {@code @Parallel} loop calls a stencil method at one point.
     */
    public static IntStencil around(IntArray view, int i) { return new IntStencil(view, new int[] {i}); }

    /** A 2-D {@code view} centred on element {@code (i, j)}. */
    public static IntStencil around(IntArray view, int i, int j) { return new IntStencil(view, new int[] {i, j}); }

    /** A 3-D {@code view} centred on element {@code (i, j, k)}. */
    public static IntStencil around(IntArray view, int i, int j, int k) { return new IntStencil(view, new int[] {i, j, k}); }

    /** The element {@code di} away along the only axis. */
    public int at(int di) { return view.get(linear(di)); }

    /** The element {@code (di, dj)} away from the centre. */
    public int at(int di, int dj) { return view.get(linear(di, dj)); }

    /** The element {@code (di, dj, dk)} away from the centre. */
    public int at(int di, int dj, int dk) { return view.get(linear(di, dj, dk)); }
}
