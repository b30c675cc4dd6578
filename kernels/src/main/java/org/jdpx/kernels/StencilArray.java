package org.jdpx.kernels;

/**
 * What the stencil arrays share: a row-major array seen from one centre element. In a compiled
 * {@link Stencil} kernel {@code at(...)} becomes a load relative to the work-item's element; on the
 * host (calling the method directly, the reference tests compare with) it reads the backing Java
 * array, throwing {@link IndexOutOfBoundsException} outside it.
 */
public abstract sealed class StencilArray permits FloatStencil, DoubleStencil, IntStencil, LongStencil {
    private final long[] shape;
    private final long[] centre;

    StencilArray(long length, long[] shape) {
        long n = 1;
        for (long s : shape) n *= s;
        if (shape.length < 1 || shape.length > 3 || n != length) {
            throw new IllegalArgumentException("a stencil array has 1 to 3 axes whose product is its length " + length
                    + ", got shape " + java.util.Arrays.toString(shape));
        }
        this.shape = shape.clone();
        this.centre = new long[shape.length];
    }

    /** Moves the centre to {@code index} (one coordinate per axis); returns this array. */
    public StencilArray moveTo(long... index) {
        if (index.length != shape.length) throw new IllegalArgumentException("expected " + shape.length + " coordinates");
        System.arraycopy(index, 0, centre, 0, index.length);
        return this;
    }

    /** The linear element index of the centre moved by {@code rel}. */
    final int linear(int... rel) {
        if (rel.length != shape.length) {
            throw new IllegalArgumentException("at() with " + rel.length + " indices on an array of " + shape.length + " axes");
        }
        long idx = 0;
        for (int d = 0; d < shape.length; d++) {
            long c = centre[d] + rel[d];
            if (c < 0 || c >= shape[d]) throw new IndexOutOfBoundsException("relative index " + rel[d] + " on axis " + d
                    + " leaves the array (centre " + centre[d] + ", extent " + shape[d] + ")");
            idx = idx * shape[d] + c;
        }
        return Math.toIntExact(idx);
    }
}
