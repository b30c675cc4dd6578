package org.jdpx.tensor.fusion;

import java.util.Arrays;

/**
 * The index space of one kernel: the axes of the iterated shape split into <em>outer</em> axes
 * (fixed per work-item: the kept axes of a reduction) and <em>inner</em> axes (walked by the
 * work-item's loop through one linear index in C order). An elementwise kernel has only inner
 * axes.
 *
 * @param shape the iterated shape
 * @param outer outer axes, ascending
 * @param inner inner axes, ascending
 */
record Space(long[] shape, int[] outer, int[] inner) {

    static Space elementwise(long[] shape) {
        int[] all = new int[shape.length];
        Arrays.setAll(all, i -> i);
        return new Space(shape, new int[0], all);
    }

    static Space reduction(long[] shape, boolean[] reduced) {
        int[] o = new int[shape.length];
        int[] in = new int[shape.length];
        int no = 0;
        int ni = 0;
        for (int a = 0; a < shape.length; a++) {
            if (reduced[a]) in[ni++] = a; else o[no++] = a;
        }
        return new Space(shape, Arrays.copyOf(o, no), Arrays.copyOf(in, ni));
    }

    long outerSize() { return product(outer); }

    long innerSize() { return product(inner); }

    private long product(int[] axes) {
        long n = 1;
        for (int a : axes) n *= shape[a];
        return n;
    }

    /** Whether {@code strides} (over the full shape) step through the inner axes in C order with unit stride. */
    boolean innerIsLinear(long[] strides) {
        long expect = 1;
        for (int k = inner.length - 1; k >= 0; k--) {
            int a = inner[k];
            if (shape[a] != 1 && strides[a] != expect) return false;
            expect *= shape[a];
        }
        return true;
    }

    /** Whether {@code strides} are zero on every inner axis of extent above one. */
    boolean innerIsConstant(long[] strides) {
        for (int a : inner) {
            if (shape[a] != 1 && strides[a] != 0) return false;
        }
        return true;
    }
}
