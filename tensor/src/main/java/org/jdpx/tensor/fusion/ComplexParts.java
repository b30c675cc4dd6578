package org.jdpx.tensor.fusion;

import org.jdpx.tensor.View;

/**
 * Where the parts of a complex array lie: a complex element is a (real, imaginary) pair of its
 * part dtype, so each part is a real view over the same memory with every stride doubled and
 * the offset doubled (plus one for the imaginary part). Used for NumPy's {@code .real} and
 * {@code .imag} views and by the kernels that read and write complex arrays.
 */
public final class ComplexParts {

    private ComplexParts() {
    }

    /**
     * Part {@code which} (0 real, 1 imaginary) of complex leaf {@code l} as a real leaf.
     *
     * @throws IllegalArgumentException when {@code l} is not complex
     */
    public static Node.Leaf part(Node.Leaf l, int which) {
        if (!l.dtype().isComplex()) throw new IllegalArgumentException("not a complex array: " + l.dtype());
        View v = l.view();
        long[] st = v.strides().clone();
        for (int i = 0; i < st.length; i++) st[i] *= 2;
        return new Node.Leaf(l.memory(), new View(v.shape(), st, v.offset() * 2 + which), l.dtype().realPart());
    }
}
