package org.jdpx.kernels;

/**
 * A {@code int} array read relative to the element a {@link Stencil} kernel computes:
 * {@code a.at(0, 1)} is the right neighbour in a 2-D array. See {@link StencilArray}.
 */
public final class IntStencil extends StencilArray {
    private final int[] data;

    /** A host view of row-major {@code data} with {@code shape}, centred on its first element. */
    public IntStencil(int[] data, long... shape) {
        super(data.length, shape);
        this.data = data;
    }

    /** The element {@code di} away along the only axis. */
    public int at(int di) { return data[linear(di)]; }

    /** The element {@code (di, dj)} away from the centre. */
    public int at(int di, int dj) { return data[linear(di, dj)]; }

    /** The element {@code (di, dj, dk)} away from the centre. */
    public int at(int di, int dj, int dk) { return data[linear(di, dj, dk)]; }
}
