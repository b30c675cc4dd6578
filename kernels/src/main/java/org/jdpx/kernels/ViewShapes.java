package org.jdpx.kernels;

/** Shape and stride checks shared by the typed views. */
final class ViewShapes {
    private ViewShapes() {
    }

    static long[] checkShape(long[] shape) {
        if (shape == null || shape.length < 1 || shape.length > 3) {
            throw new IllegalArgumentException("a view has 1 to 3 dimensions, got "
                    + (shape == null ? "null" : java.util.Arrays.toString(shape)));
        }
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + java.util.Arrays.toString(shape));
        }
        return shape.clone();
    }

    static long[] checkStrides(long[] shape, long[] strides) {
        if (strides.length != shape.length) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape)
                    + " and strides " + java.util.Arrays.toString(strides) + " differ in rank");
        }
        return strides.clone();
    }

    static long[] rowMajor(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= shape[d];
        }
        return s;
    }

    static long product(long[] shape) {
        long p = 1;
        for (long d : shape) p *= d;
        return p;
    }
}
