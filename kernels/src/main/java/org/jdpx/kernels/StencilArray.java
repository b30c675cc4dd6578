package org.jdpx.kernels;

/**
 * What the stencil arrays share: an array view seen from one centre element. A {@link Stencil}
 * method reads it with {@code at(...)} relative to that centre. Applied to whole arrays
 * ({@code StencilFunction} in jdpx-tensor) the centre is every element in turn; inside a
 * {@code @Kernel} method or a {@code @Parallel} loop, {@code FloatStencil.around(view, i, j)}
 * centres it on one element and the stencil method is called like any helper. On the host
 * (calling the method directly, the reference tests compare with) {@code at} reads the view and
 * throws {@link IndexOutOfBoundsException} outside it; compiled kernels do not check.
 */
public abstract sealed class StencilArray permits FloatStencil, DoubleStencil, IntStencil, LongStencil {
    private final ArrayView view;
    private final long[] centre;

    StencilArray(ArrayView view, int[] centre) {
        if (centre.length != view.rank()) {
            throw new IllegalArgumentException("a stencil array on a view of " + view.rank() + " axes is centred by "
                    + view.rank() + " coordinates, got " + centre.length);
        }
        this.view = view;
        this.centre = new long[centre.length];
        for (int d = 0; d < centre.length; d++) this.centre[d] = centre[d];
    }

    /** Moves the centre to {@code index} (one coordinate per axis); returns this array. */
    public StencilArray moveTo(long... index) {
        if (index.length != centre.length) throw new IllegalArgumentException("expected " + centre.length + " coordinates");
        System.arraycopy(index, 0, centre, 0, index.length);
        return this;
    }

    /** The element index, for the view's linear {@code get(i)}, of the centre moved by {@code rel}. */
    final int linear(int... rel) {
        if (rel.length != centre.length) {
            throw new IllegalArgumentException("at() with " + rel.length + " indices on an array of " + centre.length + " axes");
        }
        long idx = 0;
        for (int d = 0; d < centre.length; d++) {
            long c = centre[d] + rel[d];
            if (c < 0 || c >= view.shape(d)) {
                throw new IndexOutOfBoundsException("relative index " + rel[d] + " on axis " + d + " leaves the array (centre "
                        + centre[d] + ", extent " + view.shape(d) + ")");
            }
            idx += c * (centre.length == 1 ? 1 : view.stride(d));
        }
        return Math.toIntExact(idx);
    }
}
